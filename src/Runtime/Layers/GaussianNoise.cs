using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Adds noise drawn from N(0, stddev²) to every value in training mode; in evaluation mode the
/// output equals the input (the module behind <see cref="GaussianNoiseAttribute"/>). The noise comes
/// from TorchSharp's global generator, as dropout's does, so <c>Fit(seed:)</c> and
/// <see cref="Reproducibility.SetRandomSeed"/> fix it.
/// </summary>
public sealed class GaussianNoise : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="stddev">Standard deviation of the noise; finite, 0 or more.</param>
    public GaussianNoise(double stddev) : base(nameof(GaussianNoise))
    {
        if (!(stddev >= 0 && stddev < double.PositiveInfinity))
        {
            throw new ArgumentOutOfRangeException(nameof(stddev), stddev, "The noise's standard deviation must be a finite number, 0 or more.");
        }

        Stddev = stddev;
    }

    /// <summary>Standard deviation of the noise added in training.</summary>
    public double Stddev { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || Stddev == 0)
        {
            // A new handle on the same values: the caller may dispose input and output separately.
            return input.alias();
        }

        NoiseInputs.CheckFloatingPoint(nameof(GaussianNoise), input);
        using var stddev = Stddev.ToScalar();
        using var noise = randn_like(input).mul_(stddev);
        return input.add(noise, Scalars.One);
    }
}
