using NetGen;
using TorchSharp.Modules;

[Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae])]
[Input(8, Name = "features")]
public partial class WideAndDeep
{
    [Dense(16, Activation.ReLU)] public partial Linear Deep1 { get; }
    [Dense(16, Activation.ReLU)] public partial Linear Deep2 { get; }
    [Add(nameof(Deep1), nameof(Deep2))] public partial NetGen.Layers.Add Residual { get; }
    [Concatenate("features", nameof(Residual), Axis = 1)] public partial NetGen.Layers.Concatenate Wide { get; }
    [Dense(1)] public partial Linear Price { get; }
}
