using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// Cropping2D: rows and columns removed from the borders of a (channels, height, width) map, as
/// Keras writes them (<see cref="Extents"/>). Cropping a whole side away is reported at the
/// cropping argument (NG0012). The module is NetGen's own (<c>NetGen.Layers.Cropping2D</c>).
/// </summary>
internal sealed class Cropping2DLayer : LayerRule<BordersConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("cropping", 0) };

    public override LayerKind Kind => LayerKind.Cropping2D;

    public override string TypeName => "Cropping2D";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override BordersConfig ReadConfig(LayerContext layer) =>
        new(Extents.ReadSides(layer.Reader(s_arguments), layer, "cropping", "Cropping"));

    protected override ShapeResult InferShape(LayerContext layer, BordersConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (!Windows.CheckImage(layer, TypeName, input))
        {
            return ShapeResult.Failed;
        }

        var sides = config.Sides;
        var rows = sides.Top + sides.Bottom;
        var columns = sides.Left + sides.Right;
        if ((input[1].IsKnown && rows >= input[1].Size) || (input[2].IsKnown && columns >= input[2].Size))
        {
            var limit = $"less than the (height, width) of its input {input} along each axis (it removes {Format.Number(rows)} rows and {Format.Number(columns)} columns)";
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Argument("cropping"), "Cropping", layer.Name, limit, sides.ToString());
            return ShapeResult.Failed;
        }

        return Borders.Resize(TypeName, input, -rows, -columns);
    }

    protected override string? ModuleType(BordersConfig config, TensorType? input) => "NetGen.Layers.Cropping2D";

    protected override void EmitConstruction(ConstructionWriter writer, BordersConfig config, TensorType input)
    {
        var s = config.Sides;
        writer.Create($"new {TypeNames.Layers}.Cropping2D(top: {Format.Number(s.Top)}, bottom: {Format.Number(s.Bottom)}, left: {Format.Number(s.Left)}, right: {Format.Number(s.Right)})");
    }

    protected override string Describe(BordersConfig config, IReadOnlyList<string> inputs) => $"Cropping2D({config.Sides})";
}
