using System;

namespace NetGen;

/// <summary>
/// A transposed 2D convolution ("deconvolution") over a (channels, height, width) input, which
/// grows the image: <see cref="Filters"/> output channels, a <see cref="KernelSize"/> kernel
/// (one number, or (height, width)), <see cref="Strides"/> as the growth factor. With
/// <see cref="Padding.Same"/> the output has <c>input * strides</c> rows and columns, as in Keras.
/// Declare the member as <c>TorchSharp.Modules.ConvTranspose2d</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class Conv2DTransposeAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a transposed convolution with <paramref name="filters"/> output channels and a square kernel.</summary>
    public Conv2DTransposeAttribute(int filters, int kernelSize, Activation activation = Activation.Linear)
        : this(filters, [kernelSize, kernelSize], activation)
    {
    }

    /// <summary>Creates a transposed convolution with <paramref name="filters"/> output channels and a (height, width) <paramref name="kernelSize"/> kernel.</summary>
    public Conv2DTransposeAttribute(int filters, int[] kernelSize, Activation activation = Activation.Linear)
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

    /// <summary>Step of the kernel over the output, down and across: the factor the image grows by.</summary>
    public int Strides { get; set; } = 1;

    /// <summary>Step down and across when they differ, as (height, width); replaces <see cref="Strides"/>.</summary>
    public int[]? StridesPerAxis { get; set; }

    /// <summary><c>Same</c>: the output has <c>input * strides</c> rows and columns; <c>Valid</c>: <c>(input - 1) * strides + kernel</c>, at least <c>input * strides</c>.</summary>
    public Padding Padding { get; set; } = Padding.Valid;

    /// <summary>
    /// Extra rows and columns at the bottom and right of the output, below the stride (or the
    /// dilation); negative (the default) leaves it to the padding, as Keras's <c>output_padding=None</c>.
    /// </summary>
    public int OutputPadding { get; set; } = -1;

    /// <summary>Spacing between kernel elements (Keras's <c>dilation_rate</c>).</summary>
    public int DilationRate { get; set; } = 1;

    /// <summary>Whether the layer adds a bias per filter.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>Negative slope when <see cref="Activation"/> is <see cref="NetGen.Activation.LeakyReLU"/> (Keras's 0.2).</summary>
    public double Alpha { get; set; } = 0.2;

    /// <summary>How the kernel starts; Glorot uniform over the receptive field, as in Keras.</summary>
    public Initializer KernelInitializer { get; set; } = Initializer.GlorotUniform;

    /// <summary>How the bias starts; zeros, as in Keras.</summary>
    public Initializer BiasInitializer { get; set; } = Initializer.Zeros;
}
