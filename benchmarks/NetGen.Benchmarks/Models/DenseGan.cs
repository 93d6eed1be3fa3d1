using NetGen;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>The dense GAN sample's generator (samples/Gan): 100 latent values to 784 pixels in [-1, 1], 562,704 parameters.</summary>
[Network]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5)]
[Input(100)]
public partial class GanGenerator
{
    [Dense(256, Activation.LeakyReLU)] public partial Linear Hidden1 { get; }

    [BatchNormalization] public partial BatchNorm1d Norm1 { get; }

    [Dense(512, Activation.LeakyReLU)] public partial Linear Hidden2 { get; }

    [BatchNormalization] public partial BatchNorm1d Norm2 { get; }

    [Dense(784, Activation.Tanh)] public partial Linear Pixels { get; }
}

/// <summary>The dense GAN sample's discriminator: 784 pixels to the probability of a real image, 533,505 parameters.</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5)]
[Input(784)]
public partial class GanDiscriminator
{
    [Dense(512, Activation.LeakyReLU)] public partial Linear Hidden1 { get; }

    [Dropout(0.3)] public partial Dropout Drop1 { get; }

    [Dense(256, Activation.LeakyReLU)] public partial Linear Hidden2 { get; }

    [Dropout(0.3)] public partial Dropout Drop2 { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Real { get; }
}
