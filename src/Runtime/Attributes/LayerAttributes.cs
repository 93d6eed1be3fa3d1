using System;

namespace NetGen;

/// <summary>
/// A fully connected layer, <c>y = activation(x W^T + b)</c>, applied to the last axis.
/// Declare the member as <c>TorchSharp.Modules.Linear</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class DenseAttribute : LayerAttribute
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

    /// <summary>Negative slope when <see cref="Activation"/> is <see cref="NetGen.Activation.LeakyReLU"/>.</summary>
    public double Alpha { get; set; } = 0.3;
}

/// <summary>
/// Randomly zeroes inputs with probability <see cref="Rate"/> during training and scales the
/// rest by <c>1 / (1 - rate)</c>. Declare the member as <c>TorchSharp.Modules.Dropout</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class DropoutAttribute : LayerAttribute
{
    /// <summary>Creates a dropout layer.</summary>
    public DropoutAttribute(double rate) => Rate = rate;

    /// <summary>Fraction of inputs dropped, in [0, 1).</summary>
    public double Rate { get; }
}

/// <summary>
/// Normalizes each channel (axis 1) over the batch. Keras defaults and semantics: moving
/// averages with <see cref="Momentum"/> 0.99 (PyTorch momentum 0.01) and epsilon 0.001.
/// Declare the member as <c>BatchNorm1d</c> for (features) or (channels, length) inputs,
/// <c>BatchNorm2d</c> for (channels, height, width) and <c>BatchNorm3d</c> for rank 4.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class BatchNormalizationAttribute : LayerAttribute
{
    /// <summary>Keras momentum of the moving mean and variance.</summary>
    public double Momentum { get; set; } = 0.99;

    /// <summary>Added to the variance to avoid dividing by zero.</summary>
    public double Epsilon { get; set; } = 0.001;
}

/// <summary>
/// Applies an activation function. Declare the member as the matching TorchSharp module:
/// <c>ReLU</c>, <c>Sigmoid</c>, <c>Tanh</c>, <c>Softmax</c>, <c>LeakyReLU</c> or <c>Identity</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ActivationAttribute : LayerAttribute
{
    /// <summary>Creates an activation layer.</summary>
    public ActivationAttribute(Activation activation) => Activation = activation;

    /// <summary>The function applied.</summary>
    public Activation Activation { get; }

    /// <summary>Negative slope of <see cref="NetGen.Activation.LeakyReLU"/>.</summary>
    public double Alpha { get; set; } = 0.3;
}

/// <summary>
/// Flattens every axis but the batch axis into one. Declare the member as <c>TorchSharp.Modules.Flatten</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class FlattenAttribute : LayerAttribute
{
}

/// <summary>
/// Adds the outputs of several layers of identical shape element-wise.
/// Declare the member as <see cref="Layers.Add"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class AddAttribute : MergeLayerAttribute
{
    /// <summary>Adds the named layers' outputs.</summary>
    public AddAttribute(params string[] inputs) : base(inputs)
    {
    }
}

/// <summary>
/// Concatenates the outputs of several layers along <see cref="Axis"/>; all other axes must match.
/// Declare the member as <see cref="Layers.Concatenate"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ConcatenateAttribute : MergeLayerAttribute
{
    /// <summary>Concatenates the named layers' outputs.</summary>
    public ConcatenateAttribute(params string[] inputs) : base(inputs)
    {
    }

    /// <summary>
    /// The axis joined, counting the batch axis as 0 as Keras does; negative values count from
    /// the end. The default, -1, is the last axis.
    /// </summary>
    public int Axis { get; set; } = -1;
}
