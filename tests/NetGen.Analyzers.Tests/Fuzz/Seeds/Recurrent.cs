using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace Shop.Text;

[Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])]
[Input("words", ElementType = ElementType.Int64, Name = "tokens")]
public partial class ReviewClassifier
{
    [Embedding(5000, 32, MaskZero = true)] public partial Embedding Words { get; }
    [Dropout(0.2)] public partial Dropout Drop { get; }
    [SimpleRNN(16, ReturnSequences = true)] public partial Recurrent Simple { get; }
    [GRU(16, ReturnSequences = true, Dropout = 0.1)] public partial Recurrent Gated { get; }
    [LSTM(8, Bidirectional = true, MergeMode = MergeMode.Sum, RecurrentDropout = 0.2)] public partial Recurrent Memory { get; }
    [Dense(1, Activation.Sigmoid)] public partial Linear Positive { get; }
}

[Network(Loss = Loss.CategoricalCrossentropy)]
[Input("source", 12, Name = "source")]
[Input("target", 12, Name = "target")]
public partial class Seq2Seq
{
    [LSTM(32, Bidirectional = true, From = "source")] public partial Recurrent Encoder { get; }
    [LSTM(64, ReturnSequences = true, From = "target", InitialState = nameof(Encoder))] public partial Recurrent Decoder { get; }
    [Dense(12, Activation.Softmax)] public partial Linear Next { get; }
}
