using NetGen;
using TorchSharp.Modules;

namespace IdeFixture;

[Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])]
[Input(30)]
public partial class CancerNet
{
    [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
    [Dense(1, Activation.Softmax)] public partial Linear Output { get; }
}
