using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.TextClassification;

/// <summary>
/// The guide's bidirectional <c>LSTM</c>: one direction reads the message forwards, the other
/// backwards, and their final outputs are concatenated (64 numbers) before the sigmoid unit. The
/// backward direction ends on the first words (the subject line), so the start of a message is as
/// close to the output as its end.
/// </summary>
// The guide compiles its IMDB models with RMSprop (Keras's default learning rate, 1e-3),
// binary cross-entropy and accuracy.
[Network(
    Loss = Loss.BinaryCrossentropy,
    Metrics = [Metric.Accuracy],
    Optimizer = OptimizerKind.RmsProp)]
[Input("words", ElementType = ElementType.Int64)]
public partial class BidirectionalLstmClassifier
{
    /// <summary>Word ids (0 is padding, 1 an unknown word) to 32 numbers each; padded steps are masked.</summary>
    [Embedding(10_000, 32, MaskZero = true)]
    public partial Embedding Words { get; }

    [LSTM(32, Bidirectional = true)]
    public partial Recurrent Reader { get; }

    /// <summary>The probability that the message is spam.</summary>
    [Dense(1, Activation.Sigmoid)]
    public partial Linear Spam { get; }
}
