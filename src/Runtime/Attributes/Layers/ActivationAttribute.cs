using System;

namespace NetGen;

/// <summary>
/// Applies an activation function. Declare the member as the matching TorchSharp module:
/// <c>ReLU</c>, <c>Sigmoid</c>, <c>Tanh</c>, <c>Softmax</c>, <c>LeakyReLU</c> or <c>Identity</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ActivationAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates an activation layer.</summary>
    public ActivationAttribute(Activation activation) => Activation = activation;

    /// <summary>The function applied.</summary>
    public Activation Activation { get; }

    /// <summary>Negative slope of <see cref="NetGen.Activation.LeakyReLU"/> (Keras's LeakyReLU layer: 0.3).</summary>
    public double Alpha { get; set; } = 0.3;
}
