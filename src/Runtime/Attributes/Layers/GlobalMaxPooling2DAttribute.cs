using System;

namespace NetGen;

/// <summary>
/// The largest value of each channel of a (channels, height, width) input: the output is (channels).
/// Declare the member as <c>NetGen.Layers.GlobalMaxPooling2D</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class GlobalMaxPooling2DAttribute : SingleInputLayerAttribute
{
}
