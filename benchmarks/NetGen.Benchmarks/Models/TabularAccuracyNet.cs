using NetGen;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// <see cref="TabularNet"/> with the accuracy metric the breast-cancer sample reports: the Fit
/// benchmark's case where a metric is updated every step.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])]
[Input(30)]
public partial class TabularAccuracyNet
{
    [Dense(12, Activation.ReLU)] public partial Linear Hidden1 { get; }

    [Dense(12, Activation.ReLU)] public partial Linear Hidden2 { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}
