using System;
using System.Linq;
using NetGen.Decoding;
using NetGen.Runtime.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Decoding;

/// <summary>The scorer over a two-input seq2seq network, against the network's own teacher-forced run.</summary>
public sealed class NetworkScorerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ScoresThePrefixesLastStepAsTheTeacherForcedRunDoes(bool fixedLength)
    {
        using var network = NewNetwork(fixedLength ? Dimension.Of(5) : Dimension.Named("steps"));
        var (sources, decoderInputs) = Tokens(rows: 3, steps: 5, seed: 7);
        var expected = TeacherForcedLogProbabilities(network, sources, decoderInputs);
        var scorer = new NetworkScorer(network);

        for (var t = 1; t <= 5; t++)
        {
            var scores = scorer.ScoreNext(sources, decoderInputs.narrow(1, 0, t));

            Assert.Equal([3L, Seq2SeqStandIn.Vocabulary], scores.shape);
            Assert.True(scores.allclose(expected.select(1, t - 1), rtol: 1e-4, atol: 1e-5), $"step {t}");
        }

        // Eval mode without gradients while scoring (the dropout is off), training mode given back.
        Assert.True(network.training);
        Assert.Equal(fixedLength ? 5 : null, scorer.MaxPrefixLength);
    }

    [Fact]
    public void AFixedLengthDecoderInputCannotTakeALongerPrefix()
    {
        using var network = NewNetwork(Dimension.Of(4));
        var (sources, decoderInputs) = Tokens(rows: 2, steps: 5, seed: 3);
        var scorer = new NetworkScorer(network);

        var error = Assert.Throws<ArgumentException>("prefixes", () => scorer.ScoreNext(sources, decoderInputs));

        Assert.Contains("target takes 4 steps", error.Message);
        Assert.Contains("maxLength of at most 4", error.Message);
    }

    [Fact]
    public void LogProbabilitiesStayFiniteWhereTheSoftmaxRoundsToZero()
    {
        using var network = NewNetwork(Dimension.Named("steps"));
        using (no_grad())
        {
            // Logits about 1e4 apart: float32 probabilities of all but one token are exactly 0.
            network.get_parameter("Output.weight")!.mul_(5000);
        }

        var (sources, decoderInputs) = Tokens(rows: 2, steps: 3, seed: 5);
        var probabilities = NetworkEvaluationProbabilities(network, sources, decoderInputs);
        Assert.True(probabilities.eq(0).any().item<bool>());

        var scores = new NetworkScorer(network).ScoreNext(sources, decoderInputs);

        Assert.True(scores.isfinite().all().item<bool>());
        Assert.True(scores.exp().sum(1).allclose(ones(2), atol: 1e-5));
    }

    [Fact]
    public void GreedyDecodingOverTheNetworkScoresWhatTheTeacherForcedRunGivesItsOutput()
    {
        using var network = NewNetwork(Dimension.Named("steps"));
        var (sources, _) = Tokens(rows: 4, steps: 1, seed: 11);
        var scorer = new NetworkScorer(network);
        const long start = 1;
        const long end = 2;

        var results = new GreedyDecoder(scorer, start, end, maxLength: 4).Decode(sources);
        var widthOne = new BeamSearchDecoder(scorer, beamWidth: 1, start, end, maxLength: 4).DecodeBest(sources);

        for (var s = 0; s < results.Count; s++)
        {
            var result = results[s];
            // Rerun the output teacher-forced: [start, tokens...], scoring each token and the end token.
            long[] generated = result.IsFinished ? [.. result.Tokens, end] : [.. result.Tokens];
            var input = tensor(new[] { start }.Concat(generated.Take(generated.Length - 1)).ToArray(), [1, generated.Length]);
            var steps = TeacherForcedLogProbabilities(network, sources.narrow(0, s, 1), input);
            var expected = generated.Select((token, t) => steps[0, t, token].item<float>()).Sum(static v => (double)v);

            Assert.Equal(expected, result.LogProbability, 1e-4);
            Assert.Equal(result.Tokens, widthOne[s].Tokens);
            Assert.Equal(result.LogProbability, widthOne[s].LogProbability, 1e-9);
        }
    }

    [Fact]
    public void InputsCanBeNamed()
    {
        using var network = NewNetwork(Dimension.Named("steps"), sourceName: "words", decoderName: "shifted");
        var (sources, decoderInputs) = Tokens(rows: 2, steps: 3, seed: 2);
        var expected = new NetworkScorer(network).ScoreNext(sources, decoderInputs);

        Assert.True(new NetworkScorer(network, sourceInput: "words").ScoreNext(sources, decoderInputs).allclose(expected));
        Assert.True(new NetworkScorer(network, prefixInput: "shifted").ScoreNext(sources, decoderInputs).allclose(expected));

        var unknown = Assert.Throws<ArgumentException>("sourceInput", () => new NetworkScorer(network, sourceInput: "source"));
        Assert.Contains("no input named source", unknown.Message);
        Assert.Contains("words and shifted", unknown.Message);
        Assert.Throws<ArgumentException>("prefixInput", () => new NetworkScorer(network, sourceInput: "words", prefixInput: "words"));
        Assert.Throws<ArgumentException>("output", () => new NetworkScorer(network, output: "Logits"));
    }

    [Fact]
    public void RejectsNetworksThatAreNotSeq2SeqDecoders()
    {
        using var oneInput = new TinyNet();
        Assert.Contains("needs two", Assert.Throws<ArgumentException>("network", () => new NetworkScorer(oneInput)).Message);

        using var floatSource = NewNetwork(Dimension.Named("steps"), sourceType: ElementType.Float32);
        var floats = Assert.Throws<ArgumentException>("network", () => new NetworkScorer(floatSource));
        Assert.Contains("source takes Float32", floats.Message);
        Assert.Contains("ElementType.Int64", floats.Message);

        using var sigmoid = NewNetwork(Dimension.Named("steps"), Activation.Sigmoid);
        Assert.Contains("ends in Sigmoid", Assert.Throws<ArgumentException>("network", () => new NetworkScorer(sigmoid)).Message);

        Assert.Throws<ArgumentNullException>("network", () => new NetworkScorer(null!));
    }

    [Fact]
    public void RejectsSourcesThatDoNotFitTheNetwork()
    {
        using var network = NewNetwork(Dimension.Named("steps"));
        var scorer = new NetworkScorer(network);
        var prefixes = ones(2, 1, ScalarType.Int64);

        var shape = Assert.Throws<ArgumentException>("sources", () => scorer.ScoreNext(ones(2, 4, ScalarType.Int64), prefixes));
        Assert.Contains("Seq2SeqStandIn", shape.Message);
        Assert.Throws<ArgumentException>("sources", () => scorer.ScoreNext(ones(2, 3, ScalarType.Float32), prefixes));
        Assert.Throws<ArgumentException>("prefixes", () => scorer.ScoreNext(ones(2, 3, ScalarType.Int64), ones(3, 1, ScalarType.Int64)));
    }

    // Whatever weights TorchSharp's global generator gives: every check compares the scorer with the same network's own run.
    private static Seq2SeqStandIn NewNetwork(Dimension decoderSteps, Activation activation = Activation.Softmax, ElementType sourceType = ElementType.Int64, string sourceName = "source", string decoderName = "target") =>
        new(decoderSteps, activation, sourceType, sourceName, decoderName);

    private static (Tensor Sources, Tensor DecoderInputs) Tokens(int rows, int steps, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return (
            randint(0, Seq2SeqStandIn.Vocabulary, [rows, 3], generator: generator),
            randint(0, Seq2SeqStandIn.Vocabulary, [rows, steps], generator: generator));
    }

    private static Tensor NetworkEvaluationProbabilities(Seq2SeqStandIn network, Tensor sources, Tensor decoderInputs)
    {
        network.eval();
        using var noGrad = no_grad();
        var probabilities = network.forward(sources, decoderInputs);
        network.train();
        return probabilities;
    }

    private static Tensor TeacherForcedLogProbabilities(Seq2SeqStandIn network, Tensor sources, Tensor decoderInputs) =>
        NetworkEvaluationProbabilities(network, sources, decoderInputs).log();
}
