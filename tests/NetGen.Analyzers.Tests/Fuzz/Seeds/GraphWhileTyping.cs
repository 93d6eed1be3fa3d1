using NetGen;
using TorchSharp.Modules;

[Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae], Optimizer = OptimizerKind.Sgd)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1, Momentum = 0.9, Nesterov = true)]
[Input(2, 4, Name = "features")]
public partial class Graph
{
    [Flatten] public partial Flatten Flat { get; }
    [Dense(8, Activation.LeakyReLU, Alpha = 0.2)] public partial Linear A { get; }
    [BatchNormalization(Momentum = 0.9)] public partial BatchNorm1d Norm { get; }
    [Dense(8, From = nameof(Flat))] public partial Linear B { get; }
    [Add(nameof(Norm), nameof(B))] public partial NetGen.Layers.Add Sum { get; }
    [Concatenate(nameof(Sum), nameof(Flat), Axis = -1)] public partial NetGen.Layers.Concatenate Joined { get; }
    [Dropout(0.1)] public partial Dropout Drop { get; }
    [Dense(1)] public partial Linear Output { get; }
}
