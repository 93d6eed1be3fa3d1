using System;

namespace NetGen;

/// <summary>
/// The shape of one sample given to a network, without the batch axis and channels first
/// (PyTorch's convention): <c>[Input(30)]</c> for 30 features, <c>[Input(3, 32, 32)]</c> for an RGB image.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The name layers use to take the network input with <c>From</c> or a merge layer.</summary>
    public const string DefaultName = "input";

    /// <summary>Declares the input shape.</summary>
    public InputAttribute(params int[] shape) => Shape = shape;

    /// <summary>The dimensions of one sample.</summary>
    public int[] Shape { get; }

    /// <summary>The name other layers use to refer to the input; <c>"input"</c> unless set.</summary>
    public string Name { get; set; } = DefaultName;
}
