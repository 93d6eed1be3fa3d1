using System;
using System.Globalization;
using System.Linq;

namespace NetGen.Model;

/// <summary>
/// The shape of one sample (batch axis excluded, channels first). Printed the Keras way with
/// the batch axis as <c>None</c>.
/// </summary>
internal readonly struct TensorShape : IEquatable<TensorShape>
{
    public TensorShape(EquatableArray<int> dimensions) => Dimensions = dimensions;

    public TensorShape(params int[] dimensions) => Dimensions = dimensions.ToEquatableArray();

    public EquatableArray<int> Dimensions { get; }

    public int Rank => Dimensions.Count;

    public int this[int axis] => Dimensions[axis];

    public int Last => Dimensions[Dimensions.Count - 1];

    public long ElementCount => Dimensions.Aggregate(1L, static (product, dimension) => product * dimension);

    public TensorShape WithLast(int dimension) =>
        new(Dimensions.Take(Rank - 1).Concat(new[] { dimension }).ToEquatableArray());

    public bool Equals(TensorShape other) => Dimensions.Equals(other.Dimensions);

    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    public override int GetHashCode() => Dimensions.GetHashCode();

    /// <summary><c>(None, 3, 32, 32)</c>.</summary>
    public override string ToString() =>
        "(None" + string.Concat(Dimensions.Select(static d => ", " + d.ToString(CultureInfo.InvariantCulture))) + ")";
}
