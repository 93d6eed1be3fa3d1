using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.BreastCancer;

/// <summary>
/// The guide's first model: a small fully connected binary classifier of tabular data.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy, Metric.RocAuc])]
[Input(30)]
public partial class CancerNet
{
    [Dense(12, Activation.ReLU)]
    public partial Linear Hidden1 { get; }

    [Dense(12, Activation.ReLU)]
    public partial Linear Hidden2 { get; }

    [Dense(1, Activation.Sigmoid)]
    public partial Linear Output { get; }
}
