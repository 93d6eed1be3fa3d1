using System;

namespace NetGen;

/// <summary>
/// A 2D convolution over a (channels, height, width) input: <see cref="Filters"/> output channels,
/// a <see cref="KernelSize"/> window moved by <see cref="Strides"/>, with Keras's padding,
/// dilation and groups. A square kernel is one number (<c>[Conv2D(32, 3)]</c>), any other its
/// (height, width) (<c>[Conv2D(32, [3, 5])]</c>); <see cref="StridesPerAxis"/> and
/// <see cref="DilationRatePerAxis"/> do the same for strides and dilation.
/// Declare the member as <c>TorchSharp.Modules.Conv2d</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class Conv2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a convolution with <paramref name="filters"/> output channels and a <paramref name="kernelSize"/> × <paramref name="kernelSize"/> kernel.</summary>
    public Conv2DAttribute(int filters, int kernelSize, Activation activation = Activation.Linear)
        : this(filters, [kernelSize, kernelSize], activation)
    {
    }

    /// <summary>Creates a convolution with <paramref name="filters"/> output channels and a (height, width) <paramref name="kernelSize"/> kernel.</summary>
    public Conv2DAttribute(int filters, int[] kernelSize, Activation activation = Activation.Linear)
    {
        Filters = filters;
        KernelSize = kernelSize;
        Activation = activation;
    }

    /// <summary>Number of output channels.</summary>
    public int Filters { get; }

    /// <summary>Height and width of the kernel.</summary>
    public int[] KernelSize { get; }

    /// <summary>Activation applied to the output.</summary>
    public Activation Activation { get; }

    /// <summary>Step of the window, down and across.</summary>
    public int Strides { get; set; } = 1;

    /// <summary>Step of the window down and across when they differ, as (height, width); replaces <see cref="Strides"/>.</summary>
    public int[]? StridesPerAxis { get; set; }

    /// <summary>Whether the borders are padded so that the output has <c>ceil(input / strides)</c> rows and columns.</summary>
    public Padding Padding { get; set; } = Padding.Valid;

    /// <summary>Spacing between kernel elements (Keras's <c>dilation_rate</c>).</summary>
    public int DilationRate { get; set; } = 1;

    /// <summary>Dilation down and across when they differ, as (height, width); replaces <see cref="DilationRate"/>.</summary>
    public int[]? DilationRatePerAxis { get; set; }

    /// <summary>Number of channel groups convolved separately; input channels and filters must both be divisible by it.</summary>
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
