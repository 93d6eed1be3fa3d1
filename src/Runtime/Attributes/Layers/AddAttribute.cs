using System;

namespace NetGen;

/// <summary>
/// Adds the outputs of several layers of identical shape element-wise.
/// Declare the member as <see cref="Layers.Add"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class AddAttribute : MergeLayerAttribute
{
    /// <summary>Adds the named layers' outputs.</summary>
    public AddAttribute(params string[] inputs) : base(inputs)
    {
    }
}
