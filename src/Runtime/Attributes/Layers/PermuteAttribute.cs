using System;

namespace NetGen;

/// <summary>
/// Reorders the axes of each sample, as Keras's <c>Permute</c>: <c>dims</c> lists the input axes
/// in their new order, counting from 1 (the batch axis, 0, never moves). <c>[Permute(2, 1)]</c>
/// turns (steps, features) into (features, steps). Declare the member as <see cref="Layers.Permute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class PermuteAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a permutation of the sample axes.</summary>
    public PermuteAttribute(params int[] dims) => Dims = dims;

    /// <summary>The input axes in output order, from 1.</summary>
    public int[] Dims { get; }
}
