using NetGen;
using TorchSharp.Modules;

[Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae])]
[Input(3, Name = "wide")]
[Input(2, Name = "deep")]
public partial class TwoHeads
{
    [Dense(8, Activation.ReLU, From = "deep")] public partial Linear Deep { get; }
    [Concatenate("wide", nameof(Deep))] public partial NetGen.Layers.Concatenate Joined { get; }
    [Output(LossWeight = 2.0)] [Dense(1)] public partial Linear Price { get; }
    [Output(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])] [Dense(1, Activation.Sigmoid, From = nameof(Joined))] public partial Linear Kind { get; }
}
