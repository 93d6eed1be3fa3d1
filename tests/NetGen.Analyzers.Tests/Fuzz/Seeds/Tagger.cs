using NetGen;
using TorchSharp.Modules;

[Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input("steps", 8, Name = "frames")]
public partial class Tagger
{
    [Dense(16, Activation.ReLU)] public partial Linear Encode { get; }
    [BatchNormalization] public partial BatchNorm1d Norm { get; }
    [Dense(5, Activation.Softmax)] public partial Linear Tags { get; }
}
