using System;

namespace NetGen;

/// <summary>
/// Adds zero-centred Gaussian noise of standard deviation <see cref="Stddev"/> to every value during
/// training and is the identity at inference (Keras's <c>GaussianNoise</c>): the corruption of a
/// denoising autoencoder, or a regularizer on real-valued inputs. Any floating-point shape; no
/// parameters. Declare the member as <c>NetGen.Layers.GaussianNoise</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class GaussianNoiseAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a Gaussian noise layer.</summary>
    public GaussianNoiseAttribute(double stddev) => Stddev = stddev;

    /// <summary>Standard deviation of the noise added in training; finite, 0 or more.</summary>
    public double Stddev { get; }
}
