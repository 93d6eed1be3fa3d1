using System;

namespace NetGen;

/// <summary>
/// Takes the largest value of each <see cref="PoolSize"/> × <see cref="PoolSize"/> window of every channel of a
/// (channels, height, width) input (a non-square window is written as its (height, width), <c>[2, 3]</c>), moving by <see cref="Strides"/> (the pool size unless set).
/// Declare the member as <c>TorchSharp.Modules.MaxPool2d</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class MaxPooling2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a pooling layer over <paramref name="poolSize"/> × <paramref name="poolSize"/> windows.</summary>
    public MaxPooling2DAttribute(int poolSize = 2) => PoolSize = [poolSize, poolSize];

    /// <summary>Creates a pooling layer over windows of <paramref name="poolSize"/> (height, width).</summary>
    public MaxPooling2DAttribute(int[] poolSize) => PoolSize = poolSize;

    /// <summary>Height and width of the window.</summary>
    public int[] PoolSize { get; }

    /// <summary>Step of the window; 0 (the default) means the pool size, as Keras's <c>strides=None</c>.</summary>
    public int Strides { get; set; }

    /// <summary>Step of the window down and across when they differ, as (height, width); replaces <see cref="Strides"/>.</summary>
    public int[]? StridesPerAxis { get; set; }

    /// <summary>Whether the borders are padded so that the output has <c>ceil(input / strides)</c> rows and columns.</summary>
    public Padding Padding { get; set; } = Padding.Valid;
}
