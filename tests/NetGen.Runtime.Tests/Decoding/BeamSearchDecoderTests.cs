using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Decoding;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Decoding;

/// <summary>Beam search over hand-written scorers whose answers are known or can be enumerated.</summary>
public sealed class BeamSearchDecoderTests
{
    [Fact]
    public void WidthTwoFindsTheOutputGreedyDecodingMisses()
    {
        var scorer = new GreedyTrapScorer();
        var decoder = new BeamSearchDecoder(scorer, beamWidth: 2, GreedyTrapScorer.Start, GreedyTrapScorer.End, maxLength: 5);

        var hypotheses = Assert.Single(decoder.Decode(zeros(1, 2, ScalarType.Int64)));

        // Step 1 keeps A (0.6) and B (0.4). Step 2 ranks B-end 0.36, A-end 0.24, A-A 0.18, A-B 0.18:
        // both endings rank in the first two, and the beams A-A and A-B (0.18) can no longer beat 0.24.
        Assert.Equal(2, hypotheses.Count);
        Assert.Equal([GreedyTrapScorer.B], hypotheses[0].Tokens);
        Assert.Equal(Math.Log(0.4 * 0.9), hypotheses[0].LogProbability, 1e-12);
        Assert.Equal([GreedyTrapScorer.A], hypotheses[1].Tokens);
        Assert.Equal(Math.Log(0.6 * 0.4), hypotheses[1].LogProbability, 1e-12);
        Assert.All(hypotheses, static h => Assert.True(h.IsFinished));
        Assert.Equal([1, 2], scorer.RowsPerCall);

        var greedy = new GreedyDecoder(new GreedyTrapScorer(), GreedyTrapScorer.Start, GreedyTrapScorer.End, 5).Decode(zeros(1, 2, ScalarType.Int64))[0];
        Assert.True(hypotheses[0].LogProbability > greedy.LogProbability);
    }

    [Fact]
    public void TheAveragePenaltyPrefersALongerOutput()
    {
        var scorer = new GreedyTrapScorer();
        var decoder = new BeamSearchDecoder(scorer, beamWidth: 2, GreedyTrapScorer.Start, GreedyTrapScorer.End, maxLength: 5, LengthPenalty.Average);

        var hypotheses = Assert.Single(decoder.Decode(zeros(1, 2, ScalarType.Int64)));

        // B-end: ln 0.36 / 2 = -0.511. A-end: ln 0.24 / 2 = -0.714. After step 2 the beams A-A and A-B
        // (0.18) could still average -0.343 over 5 tokens, so the search goes on: each ends with
        // certainty at step 3, ln 0.18 / 3 = -0.572, beating A-end. A-A ranks first of the tie (beam order).
        Assert.Equal([GreedyTrapScorer.B], hypotheses[0].Tokens);
        Assert.Equal(Math.Log(0.36) / 2, hypotheses[0].Score, 1e-12);
        Assert.Equal([GreedyTrapScorer.A, GreedyTrapScorer.A], hypotheses[1].Tokens);
        Assert.Equal(Math.Log(0.18) / 3, hypotheses[1].Score, 1e-12);
        Assert.Equal(Math.Log(0.18), hypotheses[1].LogProbability, 1e-12);
        Assert.Equal([1, 2, 2], scorer.RowsPerCall);
    }

