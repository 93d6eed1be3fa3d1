using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Metrics;

/// <summary>
/// Area under the ROC curve, exact over all scores of the epoch: the probability that a random
/// positive scores above a random negative, ties counting one half (the Mann-Whitney statistic).
/// Several output columns are flattened, as Keras's AUC does by default.
/// </summary>
public sealed class RocAuc : MetricAccumulator
{
    // Each batch's scores and labels, flattened and kept on their device until Result.
    private readonly List<Tensor> _scores = new();
    private readonly List<Tensor> _labels = new();

    /// <inheritdoc />
    public override string Name => "auc";

    /// <inheritdoc />
    public override void Reset()
    {
        _scores.ForEach(static tensor => tensor.Dispose());
        _labels.ForEach(static tensor => tensor.Dispose());
        _scores.Clear();
        _labels.Clear();
    }

    /// <inheritdoc />
    public override void Update(Tensor predictions, Tensor targets)
    {
        if (targets.numel() != predictions.numel())
        {
            throw new ArgumentException($"ROC-AUC needs one 0/1 label per score; got predictions {Shape.Format(predictions.shape)} and targets {Shape.Format(targets.shape)}.", nameof(targets));
        }

        _scores.Add(predictions.detach().reshape(-1).to_type(ScalarType.Float64).clone().DetachFromDisposeScope());
        using var half = 0.5.ToScalar();
        _labels.Add(targets.detach().reshape(-1).gt(half).clone().DetachFromDisposeScope());
    }

    /// <inheritdoc />
    public override double Result()
    {
        if (_scores.Count == 0)
        {
            return double.NaN;
        }

        using var scope = NewDisposeScope();
        var scores = cat(_scores, 0).cpu().data<double>().ToArray();
        var labels = cat(_labels, 0).cpu().data<bool>().ToArray();
        return Compute(scores, labels);
    }

    /// <inheritdoc />
    public override MetricAccumulator NewInstance() => new RocAuc();

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
