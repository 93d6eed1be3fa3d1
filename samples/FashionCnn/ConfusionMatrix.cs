using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using static TorchSharp.torch;

namespace NetGen.Samples.FashionCnn;

/// <summary>Counts of (true class, predicted class) pairs, printed with the class names.</summary>
public sealed class ConfusionMatrix
{
    private ConfusionMatrix(long[,] counts, IReadOnlyList<string> classNames)
    {
        Counts = counts;
        ClassNames = classNames;
    }

    /// <summary><c>Counts[actual, predicted]</c>.</summary>
    public long[,] Counts { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public long Total => Counts.Cast<long>().Sum();

    public long Correct => Enumerable.Range(0, ClassNames.Count).Sum(c => Counts[c, c]);

    /// <summary>Tallies <paramref name="predicted"/> against <paramref name="actual"/> class ids.</summary>
    public static ConfusionMatrix Compute(Tensor actual, Tensor predicted, IReadOnlyList<string> classNames)
    {
        var truth = actual.cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        var guesses = predicted.cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        if (truth.Length != guesses.Length)
        {
            throw new ArgumentException($"{truth.Length} labels but {guesses.Length} predictions.", nameof(predicted));
        }

        var counts = new long[classNames.Count, classNames.Count];
        for (var i = 0; i < truth.Length; i++)
        {
            counts[truth[i], guesses[i]]++;
        }

        return new ConfusionMatrix(counts, classNames);
    }

    /// <summary>A table with a row per true class, a column per predicted class and each class's recall.</summary>
    public override string ToString()
    {
        var n = ClassNames.Count;
        var nameWidth = ClassNames.Max(static c => c.Length);
        var cell = Math.Max(5, Total.ToString(CultureInfo.InvariantCulture).Length + 1);
        var text = new StringBuilder();
        text.Append("true \\ predicted".PadRight(nameWidth + 2));
        for (var p = 0; p < n; p++)
        {
            text.Append(p.ToString(CultureInfo.InvariantCulture).PadLeft(cell));
        }

        text.AppendLine("  recall");
        for (var a = 0; a < n; a++)
        {
            text.Append($"{a} {ClassNames[a]}".PadRight(nameWidth + 2));
            long row = 0;
            for (var p = 0; p < n; p++)
            {
                text.Append(Counts[a, p].ToString(CultureInfo.InvariantCulture).PadLeft(cell));
                row += Counts[a, p];
            }

            var recall = row == 0 ? "-" : ((double)Counts[a, a] / row).ToString("F3", CultureInfo.InvariantCulture);
            text.Append("  ").AppendLine(recall);
        }

        return text.ToString();
    }
}
