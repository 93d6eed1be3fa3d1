using System;

namespace NetGen;

/// <summary>
/// Randomly zeroes inputs with probability <see cref="Rate"/> during training and scales the
/// rest by <c>1 / (1 - rate)</c>; the identity at inference. Declare the member as
/// <c>TorchSharp.Modules.Dropout</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class DropoutAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a dropout layer.</summary>
    public DropoutAttribute(double rate) => Rate = rate;

    /// <summary>Fraction of inputs dropped, in [0, 1).</summary>
    public double Rate { get; }
}
