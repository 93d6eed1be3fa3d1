using System;
using System.Globalization;
using System.Linq;
using NetGen.Decoding;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Decoding;

/// <summary>The generated digit tasks and their token layout.</summary>
public sealed class DigitTasksTests
{
    [Fact]
    public void ReversalTargetsAreTheSourcesReversed()
    {
        using var data = DigitTasks.Reverse(count: 200, minDigits: 2, maxDigits: 6, seed: 4);

        Assert.Equal(200, data.Count);
        Assert.Equal(6, data.SourceLength);
        Assert.Equal(7, data.TargetLength);
        for (var i = 0; i < data.Count; i++)
        {
            Assert.InRange(data.SourceTexts[i].Length, 2, 6);
            Assert.Equal(new string(data.SourceTexts[i].Reverse().ToArray()), data.TargetTexts[i]);
        }

        // Every length from 2 to 6 occurs in 200 draws.
        Assert.Equal(5, data.SourceTexts.Select(static s => s.Length).Distinct().Count());
    }

    [Fact]
    public void AdditionTargetsAreTheSums()
    {
        using var data = DigitTasks.Addition(count: 300, maxDigits: 3, seed: 9);

        Assert.Equal(7, data.SourceLength);
        Assert.Equal(5, data.TargetLength);
        for (var i = 0; i < data.Count; i++)
        {
            var operands = data.SourceTexts[i].Split('+');
            Assert.Equal(2, operands.Length);
            Assert.All(operands, static o => Assert.True(o.Length is >= 1 and <= 3 && (o.Length == 1 || o[0] != '0'), o));
            var sum = long.Parse(operands[0], CultureInfo.InvariantCulture) + long.Parse(operands[1], CultureInfo.InvariantCulture);
            Assert.Equal(sum.ToString(CultureInfo.InvariantCulture), data.TargetTexts[i]);
        }

        Assert.Contains(data.SourceTexts, static s => s.Split('+').Any(static o => o.Length == 1));
        Assert.Contains(data.SourceTexts, static s => s.Split('+').Any(static o => o.Length == 3));
    }

    [Fact]
    public void TokensFollowTheTeacherForcingLayout()
    {
        using var data = DigitTasks.Addition(count: 50, maxDigits: 2, seed: 1);
        var sources = data.Sources.data<long>().ToArray();
        var decoderInputs = data.DecoderInputs.data<long>().ToArray();
        var targets = data.Targets.data<long>().ToArray();
        Assert.Equal(ScalarType.Int64, data.Sources.dtype);

        for (var i = 0; i < data.Count; i++)
        {
            var source = sources.AsSpan(i * 5, 5).ToArray();
            var text = data.SourceTexts[i];
            // Padding before the source's tokens.
            Assert.All(source.Take(5 - text.Length), static t => Assert.Equal(DigitTokens.Padding, t));
            Assert.Equal(DigitTokens.Encode(text), source.Skip(5 - text.Length));

            var target = DigitTokens.Encode(data.TargetTexts[i]);
            var decoderInput = decoderInputs.AsSpan(i * 4, 4).ToArray();
            var expectedTarget = targets.AsSpan(i * 4, 4).ToArray();
            Assert.Equal([DigitTokens.Start, .. target, .. Enumerable.Repeat(DigitTokens.Padding, 3 - target.Length)], decoderInput);
            Assert.Equal([.. target, DigitTokens.End, .. Enumerable.Repeat(DigitTokens.Padding, 3 - target.Length)], expectedTarget);
            // The decoder input is the target shifted right by one step.
            Assert.Equal(expectedTarget.Take(target.Length), decoderInput.Skip(1).Take(target.Length));
            Assert.Equal(data.TargetTexts[i], DigitTokens.Decode(expectedTarget));
        }
    }

    [Fact]
    public void SourcesCanBePaddedAfterTheirTokens()
    {
        using var data = DigitTasks.Reverse(count: 20, minDigits: 1, maxDigits: 4, seed: 2, padSourcesBefore: false);
        var sources = data.Sources.data<long>().ToArray();

        for (var i = 0; i < data.Count; i++)
        {
            var text = data.SourceTexts[i];
            Assert.Equal(DigitTokens.Encode(text), sources.AsSpan(i * 4, text.Length).ToArray());
            Assert.All(sources.AsSpan((i * 4) + text.Length, 4 - text.Length).ToArray(), static t => Assert.Equal(DigitTokens.Padding, t));
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameExamples()
    {
        using var first = DigitTasks.Addition(count: 40, maxDigits: 4, seed: 12);
        using var again = DigitTasks.Addition(count: 40, maxDigits: 4, seed: 12);
        using var other = DigitTasks.Addition(count: 40, maxDigits: 4, seed: 13);

        Assert.Equal(first.SourceTexts, again.SourceTexts);
        Assert.True(first.Sources.eq(again.Sources).all().item<bool>());
        Assert.True(first.Targets.eq(again.Targets).all().item<bool>());
        Assert.NotEqual(first.SourceTexts, other.SourceTexts);
    }

    [Fact]
    public void TokensRoundTripThroughText()
    {
        Assert.Equal([3L, 4L, 13L, 12L], DigitTokens.Encode("01+9"));
        Assert.Equal("01+9", DigitTokens.Decode([DigitTokens.Start, 3, 4, 13, 12, DigitTokens.End, 5]));
        Assert.Equal("1?", DigitTokens.Decode([DigitTokens.Padding, 4, 99]));

        var error = Assert.Throws<ArgumentException>("text", () => DigitTokens.Encode("12-3"));
        Assert.Contains("'-' at position 2", error.Message);
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>("count", () => DigitTasks.Reverse(0, 1, 3, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>("minDigits", () => DigitTasks.Reverse(5, 0, 3, seed: 1));
        var order = Assert.Throws<ArgumentOutOfRangeException>("maxDigits", () => DigitTasks.Reverse(5, 4, 3, seed: 1));
        Assert.Contains("at least minDigits (4)", order.Message);
        Assert.Throws<ArgumentOutOfRangeException>("maxDigits", () => DigitTasks.Addition(5, 0, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>("maxDigits", () => DigitTasks.Addition(5, 19, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>("count", () => DigitTasks.Addition(-1, 2, seed: 1));
    }
}
