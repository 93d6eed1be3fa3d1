using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data.Text;

/// <summary>Token sequences of different lengths made into one rectangular batch.</summary>
public static class Sequences
{
    /// <summary>
    /// Pads and truncates <paramref name="sequences"/> to one length, exactly as Keras's
    /// <c>pad_sequences</c>: an int64 tensor [sequences, length] for an <c>[Embedding]</c> input.
    /// </summary>
    /// <example>
    /// <c>PadSequences([[1], [2, 3], [4, 5, 6]])</c> is <c>[[0, 0, 1], [0, 2, 3], [4, 5, 6]]</c>;
    /// with <c>maxLength: 2</c> it is <c>[[0, 1], [2, 3], [5, 6]]</c>.
    /// </example>
    /// <param name="sequences">Token ids, e.g. from <see cref="Vocabulary.Encode(IEnumerable{string})"/>; an empty sequence becomes a row of <paramref name="value"/>.</param>
    /// <param name="maxLength">The length of every row; null takes the longest sequence's.</param>
    /// <param name="padding">Where shorter sequences are padded: before the values (<see cref="SequenceSide.Pre"/>, the default) or after them.</param>
    /// <param name="truncating">Where longer sequences lose values: at the start (<see cref="SequenceSide.Pre"/>, the default, keeping the end) or at the end.</param>
    /// <param name="value">The padding id; <see cref="Vocabulary.PaddingId"/> by default, which an <c>[Embedding(MaskZero = true)]</c> masks.</param>
    /// <exception cref="ArgumentException">A sequence is null, or there is no length to pad to (no sequences, or only empty ones, and no <paramref name="maxLength"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is not positive, or a side is not a <see cref="SequenceSide"/>.</exception>
    public static Tensor PadSequences(IEnumerable<IReadOnlyList<long>> sequences, int? maxLength = null, SequenceSide padding = SequenceSide.Pre, SequenceSide truncating = SequenceSide.Pre, long value = Vocabulary.PaddingId)
    {
        var (rows, length) = Pad(sequences, maxLength, padding, truncating, value);
        return tensor(rows, new long[] { rows.Length / length, length }, ScalarType.Int64);
    }

    /// <summary>
    /// <see cref="PadSequences"/>'s rows as arrays, for code that builds its own tensors or
    /// inspects the ids.
    /// </summary>
    /// <inheritdoc cref="PadSequences" path="/param"/>
    /// <inheritdoc cref="PadSequences" path="/exception"/>
    public static long[][] PadSequencesToArrays(IEnumerable<IReadOnlyList<long>> sequences, int? maxLength = null, SequenceSide padding = SequenceSide.Pre, SequenceSide truncating = SequenceSide.Pre, long value = Vocabulary.PaddingId)
    {
        var (rows, length) = Pad(sequences, maxLength, padding, truncating, value);
        return rows.Chunk(length).ToArray();
    }

    private static (long[] Rows, int Length) Pad(IEnumerable<IReadOnlyList<long>> sequences, int? maxLength, SequenceSide padding, SequenceSide truncating, long value)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        CheckSide(padding, nameof(padding));
        CheckSide(truncating, nameof(truncating));
        if (maxLength is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "The padded length must be positive.");
        }

        var all = sequences.ToList();
        var nullAt = all.FindIndex(static sequence => sequence is null);
        if (nullAt >= 0)
        {
            throw new ArgumentException($"Sequence {nullAt} is null.", nameof(sequences));
        }

        var length = maxLength ?? LongestLength(all);
        var rows = new long[checked(all.Count * length)];
        rows.AsSpan().Fill(value);
        for (var i = 0; i < all.Count; i++)
        {
            var sequence = all[i];
            var kept = Math.Min(sequence.Count, length);
            var from = truncating == SequenceSide.Pre ? sequence.Count - kept : 0;
            var to = (i * length) + (padding == SequenceSide.Pre ? length - kept : 0);
            for (var j = 0; j < kept; j++)
            {
                rows[to + j] = sequence[from + j];
            }
        }

        return (rows, length);
    }

    private static int LongestLength(List<IReadOnlyList<long>> sequences)
    {
        if (sequences.Count == 0)
        {
            throw new ArgumentException("There are no sequences to take the longest length from; pass maxLength.", nameof(sequences));
        }

        var longest = sequences.Max(static sequence => sequence.Count);
        return longest > 0
            ? longest
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"All {sequences.Count} sequences are empty, so the longest length is 0; pass maxLength."), nameof(sequences));
    }

    private static void CheckSide(SequenceSide side, string name)
    {
        if (!Enum.IsDefined(side))
        {
            throw new ArgumentOutOfRangeException(name, side, "Not a SequenceSide value (Pre or Post).");
        }
    }
}
