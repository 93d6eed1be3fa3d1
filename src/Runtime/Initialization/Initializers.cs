using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// Keras's initializers, which generated constructors apply to each layer's weights. With a
/// <see cref="Generator"/> (a network constructed with a seed) the values depend on that seed
/// alone; without one, they come from TorchSharp's global generator (<c>torch.manual_seed</c>).
/// </summary>
public static class Initializers
{
    /// <summary>A generator seeded with <paramref name="seed"/>, or null to use TorchSharp's global one.</summary>
    public static Generator? Generator(long? seed) => seed is { } value ? new Generator((ulong)value) : null;

    /// <summary>
    /// The seed of a sub-network, drawn from its owner's <paramref name="generator"/> so that it
    /// depends on the owner's seed alone and two sub-networks of one class start different; null
    /// (TorchSharp's global generator) when the owner has none.
    /// </summary>
    public static long? Seed(Generator? generator)
    {
        if (generator is null)
        {
            return null;
        }

        using var drawn = torch.randint(0, long.MaxValue, [1], dtype: ScalarType.Int64, generator: generator);
        return drawn.item<long>();
    }

    /// <summary>Fills <paramref name="weight"/> (or leaves it, for <see cref="Initializer.TorchDefault"/>) as <paramref name="initializer"/> says.</summary>
    public static void Apply(Tensor? weight, Initializer initializer, Generator? generator = null)
    {
        if (weight is null || initializer == Initializer.TorchDefault)
        {
            return;
        }

        using var noGrad = no_grad();
        switch (initializer)
        {
            case Initializer.Zeros:
                weight.zero_();
                break;
            case Initializer.Ones:
                weight.fill_(Scalars.One);
                break;
            case Initializer.GlorotUniform:
            {
                var (fanIn, fanOut) = Fans(weight);
                var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
                weight.uniform_(-limit, limit, generator);
                break;
            }

            case Initializer.HeUniform:
            {
                var limit = Math.Sqrt(6.0 / Fans(weight).In);
                weight.uniform_(-limit, limit, generator);
                break;
            }

            case Initializer.GlorotNormal:
            {
                var (fanIn, fanOut) = Fans(weight);
                TruncatedNormal(weight, Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
                break;
            }

            case Initializer.HeNormal:
                TruncatedNormal(weight, Math.Sqrt(2.0 / Fans(weight).In), generator);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(initializer), initializer, "Unknown initializer.");
        }
    }

    /// <summary>
    /// Keras's embedding initializer: uniform in [-0.05, 0.05]; with <paramref name="maskZero"/> the
    /// padding id 0's row is zero (TorchSharp's <c>padding_idx</c> keeps it zero in training).
    /// </summary>
    public static void Embedding(Tensor? weight, bool maskZero, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        using var noGrad = no_grad();
        weight.uniform_(-0.05, 0.05, generator);
        if (maskZero)
        {
            weight[0].zero_();
        }
    }

    /// <summary>
    /// Fan-in and fan-out as Keras computes them: a (out, in) matrix has fan-in <c>in</c>; a
    /// convolution kernel (out, in, k...) multiplies both by the receptive field.
    /// </summary>
    private static (double In, double Out) Fans(Tensor weight)
    {
        var shape = weight.shape;
        if (shape.Length < 2)
        {
            return (shape.Length == 0 ? 1 : shape[0], shape.Length == 0 ? 1 : shape[0]);
        }

        long receptive = 1;
        for (var i = 2; i < shape.Length; i++)
        {
            receptive *= shape[i];
        }

        return (shape[1] * receptive, shape[0] * receptive);
    }

    /// <summary>
    /// Normal values redrawn until within two standard deviations, with Keras's correction of the
    /// standard deviation for the truncation (0.87962566103423978).
    /// </summary>
    private static void TruncatedNormal(Tensor weight, double stddev, Generator? generator)
    {
        using var scale = (stddev / 0.87962566103423978).ToScalar();
        using var negativeBound = (-2).ToScalar();
        using var scope = NewDisposeScope();
        var values = randn(weight.shape, dtype: ScalarType.Float64, generator: generator);
        for (var round = 0; round < 32; round++)
        {
            var outside = values.abs().gt(Scalars.Two);
            if (!outside.any().item<bool>())
            {
                break;
            }

            values = where(outside, randn(weight.shape, dtype: ScalarType.Float64, generator: generator), values);
        }

        weight.copy_(values.clamp(negativeBound, Scalars.Two).mul(scale));
    }
}
