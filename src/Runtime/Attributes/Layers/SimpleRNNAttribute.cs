using System;

namespace NetGen;

/// <summary>
/// A fully connected recurrent layer, <c>h_t = activation(x_t W + h_{t-1} U + b)</c> (Keras's
/// <c>SimpleRNN</c>, TorchSharp's <c>RNN</c>). Declare the member as <c>NetGen.Layers.Recurrent</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SimpleRNNAttribute : RecurrentLayerAttribute
{
    /// <summary>Creates the layer with <paramref name="units"/> units and <paramref name="activation"/> (Tanh or ReLU).</summary>
    public SimpleRNNAttribute(int units, Activation activation = Activation.Tanh)
        : base(units) => Activation = activation;

    /// <summary>The activation of the state: <see cref="NetGen.Activation.Tanh"/> (Keras's default) or <see cref="NetGen.Activation.ReLU"/>.</summary>
    public Activation Activation { get; }
}