    [Fact]
    public void GnmtPenaltyDividesByItsLengthTerm()
    {
        var decoder = new BeamSearchDecoder(new GreedyTrapScorer(), beamWidth: 2, GreedyTrapScorer.Start, GreedyTrapScorer.End, maxLength: 5, LengthPenalty.Gnmt(alpha: 1.0));

        var hypotheses = Assert.Single(decoder.Decode(zeros(1, 2, ScalarType.Int64)));

        // lp(2) = (5 + 2) / 6; lp(3) = 8 / 6. B-end: -0.876; A-end: -1.223; A-A-end: ln 0.18 × 6 / 8 = -1.286.
        Assert.Equal([GreedyTrapScorer.B], hypotheses[0].Tokens);
        Assert.Equal(Math.Log(0.36) * 6 / 7, hypotheses[0].Score, 1e-12);
        Assert.Equal([GreedyTrapScorer.A], hypotheses[1].Tokens);
        Assert.Equal(Math.Log(0.24) * 6 / 7, hypotheses[1].Score, 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    [InlineData(2.0)]
    public void GnmtPenaltyFollowsTheFormula(double alpha)
    {
        var penalty = LengthPenalty.Gnmt(alpha);
        Assert.Equal(-3.0 / Math.Pow((5.0 + 4) / 6, alpha), penalty.Score(-3.0, 4), 1e-12);
        Assert.Equal(-2.5, LengthPenalty.Average.Score(-10.0, 4), 1e-12);
        Assert.Equal(-10.0, LengthPenalty.None.Score(-10.0, 4));
    }

    [Fact]
    public void WidthOneEqualsGreedyDecoding()
    {
        var sources = tensor(new long[] { 3, 1, 2, 0, 1, 1, 2, 2, 3, 0, 0, 0, 1, 3, 2, 2, 2, 2 }, [6, 3]);
        var greedy = new GreedyDecoder(new HashedScorer(vocabularySize: 6), HashedScorer.Start, HashedScorer.End, maxLength: 7).Decode(sources);

        var beam = new BeamSearchDecoder(new HashedScorer(vocabularySize: 6), beamWidth: 1, HashedScorer.Start, HashedScorer.End, maxLength: 7).Decode(sources);

        Assert.Equal(greedy.Select(static g => string.Join(",", g.Tokens)), beam.Select(static b => string.Join(",", Assert.Single(b).Tokens)));
        Assert.Equal(greedy.Select(static g => g.LogProbability), beam.Select(static b => b[0].LogProbability), new ToleranceComparer(1e-12));
        Assert.Equal(greedy.Select(static g => g.IsFinished), beam.Select(static b => b[0].IsFinished));
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Average")]
    [InlineData("Gnmt")]
    public void AWideEnoughBeamReturnsEveryOutputInTheOrderOfAnExhaustiveSearch(string penaltyName)
    {
        var penalty = penaltyName switch
        {
            "Average" => LengthPenalty.Average,
            "Gnmt" => LengthPenalty.Gnmt(0.6),
            _ => LengthPenalty.None,
        };
        var scorer = new HashedScorer(vocabularySize: 4, sharpness: 2.0);
        long[] source = [2, 3];

        var expected = BruteForce.AllOutputs(scorer, source, HashedScorer.Start, HashedScorer.End, maxLength: 4, penalty);
        var found = new BeamSearchDecoder(scorer, beamWidth: 200, HashedScorer.Start, HashedScorer.End, maxLength: 4, penalty).Decode(tensor(source, [1, 2]))[0];

        // 1 + 3 + 9 + 27 finished outputs and 81 cut at 4 tokens.
        Assert.Equal(121, expected.Count);
        Assert.Equal(expected.Select(static h => string.Join(",", h.Tokens) + (h.IsFinished ? "." : "")), found.Select(static h => string.Join(",", h.Tokens) + (h.IsFinished ? "." : "")));
        Assert.Equal(expected.Select(static h => h.Score), found.Select(static h => h.Score), new ToleranceComparer(1e-12));
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Average")]
    [InlineData("Gnmt")]
    public void StoppingEarlyLosesNoBetterHypothesis(string penaltyName)
    {
        // Width 3 over the same scorer: three hypotheses, each a real output with its exact score, best first.
        var penalty = penaltyName switch
        {
            "Average" => LengthPenalty.Average,
            "Gnmt" => LengthPenalty.Gnmt(0.6),
            _ => LengthPenalty.None,
        };
        var scorer = new HashedScorer(vocabularySize: 4, sharpness: 2.0);
        long[] source = [1, 1];
        var all = BruteForce.AllOutputs(scorer, source, HashedScorer.Start, HashedScorer.End, maxLength: 4, penalty)
            .ToDictionary(static h => string.Join(",", h.Tokens) + (h.IsFinished ? "." : ""), static h => h.Score);

        var found = new BeamSearchDecoder(scorer, beamWidth: 3, HashedScorer.Start, HashedScorer.End, maxLength: 4, penalty).Decode(tensor(source, [1, 2]))[0];

        Assert.Equal(3, found.Count);
        foreach (var hypothesis in found)
        {
            Assert.Equal(all[string.Join(",", hypothesis.Tokens) + (hypothesis.IsFinished ? "." : "")], hypothesis.Score, 1e-12);
        }

        Assert.Equal(found.Select(static h => h.Score).OrderByDescending(static s => s), found.Select(static h => h.Score));
    }

    [Fact]
    public void StopsAsSoonAsNoBeamCanBeatTheHypothesesFound()
    {
        // Every output ends at step 2 at the latest, with maxLength 10: the search must stop at
        // step 2, not run to step 10 (the table's default row would end every longer prefix anyway).
        var scorer = new GreedyTrapScorer();
        new BeamSearchDecoder(scorer, beamWidth: 2, GreedyTrapScorer.Start, GreedyTrapScorer.End, maxLength: 10).Decode(zeros(1, 1, ScalarType.Int64));

        Assert.Equal(2, scorer.RowsPerCall.Count);
    }

    [Fact]
    public void BeamsCutAtTheMaximumLengthAreReturnedAsUnfinished()
    {
        var scorer = new EndlessScorer();
        var hypotheses = new BeamSearchDecoder(scorer, beamWidth: 3, startToken: 1, endToken: 2, maxLength: 3).Decode(zeros(1, 1, ScalarType.Int64))[0];

        Assert.Equal(3, hypotheses.Count);
        Assert.All(hypotheses, static h => Assert.False(h.IsFinished));
        Assert.All(hypotheses, static h => Assert.Equal(3, h.Tokens.Count));
        Assert.Equal([3L, 3L, 3L], hypotheses[0].Tokens);
        Assert.Equal(3 * Math.Log(0.6), hypotheses[0].LogProbability, 1e-12);
        // Then two of the outputs with one 4 (0.6² × 0.399; which two depends on rounding, as they tie).
        foreach (var hypothesis in hypotheses.Skip(1))
        {
            Assert.Equal(1, hypothesis.Tokens.Count(static t => t == 4));
            Assert.Equal((2 * Math.Log(0.6)) + Math.Log(0.399), hypothesis.LogProbability, 1e-12);
        }

        Assert.NotEqual(hypotheses[1].Tokens, hypotheses[2].Tokens);
        Assert.Equal(3, scorer.RowsPerCall.Count);
    }

    [Fact]
    public void ABatchDecodesAsEachSourceAloneWithOneScoringCallPerStep()
    {
        var sources = tensor(new long[] { 3, 1, 2, 0, 1, 1, 2, 2, 3, 0, 0, 0, 1, 3, 2 }, [5, 3]);
        var scorer = new HashedScorer(vocabularySize: 5);
        var together = new BeamSearchDecoder(scorer, beamWidth: 3, HashedScorer.Start, HashedScorer.End, maxLength: 6, LengthPenalty.Gnmt()).Decode(sources);

        var alone = Enumerable.Range(0, 5)
            .Select(s => new BeamSearchDecoder(new HashedScorer(vocabularySize: 5), 3, HashedScorer.Start, HashedScorer.End, 6, LengthPenalty.Gnmt()).Decode(sources.narrow(0, s, 1))[0])
            .ToArray();

        for (var s = 0; s < 5; s++)
        {
            Assert.Equal(alone[s], together[s]);
        }

        Assert.True(together.Select(static h => string.Join(",", h[0].Tokens)).Distinct().Count() > 1);
        // One call per step: 5 sources with one beam each, then up to 3 beams each.
        Assert.InRange(scorer.RowsPerCall.Count, 2, 6);
        Assert.Equal(5, scorer.RowsPerCall[0]);
        Assert.Equal(15, scorer.RowsPerCall[1]);
    }

    [Fact]
    public void DecodeBestIsTheFirstHypothesisOfEachSource()
    {
        var sources = tensor(new long[] { 3, 1, 2, 0, 1, 1 }, [3, 2]);
        var decoder = new BeamSearchDecoder(new HashedScorer(vocabularySize: 5), beamWidth: 2, HashedScorer.Start, HashedScorer.End, maxLength: 5);

        Assert.Equal(decoder.Decode(sources).Select(static h => h[0]), decoder.DecodeBest(sources));
    }

    [Fact]
    public void TokensOfProbabilityZeroAreNeverChosen()
    {
        // After the start token only A and B are possible: three beams cannot be filled, and no
        // hypothesis contains a token of probability 0 (log 0 = -infinity).
        var hypotheses = new BeamSearchDecoder(new GreedyTrapScorer(), beamWidth: 3, GreedyTrapScorer.Start, GreedyTrapScorer.End, maxLength: 2).Decode(zeros(1, 1, ScalarType.Int64))[0];

        Assert.All(hypotheses, static h => Assert.True(double.IsFinite(h.LogProbability)));
        // B-end 0.36 and A-end 0.24 finish at step 2; A-A (0.18) is the best of the beams cut there.
        Assert.Equal(["4.", "3.", "3,3"], hypotheses.Select(static h => string.Join(",", h.Tokens) + (h.IsFinished ? "." : "")));
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        var scorer = new GreedyTrapScorer();
        Assert.Throws<ArgumentNullException>("scorer", () => new BeamSearchDecoder(null!, 2, 1, 2, 5));
        var width = Assert.Throws<ArgumentOutOfRangeException>("beamWidth", () => new BeamSearchDecoder(scorer, 0, 1, 2, 5));
        Assert.Contains("at least 1", width.Message);
        Assert.Throws<ArgumentOutOfRangeException>("maxLength", () => new BeamSearchDecoder(scorer, 2, 1, 2, -1));
        Assert.Throws<ArgumentException>("endToken", () => new BeamSearchDecoder(scorer, 2, 1, 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>("alpha", () => LengthPenalty.Gnmt(-0.5));
        Assert.Throws<ArgumentOutOfRangeException>("alpha", () => LengthPenalty.Gnmt(double.NaN));

        var decoder = new BeamSearchDecoder(scorer, 2, 1, 2, 5);
        Assert.Throws<ArgumentNullException>("sources", () => decoder.Decode(null!));
        Assert.Throws<ArgumentException>("sources", () => decoder.Decode(zeros(0, 2, ScalarType.Int64)));
        var nan = new BeamSearchDecoder(new FixedScorer(static rows => full(rows, 4, double.NaN)), 2, 0, 1, 3);
        Assert.Contains("NaN", Assert.Throws<InvalidOperationException>(() => nan.Decode(zeros(1, 1, ScalarType.Int64))).Message);
        var impossible = new BeamSearchDecoder(new FixedScorer(static rows => full(rows, 4, double.NegativeInfinity)), 2, 0, 1, 3);
        Assert.Contains("every token probability 0", Assert.Throws<InvalidOperationException>(() => impossible.Decode(zeros(2, 1, ScalarType.Int64))).Message);
                var wrong = new BeamSearchDecoder(new FixedScorer(static rows => zeros(rows, 4, 2)), 2, 0, 1, 3);
        Assert.Contains("[1, 4, 2]", Assert.Throws<InvalidOperationException>(() => wrong.Decode(zeros(1, 1, ScalarType.Int64))).Message);
    }
}
