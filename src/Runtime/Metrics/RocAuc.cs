using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen.Metrics;

/// <summary>
/// Area under the ROC curve, exact over all scores of the epoch: the probability that a random
/// positive scores above a random negative, ties counting one half (the Mann-Whitney statistic).
/// Several output columns are flattened, as Keras's AUC does by default.
/// </summary>
public sealed class RocAuc : MetricAccumulator
{
    private readonly List<double> _scores = new();
    private readonly List<bool> _labels = new();

    /// <inheritdoc />
    public override string Name => "auc";

    /// <inheritdoc />
    public override void Reset()
    {
        _scores.Clear();
        _labels.Clear();
    }

    /// <inheritdoc />
    public override void Update(Tensor predictions, Tensor targets)
    {
        var scores = Values(predictions);
        var labels = Values(targets);
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"ROC-AUC needs one 0/1 label per score; got predictions [{string.Join(", ", predictions.shape)}] and targets [{string.Join(", ", targets.shape)}].");
        }

        _scores.AddRange(scores);
        foreach (var label in labels)
        {
            _labels.Add(label > 0.5);
        }
    }

    /// <inheritdoc />
    public override double Result() => Compute(_scores, _labels);

    /// <summary>AUC of <paramref name="scores"/> against <paramref name="labels"/>; NaN when one class is absent.</summary>
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = new int[scores.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]));

        // Sum of the (1-based, tie-averaged) ranks of the positives.
        double positiveRanks = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var averageRank = (start + end + 2) / 2.0;
            for (var i = start; i <= end; i++)
            {
                if (labels[order[i]])
                {
                    positiveRanks += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (positiveRanks - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }
}
