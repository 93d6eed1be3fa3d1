using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen;

/// <summary>
/// The shape of one sample, without the batch axis. Printed the Keras way with the batch axis
/// as <c>None</c>: <c>(None, 12)</c>.
/// </summary>
public sealed class Shape : IReadOnlyList<int>, IEquatable<Shape>
{
    private readonly int[] _dimensions;

    /// <summary>Creates a shape from its dimensions.</summary>
    public Shape(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        _dimensions = (int[])dimensions.Clone();
    }

    /// <summary>Number of axes, batch excluded.</summary>
    public int Rank => _dimensions.Length;

    /// <inheritdoc />
    public int Count => _dimensions.Length;

    /// <inheritdoc />
    public int this[int index] => _dimensions[index];

    /// <summary>Number of values in one sample.</summary>
    public long ElementCount => _dimensions.Aggregate(1L, static (product, dimension) => product * dimension);

    /// <summary>The dimensions with the batch axis in front, as TorchSharp expects them.</summary>
    public long[] WithBatch(long batchSize) => [batchSize, .. _dimensions.Select(static d => (long)d)];

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_dimensions).GetEnumerator();

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

    /// <summary>Keras notation with the batch axis: <c>(None, 3, 32, 32)</c>.</summary>
    public override string ToString() =>
        "(None" + string.Concat(_dimensions.Select(static d => ", " + d.ToString(CultureInfo.InvariantCulture))) + ")";
}
