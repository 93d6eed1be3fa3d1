using System.Linq;

namespace NetGen.Model;

/// <summary>
/// The type of one sample flowing between layers: its element type and dimensions, batch axis
/// excluded. The layout is fixed per rank (see <see cref="Layout"/>). Printed the Keras way with
/// the batch axis as <c>None</c>: <c>(None, 12)</c>, <c>(None, steps, 8)</c>.
/// </summary>
internal sealed record TensorType(ElementKind ElementType, EquatableArray<Dimension> Dimensions)
{
    public static TensorType Float(params int[] dimensions) =>
        new(ElementKind.Float32, dimensions.Select(Dimension.Known).ToEquatableArray());

    public int Rank => Dimensions.Count;

    public Dimension this[int axis] => Dimensions[axis];

    public Dimension Last => Dimensions[Dimensions.Count - 1];

    public bool IsFloatingPoint => ElementType is ElementKind.Float32 or ElementKind.Float64;

    /// <summary>Whether every dimension has a known size.</summary>
    public bool IsKnown => Dimensions.All(static d => d.IsKnown);

    public TensorType WithLast(Dimension dimension) =>
        this with { Dimensions = Dimensions.Take(Rank - 1).Concat(new[] { dimension }).ToEquatableArray() };

    public TensorType WithDimensions(params Dimension[] dimensions) => this with { Dimensions = dimensions.ToEquatableArray() };

    /// <summary><c>(None, 3, 32, 32)</c>; the element type is left out (see <see cref="Describe"/>).</summary>
    public override string ToString() => "(None" + string.Concat(Dimensions.Select(static d => ", " + d)) + ")";

    /// <summary><c>(None, steps) int64</c>: the shape, and the element type when it is not float32.</summary>
    public string Describe() => ElementType == ElementKind.Float32 ? ToString() : ToString() + " " + Layout.Name(ElementType);
}
