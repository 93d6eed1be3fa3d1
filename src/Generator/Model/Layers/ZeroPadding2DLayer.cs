using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A ZeroPadding2D or Cropping2D layer's configuration: rows and columns at each border.</summary>
internal sealed record BordersConfig(Sides Sides) : LayerConfig;

/// <summary>
/// ZeroPadding2D: zeros around each channel of a (channels, height, width) map, as Keras writes
/// it (one number, (vertical, horizontal) or (top, bottom, left, right); <see cref="Extents"/>);
/// TorchSharp's <c>ZeroPad2d</c> takes (left, right, top, bottom).
/// </summary>
internal sealed class ZeroPadding2DLayer : LayerRule<BordersConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("padding", 1) };

    public override LayerKind Kind => LayerKind.ZeroPadding2D;

    public override string TypeName => "ZeroPadding2D";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override BordersConfig ReadConfig(LayerContext layer) =>
        new(Extents.ReadSides(layer.Reader(s_arguments), layer, "padding", "Padding"));

    protected override ShapeResult InferShape(LayerContext layer, BordersConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (!Windows.CheckImage(layer, TypeName, input))
        {
            return ShapeResult.Failed;
        }

        var sides = config.Sides;
        return Borders.Resize(TypeName, input, sides.Top + sides.Bottom, sides.Left + sides.Right);
    }

    protected override string? ModuleType(BordersConfig config, TensorType? input) => "TorchSharp.Modules.ZeroPad2d";

    protected override void EmitConstruction(ConstructionWriter writer, BordersConfig config, TensorType input)
    {
        var s = config.Sides;
        writer.Create(s.Top == s.Bottom && s.Top == s.Left && s.Top == s.Right
            ? $"{TypeNames.Torch}.nn.ZeroPad2d({Format.Number(s.Top)})"
            : $"{TypeNames.Torch}.nn.ZeroPad2d(({Format.Number(s.Left)}, {Format.Number(s.Right)}, {Format.Number(s.Top)}, {Format.Number(s.Bottom)}))");
    }

    protected override string Describe(BordersConfig config, IReadOnlyList<string> inputs) => $"ZeroPadding2D({config.Sides})";
}

/// <summary>The image type after adding rows and columns (negative to remove them), shared by ZeroPadding2D and Cropping2D.</summary>
internal static class Borders
{
    public static ShapeResult Resize(string typeName, TensorType input, int rows, int columns)
    {
        var height = Add(input[1], rows);
        var width = Add(input[2], columns);
        return height is { } h && width is { } w
            ? input.WithDimensions(input[0], h, w)
            : ShapeResult.Dynamic(typeName + " of " + input + " depends on the sizes known only at run time");
    }

    private static Dimension? Add(Dimension side, int change) =>
        change == 0 ? side : side.IsKnown ? Dimension.Known(side.Size + change) : null;
}
