using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Decoding;
using static TorchSharp.torch;

namespace NetGen.Samples.Seq2Seq;

/// <summary>
/// Test examples whose source never occurs among the training examples: the digit tasks draw
/// examples independently, and short operands repeat often (one pair of one-digit numbers in nine),
/// so a test set drawn with another seed still shares many sources with the training set.
/// </summary>
public sealed class HeldOutExamples : IDisposable
{
    private HeldOutExamples(Tensor sources, IReadOnlyList<string> sourceTexts, IReadOnlyList<string> targetTexts, int drawn)
    {
        Sources = sources;
        SourceTexts = sourceTexts;
        TargetTexts = targetTexts;
        Drawn = drawn;
    }

    /// <summary>(examples, source length) int64 source tokens.</summary>
    public Tensor Sources { get; }

    /// <summary>Each source as text.</summary>
    public IReadOnlyList<string> SourceTexts { get; }

    /// <summary>Each expected output as text.</summary>
    public IReadOnlyList<string> TargetTexts { get; }

    /// <summary>How many examples were drawn to find these.</summary>
    public int Drawn { get; }

    /// <summary>The number of examples.</summary>
    public int Count => SourceTexts.Count;

    /// <summary>The first <paramref name="count"/> examples of <paramref name="drawn"/> whose source is not among <paramref name="training"/>'s.</summary>
    /// <exception cref="InvalidOperationException">Every drawn source occurs in the training examples.</exception>
    public static HeldOutExamples Select(DigitTaskData drawn, DigitTaskData training, int count)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        ArgumentNullException.ThrowIfNull(training);
        var seen = new HashSet<string>(training.SourceTexts, StringComparer.Ordinal);
        var rows = Enumerable.Range(0, drawn.Count).Where(i => !seen.Contains(drawn.SourceTexts[i])).Take(count).ToArray();
        if (rows.Length == 0)
        {
            throw new InvalidOperationException(
                $"All {drawn.Count} test examples drawn also occur among the {training.Count} training examples: the task has too few distinct sources for a held-out test; use more digits or fewer training examples.");
        }

        using var index = tensor(rows.Select(static r => (long)r).ToArray());
        return new HeldOutExamples(
            drawn.Sources.index_select(0, index),
            rows.Select(r => drawn.SourceTexts[r]).ToArray(),
            rows.Select(r => drawn.TargetTexts[r]).ToArray(),
            drawn.Count);
    }

    /// <inheritdoc />
    public void Dispose() => Sources.Dispose();
}
