using System;

namespace NetGen;

/// <summary>
/// Normalizes each sample's features (the last axis of (features) or of every step of
/// (steps, features)) to mean 0 and variance 1, then scales and shifts them by a learned gamma
/// and beta, as Keras's <c>LayerNormalization</c>. Unlike batch normalization it keeps no
/// statistics and behaves the same in training and inference. Declare the member as
/// <c>TorchSharp.Modules.LayerNorm</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class LayerNormalizationAttribute : SingleInputLayerAttribute
{
    /// <summary>Added to the variance before its square root (Keras's default, 1e-3).</summary>
    public double Epsilon { get; set; } = 0.001;
}
