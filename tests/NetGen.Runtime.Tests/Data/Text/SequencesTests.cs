using System;
using System.Linq;
using NetGen.Data.Text;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Text;

/// <summary><c>PadSequences</c> against the examples of Keras's <c>pad_sequences</c> documentation, and its edge cases.</summary>
public sealed class SequencesTests
{
    private static readonly long[][] s_keras = [[1], [2, 3], [4, 5, 6]];

    [Fact]
    public void PadsBeforeWithZerosToTheLongestByDefault()
    {
        using var padded = Sequences.PadSequences(s_keras);

        Assert.Equal(ScalarType.Int64, padded.dtype);
        Assert.Equal([3L, 3], padded.shape);
        Assert.Equal([0L, 0, 1, 0, 2, 3, 4, 5, 6], padded.data<long>().ToArray());
    }

    [Fact]
    public void PadsWithTheGivenValue() =>
        Assert.Equal([[-1L, -1, 1], [-1, 2, 3], [4, 5, 6]], Sequences.PadSequencesToArrays(s_keras, value: -1));

    [Fact]
    public void PadsAfterWithPost() =>
        Assert.Equal([[1L, 0, 0], [2, 3, 0], [4, 5, 6]], Sequences.PadSequencesToArrays(s_keras, padding: SequenceSide.Post));

    [Fact]
    public void TruncatesTheStartByDefault() =>
        Assert.Equal([[0L, 1], [2, 3], [5, 6]], Sequences.PadSequencesToArrays(s_keras, maxLength: 2));

    [Fact]
    public void TruncatesTheEndWithPost() =>
        Assert.Equal([[0L, 1], [2, 3], [4, 5]], Sequences.PadSequencesToArrays(s_keras, maxLength: 2, truncating: SequenceSide.Post));

    [Fact]
    public void PaddingAndTruncatingSidesAreIndependent() =>
        Assert.Equal([[1L, 0], [2, 3], [4, 5]], Sequences.PadSequencesToArrays(s_keras, maxLength: 2, padding: SequenceSide.Post, truncating: SequenceSide.Post));

    [Fact]
    public void ALongerLengthPadsEveryRow() =>
        Assert.Equal([[0L, 0, 0, 1], [0, 0, 2, 3], [0, 4, 5, 6]], Sequences.PadSequencesToArrays(s_keras, maxLength: 4));

    [Fact]
    public void AnEmptySequenceIsARowOfPadding() =>
        Assert.Equal([[7L, 7], [9, 8]], Sequences.PadSequencesToArrays([[], [9L, 8]], value: 7));

    [Fact]
    public void TheTensorHoldsTheSameRowsAsTheArrays()
    {
        long[][] sequences = [[5, 4, 3, 2, 1], [8], [], [1, 2]];
        using var padded = Sequences.PadSequences(sequences, maxLength: 3, padding: SequenceSide.Post);
        var rows = Sequences.PadSequencesToArrays(sequences, maxLength: 3, padding: SequenceSide.Post);

        Assert.Equal([4L, 3], padded.shape);
        Assert.Equal(rows.SelectMany(static row => row), padded.data<long>().ToArray());
        Assert.Equal([[3L, 2, 1], [8, 0, 0], [0, 0, 0], [1, 2, 0]], rows);
    }

    [Fact]
    public void NoSequencesWithALengthGiveAnEmptyBatch()
    {
        using var padded = Sequences.PadSequences(Array.Empty<long[]>(), maxLength: 5);

        Assert.Equal([0L, 5], padded.shape);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void ALengthBelowOneIsRejected(int maxLength)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sequences.PadSequences(s_keras, maxLength: maxLength));

        Assert.Equal("maxLength", error.ParamName);
    }

    [Fact]
    public void WithoutALengthNoSequencesOrOnlyEmptyOnesAreRejected()
    {
        var none = Assert.Throws<ArgumentException>(() => Sequences.PadSequences(Array.Empty<long[]>()));
        var empty = Assert.Throws<ArgumentException>(() => Sequences.PadSequences([[], []]));

        Assert.Contains("pass maxLength", none.Message);
        Assert.Contains("All 2 sequences are empty", empty.Message);
    }

    [Fact]
    public void ANullSequenceIsNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => Sequences.PadSequences([[1L], null!]));

        Assert.Contains("Sequence 1 is null", error.Message);
    }

    [Fact]
    public void AnUndefinedSideIsRejected() =>
        Assert.Equal("truncating", Assert.Throws<ArgumentOutOfRangeException>(() => Sequences.PadSequences(s_keras, truncating: (SequenceSide)5)).ParamName);
}
