using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Multiplies every value by noise drawn from N(1, rate / (1 - rate)) in training mode; in
/// evaluation mode the output equals the input (the module behind
/// <see cref="GaussianDropoutAttribute"/>). The noise comes from TorchSharp's global generator, as
/// dropout's does, so <c>Fit(seed:)</c> and <see cref="Reproducibility.SetRandomSeed"/> fix it.
/// </summary>
public sealed class GaussianDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _noiseStddev;

    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The dropout rate the noise stands for, in [0, 1).</param>
    public GaussianDropout(double rate) : base(nameof(GaussianDropout))
    {
        if (!(rate >= 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The Gaussian dropout rate must be in [0, 1).");
        }

        Rate = rate;
        _noiseStddev = Math.Sqrt(rate / (1 - rate));
    }

    /// <summary>The dropout rate the noise stands for.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || Rate == 0)
        {
            // A new handle on the same values: the caller may dispose input and output separately.
            return input.alias();
        }

        NoiseInputs.CheckFloatingPoint(nameof(GaussianDropout), input);
        using var stddev = _noiseStddev.ToScalar();
        using var noise = randn_like(input).mul_(stddev).add_(Scalars.One, Scalars.One);
        return input * noise;
    }
}
