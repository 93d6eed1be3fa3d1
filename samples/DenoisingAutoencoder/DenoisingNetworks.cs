using NetGen;
using NetGen.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.DenoisingAutoencoder;

/// <summary>The noise the networks learn to remove, shared by their declarations and the corrupted test images.</summary>
public static class Noise
{
    /// <summary>Standard deviation of the Gaussian noise added to pixels in [0, 1] (Keras's denoising example uses 0.4).</summary>
    public const double Stddev = 0.4;

    /// <summary>
    /// <paramref name="pixels"/> clipped to [0, 1]. The bounds are Scalars held by a using: TorchSharp does not keep
    /// a Scalar alive during the call it is passed to, so <c>clamp(0, 1)</c> would make two a collection may free too soon.
    /// </summary>
    public static Tensor Clip(Tensor pixels)
    {
        using var black = 0.ToScalar();
        using var white = 1.ToScalar();
        return pixels.clamp(black, white);
    }
}

/// <summary>Compresses a flattened 28 × 28 image (784 values in [0, 1]) to a 64-value code.</summary>
[Network]
[Input(784)]
public partial class DenseEncoder
{
    [Dense(256, Activation.ReLU)]
    public partial Linear Hidden { get; }

    [Dense(64, Activation.ReLU)]
    public partial Linear Code { get; }
}

/// <summary>Rebuilds the 784 pixels from a 64-value code; the sigmoid keeps them in [0, 1].</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(64)]
public partial class DenseDecoder
{
    [Dense(256, Activation.ReLU)]
    public partial Linear Hidden { get; }

    [Dense(784, Activation.Sigmoid)]
    public partial Linear Pixels { get; }
}

/// <summary>
/// The dense denoiser, 784-256-64-256-784: in training, noise on the pixels (clipped to [0, 1] as the
/// corrupted test images are) and multiplicative noise on the code; the target is the clean image. At
/// inference both noise layers are the identity, so <c>Predict</c> denoises the images it is given.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3)]
[Input(784)]
public partial class DenseDenoiser
{
    [GaussianNoise(Noise.Stddev)]
    public partial GaussianNoise Corrupt { get; }

    [Lambda(OutputShape = [784])]
    private static Tensor Clip(Tensor corrupt) => Noise.Clip(corrupt);

    [SubNetwork(From = nameof(Clip))]
    public partial DenseEncoder Encode { get; }

    [GaussianDropout(0.1)]
    public partial GaussianDropout Shake { get; }

    [SubNetwork]
    public partial DenseDecoder Decode { get; }
}

/// <summary>
/// Keras's convolutional denoising autoencoder on (1, 28, 28) images: two 3 × 3 convolutions each
/// halving the image by max pooling (28 → 14 → 7), two transposed convolutions with stride 2 growing
/// it back (7 → 14 → 28), and a 3 × 3 convolution to one sigmoid channel.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3)]
[Input(1, 28, 28)]
public partial class ConvDenoiser
{
    [GaussianNoise(Noise.Stddev)]
    public partial GaussianNoise Corrupt { get; }

    [Lambda(OutputShape = [1, 28, 28])]
    private static Tensor Clip(Tensor corrupt) => Noise.Clip(corrupt);

    [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same, From = nameof(Clip))]
    public partial Conv2d Conv1 { get; }

    [MaxPooling2D(2, Padding = Padding.Same)]
    public partial MaxPool2d Pool1 { get; }

    [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Conv2 { get; }

    [MaxPooling2D(2, Padding = Padding.Same)]
    public partial MaxPool2d Pool2 { get; }

    [Conv2DTranspose(32, 3, Activation.ReLU, Strides = 2, Padding = Padding.Same)]
    public partial ConvTranspose2d Up1 { get; }

    [Conv2DTranspose(32, 3, Activation.ReLU, Strides = 2, Padding = Padding.Same)]
    public partial ConvTranspose2d Up2 { get; }

    [Conv2D(1, 3, Activation.Sigmoid, Padding = Padding.Same)]
    public partial Conv2d Pixels { get; }
}
