using System;

namespace NetGen;

/// <summary>
/// The mean over the steps of a (steps, features) input: the output is (features). The number of
/// steps may be a named size. Declare the member as <c>NetGen.Layers.GlobalAveragePooling1D</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class GlobalAveragePooling1DAttribute : SingleInputLayerAttribute
{
}
