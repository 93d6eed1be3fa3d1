using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.TextClassification;

/// <summary>
/// The guide's IMDB model with an <c>LSTM</c> in place of the <c>SimpleRNN</c>: its gates and cell
/// state carry information across many more steps, so words far from the end of a message still count.
/// </summary>
// The guide compiles its IMDB models with RMSprop (Keras's default learning rate, 1e-3),
// binary cross-entropy and accuracy.
[Network(
    Loss = Loss.BinaryCrossentropy,
    Metrics = [Metric.Accuracy],
    Optimizer = OptimizerKind.RmsProp)]
[Input("words", ElementType = ElementType.Int64)]
public partial class LstmClassifier
{
    /// <summary>Word ids (0 is padding, 1 an unknown word) to 32 numbers each; padded steps are masked.</summary>
    [Embedding(10_000, 32, MaskZero = true)]
    public partial Embedding Words { get; }

    [LSTM(32)]
    public partial Recurrent Reader { get; }

    /// <summary>The probability that the message is spam.</summary>
    [Dense(1, Activation.Sigmoid)]
    public partial Linear Spam { get; }
}
