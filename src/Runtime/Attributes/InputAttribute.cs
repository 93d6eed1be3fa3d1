using System;

namespace NetGen;

/// <summary>
/// Declares an input of a network: the shape of one sample, without the batch axis and channels
/// first (PyTorch's convention). <c>[Input(30)]</c> takes 30 features, <c>[Input(3, 32, 32)]</c> an
/// RGB image, <c>[Input("steps", 8)]</c> sequences of any length with 8 features per step: a
/// string is a named dimension whose size is known only at run time, and every layer's shape is
/// still checked with it. Several <c>[Input]</c> attributes, each with its own <see cref="Name"/>,
/// make a network with several inputs; its <c>forward</c> takes one tensor per input, in order.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The name of the input when <see cref="Name"/> is not set.</summary>
    public const string DefaultName = "input";

    /// <summary>Declares the input's shape: positive sizes, or names of variable dimensions.</summary>
    public InputAttribute(params object[] shape) => Shape = shape;

    /// <summary>The dimensions of one sample: <see cref="int"/> sizes or <see cref="string"/> names.</summary>
    public object[] Shape { get; }

    /// <summary>
    /// The name layers use to take this input (<c>From = "features"</c>) and the key of its data
    /// in <c>Fit</c>; <c>"input"</c> unless set. Required when a network has several inputs.
    /// </summary>
    public string Name { get; set; } = DefaultName;

    /// <summary>The element type of the input; <see cref="NetGen.ElementType.Float32"/> unless set.</summary>
    public ElementType ElementType { get; set; } = ElementType.Float32;
}
