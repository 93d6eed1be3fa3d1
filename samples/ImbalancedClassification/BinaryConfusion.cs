using System;
using System.Globalization;
using System.Linq;
using System.Text;
using static TorchSharp.torch;

namespace NetGen.Samples.ImbalancedClassification;

/// <summary>
/// The four counts of a binary classifier on labelled rows, with the rates Keras's fraud example
/// watches: how many of the rare positives are caught (recall) and how many alarms are real (precision).
/// </summary>
public sealed record BinaryConfusion(long TrueNegatives, long FalsePositives, long FalseNegatives, long TruePositives)
{
    public long Positives => TruePositives + FalseNegatives;

    public long Negatives => TrueNegatives + FalsePositives;

    /// <summary>The share of actual positives predicted positive; NaN without positives.</summary>
    public double Recall => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    /// <summary>The share of positive predictions that are right; NaN when nothing is predicted positive.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Counts predicted 0/1 classes against 0/1 labels (any shape with one value per row).</summary>
    public static BinaryConfusion Compute(Tensor actual, Tensor predicted)
    {
        var truth = actual.reshape(-1).cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        var guesses = predicted.reshape(-1).cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        if (truth.Length != guesses.Length)
        {
            throw new ArgumentException($"{truth.Length} labels but {guesses.Length} predictions.", nameof(predicted));
        }

        var counts = new long[2, 2];
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] is not (0 or 1) || guesses[i] is not (0 or 1))
            {
                throw new ArgumentException($"Row {i} has label {truth[i]} and prediction {guesses[i]}; a binary confusion matrix needs 0 or 1.");
            }

            counts[truth[i], guesses[i]]++;
        }

        return new BinaryConfusion(counts[0, 0], counts[0, 1], counts[1, 0], counts[1, 1]);
    }

    /// <summary>A 2 × 2 table, a row per true class and a column per predicted class, with each row's recall.</summary>
    public string Format(string negativeName, string positiveName)
    {
        var nameWidth = Math.Max(Math.Max(negativeName.Length, positiveName.Length) + 2, "true \\ predicted".Length);
        var cell = Math.Max(negativeName.Length, positiveName.Length) + 2;
        var text = new StringBuilder();
        text.Append("true \\ predicted".PadRight(nameWidth)).Append(negativeName.PadLeft(cell)).Append(positiveName.PadLeft(cell)).AppendLine("  recall");
        Row(negativeName, TrueNegatives, FalsePositives, TrueNegatives);
        Row(positiveName, FalseNegatives, TruePositives, TruePositives);
        return text.ToString();

        void Row(string name, long predictedNegative, long predictedPositive, long right)
        {
            var total = predictedNegative + predictedPositive;
            var recall = total == 0 ? "-" : ((double)right / total).ToString("F3", CultureInfo.InvariantCulture);
            text.Append(name.PadRight(nameWidth))
                .Append(predictedNegative.ToString(CultureInfo.InvariantCulture).PadLeft(cell))
                .Append(predictedPositive.ToString(CultureInfo.InvariantCulture).PadLeft(cell))
                .Append("  ").AppendLine(recall);
        }
    }
}
