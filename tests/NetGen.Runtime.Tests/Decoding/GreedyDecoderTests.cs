using System;
using System.Linq;
using NetGen.Decoding;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Decoding;

/// <summary>Greedy decoding over hand-written scorers whose answers are known.</summary>
public sealed class GreedyDecoderTests
{
    [Fact]
    public void TakesTheMostProbableTokenAtEveryStep()
    {
        var scorer = new GreedyTrapScorer();
        var decoder = new GreedyDecoder(scorer, GreedyTrapScorer.Start, GreedyTrapScorer.End, maxLength: 5);

        var result = Assert.Single(decoder.Decode(zeros(1, 2, ScalarType.Int64)));

        // A (0.6), then the end token (0.4), though B then end (0.36) is more probable than 0.24.
        Assert.Equal([GreedyTrapScorer.A], result.Tokens);
        Assert.True(result.IsFinished);
        Assert.Equal(Math.Log(0.6 * 0.4), result.LogProbability, 1e-12);
        Assert.Equal(result.LogProbability, result.Score);
        Assert.Equal(2, result.Length);
        Assert.Equal([1, 1], scorer.RowsPerCall);
    }

    [Fact]
    public void AnOutputThatEndsAtOnceHasNoTokens()
    {
        var scorer = new FixedScorer(rows => log(tensor(new[] { 0.1, 0.0, 0.7, 0.2 }).expand(rows, 4)));
        var decoder = new GreedyDecoder(scorer, startToken: 1, endToken: 2, maxLength: 4);

        var result = Assert.Single(decoder.Decode(zeros(1, 1, ScalarType.Int64)));

        Assert.Empty(result.Tokens);
        Assert.True(result.IsFinished);
        Assert.Equal(Math.Log(0.7), result.LogProbability, 1e-12);
    }

    [Fact]
    public void AnOutputThatNeverEndsIsCutAtTheMaximumLength()
    {
        var scorer = new EndlessScorer();
        var decoder = new GreedyDecoder(scorer, startToken: 1, endToken: 2, maxLength: 3);

        var result = Assert.Single(decoder.Decode(zeros(1, 1, ScalarType.Int64)));

        Assert.Equal([3L, 3L, 3L], result.Tokens);
        Assert.False(result.IsFinished);
        Assert.Equal(3, result.Length);
        Assert.Equal(3 * Math.Log(0.6), result.LogProbability, 1e-12);
        Assert.Equal(3, scorer.RowsPerCall.Count);
    }

    [Fact]
    public void ABatchDecodesAsEachSourceAlone()
    {
        var sources = tensor(new long[] { 3, 1, 2, 0, 1, 1, 2, 2, 3, 0, 0, 0, 1, 3, 2 }, [5, 3]);
        var together = new GreedyDecoder(new HashedScorer(), HashedScorer.Start, HashedScorer.End, maxLength: 6).Decode(sources);

        var alone = Enumerable.Range(0, 5)
            .Select(s => Assert.Single(new GreedyDecoder(new HashedScorer(), HashedScorer.Start, HashedScorer.End, maxLength: 6).Decode(sources.narrow(0, s, 1))))
            .ToArray();

        Assert.Equal(alone, together);
        // The sources do not all give the same output, so the comparison says something.
        Assert.True(together.Select(static r => string.Join(",", r.Tokens)).Distinct().Count() > 1);
    }

    [Fact]
    public void EachStepScoresOnlyTheSourcesStillUnfinished()
    {
        // Source row [k]: the end token becomes certain once the prefix has k tokens after the start.
        var scorer = new EndsAfterSourceLength();
        var decoder = new GreedyDecoder(scorer, startToken: 0, endToken: 1, maxLength: 10);

        var results = decoder.Decode(tensor(new long[] { 1, 3, 2 }, [3, 1]));

        Assert.Equal([1, 3, 2], results.Select(static r => r.Tokens.Count));
        Assert.All(results, static r => Assert.True(r.IsFinished));
        // Step 1 scores all three; step 2 the sources still going (lengths 3 and 2); then only the length-3 one.
        Assert.Equal([3, 3, 2, 1], scorer.RowsPerCall);
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        var scorer = new GreedyTrapScorer();
        Assert.Throws<ArgumentNullException>("scorer", () => new GreedyDecoder(null!, 1, 2, 5));
        Assert.Throws<ArgumentOutOfRangeException>("maxLength", () => new GreedyDecoder(scorer, 1, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>("startToken", () => new GreedyDecoder(scorer, -1, 2, 5));
        Assert.Throws<ArgumentOutOfRangeException>("endToken", () => new GreedyDecoder(scorer, 1, -2, 5));
        var same = Assert.Throws<ArgumentException>("endToken", () => new GreedyDecoder(scorer, 2, 2, 5));
        Assert.Contains("both 2", same.Message);

        var decoder = new GreedyDecoder(scorer, 1, 2, 5);
        Assert.Throws<ArgumentNullException>("sources", () => decoder.Decode(null!));
        var empty = Assert.Throws<ArgumentException>("sources", () => decoder.Decode(zeros(0, 3, ScalarType.Int64)));
        Assert.Contains("[0, 3]", empty.Message);
        Assert.Throws<ArgumentException>("sources", () => decoder.Decode(tensor(3L)));
    }

    [Fact]
    public void RejectsAScorerResultOfTheWrongShapeOrVocabulary()
    {
        var sources = zeros(2, 1, ScalarType.Int64);
        var wrongRows = new GreedyDecoder(new FixedScorer(static _ => zeros(1, 5)), 1, 2, 3);
        var shape = Assert.Throws<InvalidOperationException>(() => wrongRows.Decode(sources));
        Assert.Contains("(2, vocabulary)", shape.Message);
        Assert.Contains("[1, 5]", shape.Message);

        var tooSmall = new GreedyDecoder(new FixedScorer(static rows => zeros(rows, 2)), startToken: 0, endToken: 4, maxLength: 3);
        var vocabulary = Assert.Throws<InvalidOperationException>(() => tooSmall.Decode(sources));
        Assert.Contains("scores 2 tokens", vocabulary.Message);
        Assert.Contains("end token 4", vocabulary.Message);

        var integers = new GreedyDecoder(new FixedScorer(static rows => zeros(rows, 5, ScalarType.Int64)), 1, 2, 3);
        Assert.Contains("floating-point", Assert.Throws<InvalidOperationException>(() => integers.Decode(sources)).Message);

        var nan = new GreedyDecoder(new FixedScorer(static rows => full(rows, 5, double.NaN)), 1, 2, 3);
        Assert.Contains("NaN", Assert.Throws<InvalidOperationException>(() => nan.Decode(sources)).Message);

        var impossible = new GreedyDecoder(new FixedScorer(static rows => full(rows, 5, double.NegativeInfinity)), 1, 2, 3);
        Assert.Contains("every token probability 0", Assert.Throws<InvalidOperationException>(() => impossible.Decode(sources)).Message);
    }

    /// <summary>Tokens 0 start, 1 end, 2 and 3 others: ends (0.9) once the prefix holds as many tokens as the source's only value.</summary>
    private sealed class EndsAfterSourceLength : RowScorer
    {
        public override int VocabularySize => 4;

        protected override double[] Next(long[] source, long[] prefix) =>
            prefix.Length - 1 >= source[0] ? [0.02, 0.9, 0.05, 0.03] : [0.02, 0.1, 0.5, 0.38];
    }
}
