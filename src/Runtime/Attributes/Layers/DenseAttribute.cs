using System;

namespace NetGen;

/// <summary>
/// A fully connected layer, <c>y = activation(x W^T + b)</c>, applied to the last axis: to the
/// features of a (features) input, to every step of a (steps, features) sequence.
/// Declare the member as <c>TorchSharp.Modules.Linear</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class DenseAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a dense layer with <paramref name="units"/> outputs.</summary>
    public DenseAttribute(int units, Activation activation = Activation.Linear)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>Number of output features.</summary>
    public int Units { get; }

    /// <summary>Activation applied to the output.</summary>
    public Activation Activation { get; }

    /// <summary>Whether the layer adds a bias vector.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>Negative slope when <see cref="Activation"/> is <see cref="NetGen.Activation.LeakyReLU"/> (Keras's 0.2).</summary>
    public double Alpha { get; set; } = 0.2;

    /// <summary>How the weight matrix starts; Glorot uniform, as in Keras.</summary>
    public Initializer KernelInitializer { get; set; } = Initializer.GlorotUniform;

    /// <summary>How the bias starts; zeros, as in Keras.</summary>
    public Initializer BiasInitializer { get; set; } = Initializer.Zeros;

    /// <summary>
    /// Whether the layer is meant to map each step of a (steps, features) sequence, as Keras's
    /// <c>TimeDistributed(Dense)</c>: the computation is the same, but NetGen then requires a sequence
    /// input and does not warn that a recurrent layer before it returns sequences (NG0121, NG0122).
    /// </summary>
    public bool TimeDistributed { get; set; }
}
