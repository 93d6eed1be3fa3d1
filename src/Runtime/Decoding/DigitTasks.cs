using System;
using System.Globalization;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Decoding;

/// <summary>
/// Seq2seq tasks generated in code, from a seed: reversing a digit string, and adding two numbers
/// (the Keras example "sequence to sequence learning for performing number addition"). Their
/// exact answers make greedy and beam decoding easy to compare by exact-match accuracy.
/// </summary>
/// <remarks>
/// Sources are padded before their tokens by default (as Keras's <c>pad_sequences</c>), so an
/// encoder that reads left to right without masking ends on a real token. Targets and decoder
/// inputs are padded after (the decoder generates left to right and stops at the end token).
/// Examples are drawn independently, so a training set and a test set drawn with different seeds
/// can share some examples; the space is large for more than a few digits.
/// </remarks>
public static class DigitTasks
{
    /// <summary>Random digit strings and the same strings reversed ("1234" → "4321").</summary>
    /// <param name="count">The number of examples.</param>
    /// <param name="minDigits">The fewest digits of a string, at least 1.</param>
    /// <param name="maxDigits">The most digits of a string (the source length); the target length is one more.</param>
    /// <param name="seed">Seeds the draw: the same arguments give the same examples.</param>
    /// <param name="padSourcesBefore">Pads sources before their tokens (true) or after them.</param>
    public static DigitTaskData Reverse(int count, int minDigits, int maxDigits, int seed, bool padSourcesBefore = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDigits, 1);
        if (maxDigits < minDigits)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDigits), maxDigits, $"maxDigits must be at least minDigits ({minDigits}).");
        }

        var random = new SplitMix64(seed, 1);
        var sources = new string[count];
        var targets = new string[count];
        for (var i = 0; i < count; i++)
        {
            var length = minDigits + Below(ref random, maxDigits - minDigits + 1);
            var digits = new char[length];
            for (var d = 0; d < length; d++)
            {
                digits[d] = (char)('0' + Below(ref random, 10));
            }

            sources[i] = new string(digits);
            Array.Reverse(digits);
            targets[i] = new string(digits);
        }

        return Encode(sources, targets, maxDigits, maxDigits, padSourcesBefore);
    }

    /// <summary>Sums of two random non-negative numbers ("123+45" → "168").</summary>
    /// <param name="count">The number of examples.</param>
    /// <param name="maxDigits">The most digits of each number; each has 1 to <paramref name="maxDigits"/> digits, equally likely, without leading zeros.</param>
    /// <param name="seed">Seeds the draw: the same arguments give the same examples.</param>
    /// <param name="padSourcesBefore">Pads sources before their tokens (true) or after them.</param>
    public static DigitTaskData Addition(int count, int maxDigits, int seed, bool padSourcesBefore = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (maxDigits is < 1 or > 18)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDigits), maxDigits, "The addition task takes numbers of 1 to 18 digits (their sum must fit in a long).");
        }

        var random = new SplitMix64(seed, 2);
        var sources = new string[count];
        var targets = new string[count];
        for (var i = 0; i < count; i++)
        {
            var left = Number(ref random, maxDigits);
            var right = Number(ref random, maxDigits);
            sources[i] = string.Create(CultureInfo.InvariantCulture, $"{left}+{right}");
            targets[i] = (left + right).ToString(CultureInfo.InvariantCulture);
        }

        return Encode(sources, targets, (2 * maxDigits) + 1, maxDigits + 1, padSourcesBefore);
    }

    private static long Number(ref SplitMix64 random, int maxDigits)
    {
        var digits = 1 + Below(ref random, maxDigits);
        var low = digits == 1 ? 0 : Pow10(digits - 1);
        return low + (long)Below(ref random, (ulong)(Pow10(digits) - low));
    }

    private static long Pow10(int exponent)
    {
        var value = 1L;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }

    private static int Below(ref SplitMix64 random, int bound) => (int)Below(ref random, (ulong)bound);

    /// <summary>A uniform draw in [0, bound), without modulo bias.</summary>
    private static ulong Below(ref SplitMix64 random, ulong bound)
    {
        var limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong value;
        do
        {
            value = random.Next();
        }
        while (value >= limit);

        return value % bound;
    }

    private static DigitTaskData Encode(string[] sources, string[] targets, int sourceLength, int longestTarget, bool padSourcesBefore)
    {
        var count = sources.Length;
        var targetLength = longestTarget + 1;
        var sourceTokens = new long[count * sourceLength];
        var decoderTokens = new long[count * targetLength];
        var targetTokens = new long[count * targetLength];
        Array.Fill(sourceTokens, DigitTokens.Padding);
        Array.Fill(decoderTokens, DigitTokens.Padding);
        Array.Fill(targetTokens, DigitTokens.Padding);
        for (var i = 0; i < count; i++)
        {
            var source = DigitTokens.Encode(sources[i]);
            var offset = (i * sourceLength) + (padSourcesBefore ? sourceLength - source.Length : 0);
            source.CopyTo(sourceTokens, offset);

            var target = DigitTokens.Encode(targets[i]);
            var row = i * targetLength;
            decoderTokens[row] = DigitTokens.Start;
            target.CopyTo(decoderTokens, row + 1);
            target.CopyTo(targetTokens, row);
            targetTokens[row + target.Length] = DigitTokens.End;
        }

        return new DigitTaskData(
            tensor(sourceTokens, [count, sourceLength]),
            tensor(decoderTokens, [count, targetLength]),
            tensor(targetTokens, [count, targetLength]),
            sources,
            targets);
    }
}
