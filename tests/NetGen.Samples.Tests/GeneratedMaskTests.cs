using System;
using System.Linq;
using NetGen.Decoding;
using NetGen.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>Token ids, padding id 0 masked, into per-step layers and both 1D global poolings.</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input("steps", ElementType = ElementType.Int64, Name = "tokens")]
public partial class MaskedPooling
{
    [Embedding(20, 4, MaskZero = true)] public partial Embedding Words { get; }

    [Dense(5, Activation.Tanh)] public partial Linear PerStep { get; }

    [GlobalAveragePooling1D] public partial GlobalAveragePooling1D Mean { get; }

    [GlobalMaxPooling1D(From = nameof(PerStep))] public partial GlobalMaxPooling1D Strongest { get; }

    [Concatenate(nameof(Mean), nameof(Strongest))] public partial Concatenate Both { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}

/// <summary>A question attending over a passage, both padded, then causal self-attention and a masked mean.</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input("question", ElementType = ElementType.Int64, Name = "question")]
[Input("passage", ElementType = ElementType.Int64, Name = "passage")]
public partial class MaskedReader
{
    [Embedding(30, 6, MaskZero = true, From = "question")] public partial Embedding Query { get; }

    [Embedding(30, 6, MaskZero = true, From = "passage")] public partial Embedding Passage { get; }

    [AdditiveAttention(nameof(Query), nameof(Passage))] public partial AdditiveAttention Attended { get; }

    [MultiHeadAttention(2, 3, nameof(Attended), nameof(Passage))] public partial MultiHeadAttention Heads { get; }

    [Attention(nameof(Heads), nameof(Heads), UseCausalMask = true)] public partial Attention Causal { get; }

    [GlobalAveragePooling1D] public partial GlobalAveragePooling1D Mean { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}

/// <summary>An encoder-decoder over token ids: a masked LSTM encoder, an LSTM decoder from its state, a softmax per step.</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy)]
[Input("source", ElementType = ElementType.Int64, Name = "source")]
[Input("target", ElementType = ElementType.Int64, Name = "target")]
public partial class TokenTranslator
{
    [Embedding(12, 6, MaskZero = true, From = "source")] public partial Embedding SourceWords { get; }

    [LSTM(8)] public partial Recurrent Encoder { get; }

    [Embedding(12, 6, From = "target")] public partial Embedding TargetWords { get; }

    [LSTM(8, ReturnSequences = true, InitialState = nameof(Encoder))] public partial Recurrent Decoder { get; }

    [Dense(12, Activation.Softmax)] public partial Linear Next { get; }
}

/// <summary>Generated networks skip padding beyond the recurrent layers, as Keras's masks do.</summary>
public sealed class GeneratedMaskTests
{
    [Fact]
    public void PaddingChangesNothingThePoolingsSee()
    {
        using var scope = NewDisposeScope();
        using var network = new MaskedPooling(device: null, seed: 2);
        network.eval();
        using (no_grad())
        {
            var unpadded = network.forward(tensor(new long[] { 3, 4, 5, 9, 8, 7 }, 2, 3));
            var prePadded = network.forward(tensor(new long[] { 0, 0, 3, 4, 5, 0, 0, 9, 8, 7 }, 2, 5));
            var postPadded = network.forward(tensor(new long[] { 3, 4, 5, 0, 9, 8, 7, 0 }, 2, 4));

            Assert.True(unpadded.allclose(prePadded, atol: 1e-6));
            Assert.True(unpadded.allclose(postPadded, atol: 1e-6));

            // Without the mask the padded steps would count: the zero vector's Dense output (its bias) enters the mean.
            var perStep = network.PerStep.call(network.Words.call(tensor(new long[] { 0, 0, 3, 4, 5 }, 1, 5))).tanh();
            Assert.False(network.Mean.forward(perStep).allclose(network.Mean.Run(perStep, tensor(new long[] { 0, 0, 3, 4, 5 }, 1, 5)), atol: 1e-4));
        }
    }

    [Fact]
    public void PaddingChangesNothingTheAttentionLayersSee()
    {
        using var scope = NewDisposeScope();
        using var network = new MaskedReader(device: null, seed: 3);
        network.eval();
        using (no_grad())
        {
            var question = tensor(new long[] { 4, 5, 6 }, 1, 3);
            var passage = tensor(new long[] { 7, 8, 9, 10 }, 1, 4);
            var unpadded = network.forward(question, passage);

            var padded = network.forward(tensor(new long[] { 0, 4, 5, 6, 0 }, 1, 5), tensor(new long[] { 0, 0, 7, 8, 9, 10, 0 }, 1, 7));

            Assert.True(unpadded.allclose(padded, atol: 1e-5));
        }
    }

    [Fact]
    public void NetworkScorerScoresAsTheGeneratedNetworkRunsWithTeacherForcing()
    {
        using var scope = NewDisposeScope();
        using var network = new TokenTranslator(device: null, seed: 4);

        // Pre-padded sources (the encoder skips the padding), decoder inputs starting with token 1.
        var sources = tensor(new long[] { 0, 0, 3, 4, 5, 2, 7, 7, 9, 3, 0, 6, 11, 10, 2 }, 3, 5);
        var decoderInputs = tensor(new long[] { 1, 5, 5, 8, 1, 9, 2, 4, 1, 3, 3, 3 }, 3, 4);
        Tensor expected;
        network.eval();
        using (no_grad())
        {
            expected = network.forward(sources, decoderInputs).log();
        }

        network.train();
        var scorer = new NetworkScorer(network);

        for (var t = 1; t <= 4; t++)
        {
            var scores = scorer.ScoreNext(sources, decoderInputs.narrow(1, 0, t));

            Assert.Equal(new[] { 3L, 12L }, scores.shape);
            Assert.True(scores.allclose(expected.select(1, t - 1), rtol: 1e-4, atol: 1e-5), $"step {t}");
        }

        // The scores follow the encoder: another source gives other scores.
        var other = scorer.ScoreNext(sources.flip(0), decoderInputs.narrow(1, 0, 2));
        Assert.False(other.allclose(expected.select(1, 1), atol: 1e-3));
        Assert.True(network.training);
    }

    [Fact]
    public void SummaryReadsBidirectionalAsKerasAndConnectsTheDecoderToItsEncoder()
    {
        using var translator = new Translator(device: null, seed: 1);

        var summary = translator.Summary();
        var rows = summary.Split('\n');

        Assert.Single(rows, static row => row.StartsWith(" Encoder (Bidirectional(LSTM))", StringComparison.Ordinal) && row.TrimEnd().EndsWith(" source", StringComparison.Ordinal));
        Assert.Single(rows, static row => row.StartsWith(" Decoder (LSTM)", StringComparison.Ordinal) && row.TrimEnd().EndsWith(" target, Encoder (state)", StringComparison.Ordinal));
        Assert.Equal("Encoder", translator.Description.Layers.Single(static layer => layer.Name == "Decoder").InitialState);
        Assert.Null(translator.Description.Layers.Single(static layer => layer.Name == "Encoder").InitialState);
    }
}
