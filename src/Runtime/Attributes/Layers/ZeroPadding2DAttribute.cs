using System;

namespace NetGen;

/// <summary>
/// Adds rows and columns of zeros around each channel of a (channels, height, width) input, as
/// Keras's <c>ZeroPadding2D</c>: one number pads every side alike, <c>[vertical, horizontal]</c>
/// pads top and bottom by the first and left and right by the second, and
/// <c>[top, bottom, left, right]</c> gives each side. Declare the member as <c>TorchSharp.Modules.ZeroPad2d</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ZeroPadding2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Pads every side by <paramref name="padding"/> (one, as Keras's default).</summary>
    public ZeroPadding2DAttribute(int padding = 1) => Padding = [padding, padding, padding, padding];

    /// <summary>Pads by <c>[vertical, horizontal]</c> or <c>[top, bottom, left, right]</c>.</summary>
    public ZeroPadding2DAttribute(int[] padding) => Padding = padding;

    /// <summary>The padding as written.</summary>
    public int[] Padding { get; }
}
