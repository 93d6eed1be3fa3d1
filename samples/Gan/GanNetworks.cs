using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.Gans;

/// <summary>
/// Turns 100 normally distributed values into a 28 × 28 image (784 values in [-1, 1], the tanh's
/// range, as the real images are scaled). It has no loss of its own: the GAN trains it through the
/// discriminator. Adam 2e-4 with beta1 0.5, as DCGAN's authors recommend for GANs.
/// </summary>
[Network]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5)]
[Input(100)]
public partial class FashionGenerator
{
    [Dense(256, Activation.LeakyReLU)]
    public partial Linear Hidden1 { get; }

    [BatchNormalization]
    public partial BatchNorm1d Norm1 { get; }

    [Dense(512, Activation.LeakyReLU)]
    public partial Linear Hidden2 { get; }

    [BatchNormalization]
    public partial BatchNorm1d Norm2 { get; }

    [Dense(784, Activation.Tanh)]
    public partial Linear Pixels { get; }
}

/// <summary>
/// The probability that a flattened 28 × 28 image is a real one: binary cross-entropy on a sigmoid
/// unit, trained from its logit. Dropout keeps it from winning too early.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5)]
[Input(784)]
public partial class FashionDiscriminator
{
    [Dense(512, Activation.LeakyReLU)]
    public partial Linear Hidden1 { get; }

    [Dropout(0.3)]
    public partial Dropout Drop1 { get; }

    [Dense(256, Activation.LeakyReLU)]
    public partial Linear Hidden2 { get; }

    [Dropout(0.3)]
    public partial Dropout Drop2 { get; }

    [Dense(1, Activation.Sigmoid)]
    public partial Linear Real { get; }
}
