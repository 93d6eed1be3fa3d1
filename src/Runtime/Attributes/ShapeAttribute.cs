using System;

namespace NetGen;

/// <summary>
/// The shape a <c>[Lambda]</c> or <c>[LossTerm]</c> parameter expects, batch axis excluded:
/// <c>[Shape(2)] Tensor mean</c> takes a vector of two values per sample, <c>[Shape(-1, 8)] Tensor steps</c>
/// a sequence of any length with eight features per step. The shape of the layer or input the parameter is
/// bound to is checked against it at compile time (NG0031); a shape known only at run time is not checked.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class ShapeAttribute : Attribute
{
    /// <summary>Declares the expected shape: one size per axis, <see cref="AnySize"/> (-1) where any size fits.</summary>
    public ShapeAttribute(params int[] dimensions) => Dimensions = dimensions;

    /// <summary>A size that fits any size on its axis, as in <c>reshape(-1, ...)</c>.</summary>
    public const int AnySize = -1;

    /// <summary>One size per axis, batch axis excluded; <see cref="AnySize"/> where any size fits.</summary>
    public int[] Dimensions { get; }
}
