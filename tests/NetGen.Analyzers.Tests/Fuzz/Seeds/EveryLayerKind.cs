using NetGen;
using TorchSharp.Modules;

namespace Shop.Models;

[Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy], Optimizer = OptimizerKind.Sgd, LearningRate = 0.05)]
[Optimizer(OptimizerKind.Sgd, Momentum = 0.9, Nesterov = true, WeightDecay = 1e-5)]
[Input(4, 6)]
public partial class Everything
{
    [Permute(2, 1)] public partial NetGen.Layers.Permute Transposed { get; }
    [Reshape(2, 12)] public partial NetGen.Layers.Reshape Pairs { get; }
    [Flatten] public partial Flatten Flat { get; }
    [Dense(32, UseBias = false, KernelInitializer = Initializer.HeUniform)] public partial Linear Project { get; }
    [BatchNormalization(Momentum = 0.9, Epsilon = 1e-5)] internal partial BatchNorm1d Norm { get; }
    [Activation(Activation.LeakyReLU, Alpha = 0.1)] public partial LeakyReLU Leaky { get; }
    [Dropout(0.25)] public partial Dropout Drop { get; }
    [Dense(3, Activation.Tanh)] public partial Linear Squash { get; }
    [Dense(3)] public partial Linear Logits { get; }
    [Activation(Activation.Softmax)] public partial Softmax Probabilities { get; }
}
