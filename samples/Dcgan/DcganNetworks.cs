using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.Dcgan;

/// <summary>
/// Turns 100 normally distributed values into a (1, 28, 28) image in [-1, 1] (the tanh's range, as
/// the real images are scaled), the layout of the TensorFlow/Keras DCGAN examples: a dense projection
/// to a 7 × 7 map of 128 channels, then two 4 × 4 transposed convolutions that each double the size
/// (an even kernel a stride of 2 covers evenly, as in the Keras example).
/// Batch normalization and LeakyReLU (slope 0.2) after every layer but the last, as DCGAN's authors
/// recommend; no bias where batch normalization follows. Its moving statistics follow with momentum
/// 0.9 (PyTorch's default, which its DCGAN example keeps) rather than Keras's 0.99, so the images
/// generated in inference mode are right after a few hundred steps. It has no loss of its own: the GAN trains it
/// through the discriminator. Adam 2e-4 with beta1 0.5.
/// </summary>
[Network]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5)]
[Input(100)]
public partial class ConvGenerator
{
    [Dense(7 * 7 * 128, UseBias = false)]
    public partial Linear Project { get; }

    [BatchNormalization(Momentum = 0.9)]
    public partial BatchNorm1d ProjectNorm { get; }

    [Activation(Activation.LeakyReLU, Alpha = 0.2)]
    public partial LeakyReLU ProjectActivation { get; }

    [Reshape(128, 7, 7)]
    public partial Reshape ToMap { get; }

    [Conv2DTranspose(64, 4, Strides = 2, Padding = Padding.Same, UseBias = false)]
    public partial ConvTranspose2d Up1 { get; }

    [BatchNormalization(Momentum = 0.9)]
    public partial BatchNorm2d Up1Norm { get; }

    [Activation(Activation.LeakyReLU, Alpha = 0.2)]
    public partial LeakyReLU Up1Activation { get; }

    [Conv2DTranspose(1, 4, Activation.Tanh, Strides = 2, Padding = Padding.Same)]
    public partial ConvTranspose2d Pixels { get; }
}

/// <summary>
/// The probability that a (1, 28, 28) image is a real one: two strided convolutions (28 → 14 → 7)
/// with LeakyReLU and dropout, as in the TensorFlow/Keras DCGAN examples, batch normalization on the
/// second (DCGAN's paper leaves it off the first), then one sigmoid unit trained with binary
/// cross-entropy from its logit.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5)]
[Input(1, 28, 28)]
public partial class ConvDiscriminator
{
    [Conv2D(64, 5, Activation.LeakyReLU, Strides = 2, Padding = Padding.Same)]
    public partial Conv2d Down1 { get; }

    [Dropout(0.3)]
    public partial Dropout Drop1 { get; }

    [Conv2D(128, 5, Strides = 2, Padding = Padding.Same, UseBias = false)]
    public partial Conv2d Down2 { get; }

    [BatchNormalization]
    public partial BatchNorm2d Down2Norm { get; }

    [Activation(Activation.LeakyReLU, Alpha = 0.2)]
    public partial LeakyReLU Down2Activation { get; }

    [Dropout(0.3)]
    public partial Dropout Drop2 { get; }

    [Flatten]
    public partial Flatten Flat { get; }

    [Dense(1, Activation.Sigmoid)]
    public partial Linear Real { get; }
}
