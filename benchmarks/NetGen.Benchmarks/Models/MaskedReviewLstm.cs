using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// <see cref="ReviewLstm"/> with <c>MaskZero</c>: id 0 is padding, its vector stays zero and the
/// LSTM skips the padded steps, its last output being each review's last real step's.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(200, ElementType = ElementType.Int64, Name = "tokens")]
public partial class MaskedReviewLstm
{
    [Embedding(10000, 32, MaskZero = true)] public partial Embedding Words { get; }

    [LSTM(32)] public partial Recurrent Memory { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}
