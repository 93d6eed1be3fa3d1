using System;
using System.Linq;
using NetGen.Layers;
using NetGen.Optimizers;
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
}
