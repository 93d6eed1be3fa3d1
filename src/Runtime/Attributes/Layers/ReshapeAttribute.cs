using System;

namespace NetGen;

/// <summary>
/// Gives each sample a new shape with the same number of values, batch axis excluded, as Keras's
/// <c>Reshape</c>: <c>[Reshape(1, 28, 28)]</c> turns 784 features into a one-channel image. One
/// dimension may be -1, inferred from the others. Declare the member as <see cref="Layers.Reshape"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ReshapeAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a reshape to <paramref name="targetShape"/>.</summary>
    public ReshapeAttribute(params int[] targetShape) => TargetShape = targetShape;

    /// <summary>The shape of one output sample.</summary>
    public int[] TargetShape { get; }
}
