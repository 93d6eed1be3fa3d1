using System;

namespace NetGen;

/// <summary>
/// Multiplies every value by Gaussian noise of mean 1 and standard deviation
/// <c>sqrt(rate / (1 - rate))</c> during training and is the identity at inference (Keras's
/// <c>GaussianDropout</c>): the noise has the variance of <c>Dropout(rate)</c>'s scaled mask, without
/// zeros. Any floating-point shape; no parameters. Declare the member as <c>NetGen.Layers.GaussianDropout</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class GaussianDropoutAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a Gaussian dropout layer.</summary>
    public GaussianDropoutAttribute(double rate) => Rate = rate;

    /// <summary>The dropout rate the noise stands for, in [0, 1).</summary>
    public double Rate { get; }
}
