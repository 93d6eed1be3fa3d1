using System;

namespace NetGen;

/// <summary>
/// Normalizes each feature (or channel) over the batch, with Keras's defaults and semantics:
/// moving averages with <see cref="Momentum"/> 0.99 (PyTorch momentum 0.01) and epsilon 0.001.
/// The normalized axis is the feature axis of NetGen's layout: the features of (features) and
/// (steps, features) inputs, the channels of (channels, height, width) and
/// (channels, depth, height, width) inputs. Declare the member as <c>BatchNorm1d</c> for
/// (features) and (steps, features) inputs, <c>BatchNorm2d</c> for images, <c>BatchNorm3d</c> for volumes.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class BatchNormalizationAttribute : SingleInputLayerAttribute
{
    /// <summary>Keras momentum of the moving mean and variance.</summary>
    public double Momentum { get; set; } = 0.99;

    /// <summary>Added to the variance to avoid dividing by zero.</summary>
    public double Epsilon { get; set; } = 0.001;
}
