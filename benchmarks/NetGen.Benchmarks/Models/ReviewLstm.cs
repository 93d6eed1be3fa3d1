using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// The text model: reviews of 200 token ids from a vocabulary of 10,000, embedded in 32
/// dimensions, read by an LSTM(32), and a Dense(1) sigmoid; binary cross-entropy, Adam. Padding
/// (id 0) is embedded and read like any other token: see <see cref="MaskedReviewLstm"/>.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(200, ElementType = ElementType.Int64, Name = "tokens")]
public partial class ReviewLstm
{
    [Embedding(10000, 32)] public partial Embedding Words { get; }

    [LSTM(32)] public partial Recurrent Memory { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}
