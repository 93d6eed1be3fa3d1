using System;
using System.Linq;
using NetGen.Layers;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>Token ids, padding id 0 masked, into a stacked LSTM and a bidirectional GRU.</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input("steps", ElementType = ElementType.Int64)]
public partial class MaskedText
{
    [Embedding(20, 6, MaskZero = true)] public partial Embedding Tokens { get; }

    [Dropout(0.1)] public partial Dropout Drop { get; }

    [LSTM(5, ReturnSequences = true)] public partial Recurrent Lower { get; }

    [GRU(4, Bidirectional = true)] public partial Recurrent Upper { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}

/// <summary>An encoder-decoder: the decoder starts from the bidirectional encoder's final states.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input("steps", 3, Name = "source")]
[Input("steps", 2, Name = "target")]
public partial class Translator
{
    [LSTM(4, Bidirectional = true, From = "source")] public partial Recurrent Encoder { get; }

    [LSTM(8, ReturnSequences = true, From = "target", InitialState = nameof(Encoder))] public partial Recurrent Decoder { get; }

    [Dense(2)] public partial Linear Output { get; }
}

/// <summary>Every recurrent kind on a series, for the counts and the Keras initializers.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(7, 3)]
public partial class SeriesKinds
{
    [SimpleRNN(5, ReturnSequences = true)] public partial Recurrent Simple { get; }

    [GRU(6, ReturnSequences = true)] public partial Recurrent Gated { get; }

    [LSTM(7, Bidirectional = true, MergeMode = MergeMode.Average)] public partial Recurrent Memory { get; }

    [Dense(1)] public partial Linear Output { get; }
}

/// <summary>A learnable toy task: is the first real token of a pre-padded sequence in the upper half of the vocabulary?</summary>
[Network(Loss = Loss.BinaryCrossentropy, LearningRate = 0.01)]
[Input(8, ElementType = ElementType.Int64)]
public partial class FirstToken
{
    [Embedding(10, 8, MaskZero = true)] public partial Embedding Tokens { get; }

    [GRU(8)] public partial Recurrent Gru { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}

/// <summary>Generated recurrent networks behave as declared when they run.</summary>
public sealed class GeneratedRecurrentTests
{
    [Fact]
    public void ShapesFollowTheDeclaration()
    {
        using var text = new MaskedText(device: null, seed: 1);
        text.eval();
        using var tokens = tensor(new long[] { 0, 0, 3, 4, 5, 1, 2, 3, 4, 5 }, 2, 5);
        using var probabilities = text.forward(tokens);
        Assert.Equal(new long[] { 2, 1 }, probabilities.shape);

        using var translator = new Translator(device: null, seed: 1);
        using var output = translator.forward(randn(3, 6, 3), randn(3, 4, 2));
        Assert.Equal(new long[] { 3, 4, 2 }, output.shape);
    }

    [Fact]
    public void ForwardRunsTheLayersWithTheirTokensAndStates()
    {
        using var scope = NewDisposeScope();
        using var text = new MaskedText(device: null, seed: 3);
        text.eval();
        var tokens = tensor(new long[] { 0, 0, 3, 4, 5, 1, 2, 3, 4, 5 }, 2, 5);
        using (no_grad())
        {
            var lower = text.Lower.Run(text.Tokens.call(tokens), tokens: tokens);
            var expected = text.Output.call(text.Upper.Run(lower, tokens: tokens)).sigmoid();
            Assert.True(expected.allclose(text.forward(tokens)));

            using var translator = new Translator(device: null, seed: 3);
            var source = randn(2, 5, 3);
            var target = randn(2, 4, 2);
            translator.Encoder.Run(source, null, null, out var state);
            var decoded = translator.Output.call(translator.Decoder.Run(target, initialState: state));
            Assert.True(decoded.allclose(translator.forward(source, target)));
        }
    }

    [Fact]
    public void PaddingChangesNothingTheNetworkPredicts()
    {
        using var scope = NewDisposeScope();
        using var text = new MaskedText(device: null, seed: 4);
        text.eval();
        using (no_grad())
        {
            var unpadded = text.forward(tensor(new long[] { 3, 4, 5 }, 1, 3));
            var prePadded = text.forward(tensor(new long[] { 0, 0, 0, 3, 4, 5 }, 1, 6));
            var postPadded = text.forward(tensor(new long[] { 3, 4, 5, 0, 0 }, 1, 5));
            Assert.True(unpadded.allclose(prePadded, atol: 1e-6));
            Assert.True(unpadded.allclose(postPadded, atol: 1e-6));
        }
    }

    [Fact]
    public void CountsAreTheModulesParameters()
    {
        using var series = new SeriesKinds(device: null, seed: 1);
        using var text = new MaskedText(device: null, seed: 1);

        // SimpleRNN(5) on 3: 5*8 + 2*5; GRU(6) on 5: 3*6*11 + 2*18; bidirectional LSTM(7) on 6: 2*(4*7*13 + 2*28); Dense 7 + 1.
        Assert.Equal(50 + 234 + 840 + 8, SeriesKinds.ParameterCount);
        Assert.Equal(SeriesKinds.ParameterCount, series.parameters().Sum(static p => p.numel()));
        Assert.Equal(MaskedText.ParameterCount, text.parameters().Sum(static p => p.numel()));
        Assert.Equal(new long[] { 1, 1 }, series.forward(randn(1, 7, 3)).shape);
    }

    [Fact]
    public void FitLearnsAToyTaskThroughThePadding()
    {
        var generator = new Random(5);
        var count = 128;
        var ids = new long[count * 8];
        var labels = new float[count];
        for (var i = 0; i < count; i++)
        {
            var length = generator.Next(2, 9);
            for (var step = 8 - length; step < 8; step++)
            {
                ids[(i * 8) + step] = generator.Next(1, 10);
            }

            labels[i] = ids[(i * 8) + 8 - length] >= 5 ? 1 : 0;
        }

        using var x = tensor(ids, count, 8);
        using var y = tensor(labels, count, 1);
        using var network = new FirstToken(device: null, seed: 6);

        var history = network.Fit(x, y, epochs: 15, batchSize: 16, verbose: Verbosity.Silent, seed: 7);

        var loss = history["loss"];
        Assert.True(loss[^1] < 0.5 * loss[0], $"loss {loss[0]:F3} -> {loss[^1]:F3}");
    }
}
