using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.VariationalAutoencoder;

/// <summary>
/// Turns a point of the 2-D latent space into 784 pixels in [0, 1]. Declared once: it is the
/// second half of <see cref="FashionVae"/> and, trained, draws images from latent values on its own.
/// </summary>
[Network]
[Input(FashionVae.LatentSize)]
public partial class VaeDecoder
{
    [Dense(512, Activation.ReLU)]
    public partial Linear Hidden { get; }

    [Dense(784, Activation.Sigmoid)]
    public partial Linear Pixels { get; }
}

/// <summary>
/// Keras's variational autoencoder on flattened 28 × 28 images: the encoder gives each image a
/// Gaussian in a 2-D latent space (its mean and log-variance), a point drawn from it
/// (the reparameterization trick) goes through the decoder, and the loss is the two terms of the
/// negative evidence lower bound: the KL divergence from the standard normal prior and the
/// reconstruction's binary cross-entropy summed over the pixels. No target is needed:
/// <c>Fit(x)</c>. The means and log-variances are outputs too, so the trained model places images
/// in the latent space.
/// </summary>
[Network(Optimizer = OptimizerKind.Adam, LearningRate = 1e-3)]
[Input(784)]
public partial class FashionVae
{
    /// <summary>The size of the latent space: two, so it can be drawn.</summary>
    public const int LatentSize = 2;

    [Dense(512, Activation.ReLU)]
    public partial Linear Hidden { get; }

    [Output]
    [Dense(LatentSize)]
    public partial Linear Mean { get; }

    [Output]
    [Dense(LatentSize, From = nameof(Hidden))]
    public partial Linear LogVariance { get; }

    // z = mean + sigma * epsilon, epsilon ~ N(0, 1) from TorchSharp's global generator: the draw is
    // outside the parameters, so gradients reach the mean and the log-variance. Keras's Sampling
    // layer draws in evaluation and prediction too, and so does this one.
    // The numbers are Scalars held by a using: TorchSharp does not keep a Scalar alive during the call it
    // is passed to, so `mean + exp(0.5 * logVariance)` would make two that a collection may free too soon
    // (the 0.5, and the 1 that + multiplies its right side by).
    [Lambda(OutputShape = [LatentSize])]
    private static Tensor Sample(Tensor mean, Tensor logVariance)
    {
        using var half = 0.5.ToScalar();
        using var one = 1.ToScalar();
        return mean.add(exp(logVariance.mul(half)).mul(randn_like(mean)), one);
    }

    [Output]
    [SubNetwork(From = nameof(Sample))]
    public partial VaeDecoder Decode { get; }

    // KL(N(mean, sigma^2) || N(0, 1)), summed over the latent axes, averaged over the batch.
    // -0.5 * (1 + logVariance - mean² - exp(logVariance)), with Scalars held as in Sample.
    [LossTerm("kl_loss")]
    private static Tensor KlDivergence(Tensor mean, Tensor logVariance)
    {
        using var one = 1.ToScalar();
        using var two = 2.ToScalar();
        using var minusHalf = (-0.5).ToScalar();
        return logVariance.add(one, one).sub(mean.pow(two)).sub(logVariance.exp()).sum(1).mul(minusHalf).mean();
    }

    // Binary cross-entropy summed over the 784 pixels, averaged over the batch (as Keras's example).
    [LossTerm("reconstruction_loss")]
    private static Tensor Reconstruction(Tensor input, Tensor decode) =>
        nn.functional.binary_cross_entropy(decode, input, reduction: nn.Reduction.None).sum(1).mean();
}
