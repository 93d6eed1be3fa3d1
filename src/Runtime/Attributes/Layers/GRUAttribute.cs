using System;

namespace NetGen;

/// <summary>
/// A gated recurrent unit layer (Keras's <c>GRU</c> with its default <c>reset_after</c>, TorchSharp's
/// <c>GRU</c>). Declare the member as <c>NetGen.Layers.Recurrent</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class GRUAttribute : RecurrentLayerAttribute
{
    /// <summary>Creates the layer with <paramref name="units"/> units.</summary>
    public GRUAttribute(int units)
        : base(units)
    {
    }
}
