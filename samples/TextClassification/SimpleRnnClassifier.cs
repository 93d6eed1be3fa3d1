using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.TextClassification;

/// <summary>
/// The guide's first IMDB model on mail: an embedding of the 10,000 most frequent training words
/// (ids from <c>Vocabulary.Build(maxWords: 10_000)</c>), a 32-unit <c>SimpleRNN</c> that reads the
/// message word by word and keeps its last output, and one sigmoid unit: the probability of spam.
/// </summary>
// The guide compiles its IMDB models with RMSprop (Keras's default learning rate, 1e-3),
// binary cross-entropy and accuracy.
[Network(
    Loss = Loss.BinaryCrossentropy,
    Metrics = [Metric.Accuracy],
    Optimizer = OptimizerKind.RmsProp)]
[Input("words", ElementType = ElementType.Int64)]
public partial class SimpleRnnClassifier
{
    /// <summary>Word ids (0 is padding, 1 an unknown word) to 32 numbers each; padded steps are masked.</summary>
    [Embedding(10_000, 32, MaskZero = true)]
    public partial Embedding Words { get; }

    [SimpleRNN(32)]
    public partial Recurrent Reader { get; }

    /// <summary>The probability that the message is spam.</summary>
    [Dense(1, Activation.Sigmoid)]
    public partial Linear Spam { get; }
}
