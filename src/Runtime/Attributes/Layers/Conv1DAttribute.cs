using System;

namespace NetGen;

/// <summary>
/// A 1D convolution along the steps of a (steps, features) sequence, NetGen's rank-2 layout (as
/// Keras's <c>Conv1D</c> reads (steps, channels)): <see cref="Filters"/> output features per step,
/// a <see cref="KernelSize"/>-step window moved by <see cref="Strides"/>, with Keras's padding
/// (<see cref="Padding.Causal"/> included), dilation and groups. The output is (steps, filters).
/// Declare the member as <c>TorchSharp.Modules.Conv1d</c>; the generated code moves the features to
/// TorchSharp's channel axis around it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class Conv1DAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a convolution with <paramref name="filters"/> output features and a window of <paramref name="kernelSize"/> steps.</summary>
    public Conv1DAttribute(int filters, int kernelSize, Activation activation = Activation.Linear)
    {
        Filters = filters;
        KernelSize = kernelSize;
        Activation = activation;
    }

    /// <summary>Number of output features (channels) per step.</summary>
    public int Filters { get; }

    /// <summary>Length of the window, in steps.</summary>
    public int KernelSize { get; }

    /// <summary>Activation applied to the output.</summary>
    public Activation Activation { get; }

    /// <summary>Step of the window.</summary>
    public int Strides { get; set; } = 1;

    /// <summary>Whether the steps are padded: <c>Same</c> gives <c>ceil(steps / strides)</c> steps, <c>Causal</c> pads the start only.</summary>
    public Padding Padding { get; set; } = Padding.Valid;

    /// <summary>Spacing between kernel elements (Keras's <c>dilation_rate</c>).</summary>
    public int DilationRate { get; set; } = 1;

    /// <summary>Number of feature groups convolved separately; input features and filters must both be divisible by it.</summary>
    public int Groups { get; set; } = 1;

    /// <summary>Whether the layer adds a bias per filter.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>Negative slope when <see cref="Activation"/> is <see cref="NetGen.Activation.LeakyReLU"/> (Keras's 0.2).</summary>
    public double Alpha { get; set; } = 0.2;

    /// <summary>How the kernel starts; Glorot uniform over the receptive field, as in Keras.</summary>
    public Initializer KernelInitializer { get; set; } = Initializer.GlorotUniform;

    /// <summary>How the bias starts; zeros, as in Keras.</summary>
    public Initializer BiasInitializer { get; set; } = Initializer.Zeros;
}
