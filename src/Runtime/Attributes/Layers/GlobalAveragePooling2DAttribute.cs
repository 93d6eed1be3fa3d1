using System;

namespace NetGen;

/// <summary>
/// The mean of each channel of a (channels, height, width) input: the output is (channels).
/// Declare the member as <c>NetGen.Layers.GlobalAveragePooling2D</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class GlobalAveragePooling2DAttribute : SingleInputLayerAttribute
{
}
