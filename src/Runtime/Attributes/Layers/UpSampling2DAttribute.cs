using System;

namespace NetGen;

/// <summary>
/// Repeats (or interpolates) the rows and columns of each channel of a (channels, height, width)
/// input <see cref="Size"/> times, as Keras's <c>UpSampling2D</c>: one number for both, or
/// <c>[height, width]</c>. Declare the member as <c>TorchSharp.Modules.Upsample</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class UpSampling2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Grows height and width by <paramref name="size"/> (two, as Keras's default).</summary>
    public UpSampling2DAttribute(int size = 2) => Size = [size, size];

    /// <summary>Grows height and width by the factors <c>[height, width]</c>.</summary>
    public UpSampling2DAttribute(int[] size) => Size = size;

    /// <summary>The growth factors, (height, width).</summary>
    public int[] Size { get; }

    /// <summary>How the new values are filled; nearest, as in Keras.</summary>
    public Interpolation Interpolation { get; set; } = Interpolation.Nearest;
}
