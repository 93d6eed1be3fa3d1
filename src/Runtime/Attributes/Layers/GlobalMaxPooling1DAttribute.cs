using System;

namespace NetGen;

/// <summary>
/// The largest value over the steps of a (steps, features) input, per feature: the output is
/// (features). The number of steps may be a named size. Declare the member as
/// <c>NetGen.Layers.GlobalMaxPooling1D</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class GlobalMaxPooling1DAttribute : SingleInputLayerAttribute
{
}
