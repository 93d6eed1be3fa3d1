using System;

namespace NetGen;

/// <summary>
/// Removes rows and columns from the borders of each channel of a (channels, height, width)
/// input, as Keras's <c>Cropping2D</c>: one number crops every side alike, <c>[vertical, horizontal]</c>
/// crops top and bottom by the first and left and right by the second, and
/// <c>[top, bottom, left, right]</c> gives each side. Declare the member as <c>NetGen.Layers.Cropping2D</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class Cropping2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Crops every side by <paramref name="cropping"/> (none, as Keras's default).</summary>
    public Cropping2DAttribute(int cropping = 0) => Cropping = [cropping, cropping, cropping, cropping];

    /// <summary>Crops by <c>[vertical, horizontal]</c> or <c>[top, bottom, left, right]</c>.</summary>
    public Cropping2DAttribute(int[] cropping) => Cropping = cropping;

    /// <summary>The cropping as written.</summary>
    public int[] Cropping { get; }
}
