using System;

namespace NetGen;

/// <summary>
/// Dropout of whole channels of a (channels, height, width) input: during training each channel
/// of each sample is zeroed with probability <see cref="Rate"/> and the rest are scaled by
/// <c>1 / (1 - rate)</c>; the identity at inference. Neighbouring pixels of a feature map are
/// correlated, so dropping single values regularizes little (Keras's <c>SpatialDropout2D</c>).
/// Declare the member as <c>TorchSharp.Modules.Dropout2d</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SpatialDropout2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a spatial dropout layer.</summary>
    public SpatialDropout2DAttribute(double rate) => Rate = rate;

    /// <summary>Fraction of channels dropped, in [0, 1).</summary>
    public double Rate { get; }
}
