using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// The shape of one sample, without the batch axis: known sizes and named sizes. Printed the
/// Keras way with the batch axis as <c>None</c>: <c>(None, 12)</c>, <c>(None, steps, 8)</c>.
/// </summary>
public sealed class Shape : IReadOnlyList<Dimension>, IEquatable<Shape>
{
    private readonly Dimension[] _dimensions;

    /// <summary>A shape of known sizes.</summary>
    public Shape(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        _dimensions = dimensions.Select(static size => Dimension.Of(size)).ToArray();
    }

    /// <summary>A shape of known and named sizes.</summary>
    public Shape(params Dimension[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        _dimensions = (Dimension[])dimensions.Clone();
    }

    /// <summary>Number of axes, batch excluded.</summary>
    public int Rank => _dimensions.Length;

    /// <inheritdoc />
    public int Count => _dimensions.Length;

    /// <inheritdoc />
    public Dimension this[int index] => _dimensions[index];

    /// <summary>Whether every dimension has a known size.</summary>
    public bool IsKnown => _dimensions.All(static d => d.IsKnown);

    /// <summary>Number of values in one sample, or null when a dimension is named.</summary>
    public long? ElementCount => IsKnown ? _dimensions.Aggregate(1L, static (product, d) => product * d.Size!.Value) : null;

    /// <summary>Whether <paramref name="batch"/> (batch axis first) holds samples of this shape.</summary>
    public bool Matches(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Match(batch.shape, new Dictionary<string, long>(StringComparer.Ordinal)) is null;
    }

    /// <summary>
    /// Checks a batch's dimensions (batch axis first) and binds named dimensions, so that inputs
    /// sharing a name must agree. Returns null when they match, else what differs.
    /// </summary>
    internal string? Match(long[] batchShape, Dictionary<string, long> bindings)
    {
        if (batchShape.Length != Rank + 1)
        {
            return FormattableString.Invariant($"{Rank + 1} axes (batch first) were expected, not {batchShape.Length}");
        }

        for (var axis = 0; axis < Rank; axis++)
        {
            var size = batchShape[axis + 1];
            var dimension = _dimensions[axis];
            if (!dimension.Accepts(size))
            {
                return FormattableString.Invariant($"axis {axis + 1} has {size} values where {dimension} were expected");
            }

            if (dimension.Name is { } name)
            {
                if (bindings.TryGetValue(name, out var bound) && bound != size)
                {
                    return FormattableString.Invariant($"'{name}' is {size} on axis {axis + 1} but {bound} elsewhere");
                }

                bindings[name] = size;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public IEnumerator<Dimension> GetEnumerator() => ((IEnumerable<Dimension>)_dimensions).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(Shape? other) => other is not null && _dimensions.AsSpan().SequenceEqual(other._dimensions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Shape);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var dimension in _dimensions)
        {
            hash.Add(dimension);
        }

        return hash.ToHashCode();
    }

    /// <summary>Keras notation with the batch axis: <c>(None, 3, 32, 32)</c>, <c>(None, steps, 8)</c>.</summary>
    public override string ToString() => "(None" + string.Concat(_dimensions.Select(static d => ", " + d)) + ")";

    /// <summary>A batch's dimensions as text: <c>[10, 30]</c>.</summary>
    internal static string Format(long[] shape) => "[" + string.Join(", ", shape.Select(static d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
