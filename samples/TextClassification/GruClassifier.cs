using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.TextClassification;

/// <summary>
/// The guide's IMDB model with a <c>GRU</c>: gated like the <c>LSTM</c> but without a separate cell
/// state, so a quarter fewer recurrent weights.
/// </summary>
// The guide compiles its IMDB models with RMSprop (Keras's default learning rate, 1e-3),
// binary cross-entropy and accuracy.
[Network(
    Loss = Loss.BinaryCrossentropy,
    Metrics = [Metric.Accuracy],
    Optimizer = OptimizerKind.RmsProp)]
[Input("words", ElementType = ElementType.Int64)]
public partial class GruClassifier
{
    /// <summary>Word ids (0 is padding, 1 an unknown word) to 32 numbers each; padded steps are masked.</summary>
    [Embedding(10_000, 32, MaskZero = true)]
    public partial Embedding Words { get; }

    [GRU(32)]
    public partial Recurrent Reader { get; }

    /// <summary>The probability that the message is spam.</summary>
    [Dense(1, Activation.Sigmoid)]
    public partial Linear Spam { get; }
}
