using static TorchSharp.torch;

namespace NetGen.Generative;

/// <summary>
/// A network that turns latent vectors into samples (a GAN): what <see cref="GeneratedImages"/>
/// needs to draw fixed latent vectors once and render them after every few epochs.
/// </summary>
public interface IGenerativeNetwork : INetwork
{
    /// <summary>The shape of one latent vector: the generator's input.</summary>
    Shape LatentShape { get; }

    /// <summary>The shape of one generated sample: the generator's output.</summary>
    Shape SampleShape { get; }

    /// <summary>
    /// Draws <paramref name="count"/> latent vectors from a standard normal distribution, on the
    /// network's device: from a generator seeded with <paramref name="seed"/> (the same vectors
    /// every time), or from TorchSharp's process-wide generator when it is null.
    /// </summary>
    Tensor SampleLatent(long count, long? seed = null);

    /// <summary>Runs the generator on <paramref name="latent"/> in inference mode, without gradients.</summary>
    Tensor Generate(Tensor latent);
}
