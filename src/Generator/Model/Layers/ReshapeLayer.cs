using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>A Reshape layer's configuration: the target shape, with at most one -1.</summary>
internal sealed record ReshapeConfig(EquatableArray<int> TargetShape) : LayerConfig;

/// <summary>
/// Reshape: the same values in a new sample shape (Keras's <c>Reshape</c>); one dimension may be
/// -1, inferred from the others. After a layer whose output is known only at run time, a target
/// without -1 declares the shape again and checking resumes.
/// </summary>
internal sealed class ReshapeLayer : LayerRule<ReshapeConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("targetShape", null) };

    public override LayerKind Kind => LayerKind.Reshape;

    public override string TypeName => "Reshape";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool Accepts(ElementKind elementType) => true;

    protected override ReshapeConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var target = arguments.Ints("targetShape");
        if (target is null || target.Count == 0 || target.Any(static d => d == 0 || d < -1) || target.Count(static d => d == -1) > 1)
        {
            arguments.Report(
                ProblemKind.InvalidLayerHyperparameter,
                "targetShape",
                -1,
                "TargetShape",
                layer.Name,
                "one or more positive sizes, at most one of them -1",
                target is null ? "null" : "(" + string.Join(", ", target.Select(Format.Number)) + ")");
        }

        return new ReshapeConfig((target ?? new int[0]).ToEquatableArray());
    }

    protected override ShapeResult InferShape(LayerContext layer, ReshapeConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        var known = config.TargetShape.Where(static d => d > 0).Aggregate(1L, static (product, d) => product * d);
        var inferred = config.TargetShape.AsImmutableArray().IndexOf(-1);
        var named = input.Dimensions.Where(static d => !d.IsKnown).ToList();
        var inputKnown = input.Dimensions.Where(static d => d.IsKnown).Aggregate(1L, static (product, d) => product * d.Size);

        if (named.Count == 0)
        {
            if (inferred < 0 ? known != inputKnown : inputKnown % known != 0)
            {
                layer.Report(ProblemKind.ReshapeSizeMismatch, layer.Attribute, layer.Name, input.ToString(), Format.Number(inputKnown), Target(config), inferred < 0 ? Format.Number(known) : "a multiple of " + Format.Number(known));
                return ShapeResult.Failed;
            }

            return inferred < 0 ? Declared(config, input.ElementType) : With(config, input.ElementType, inferred, Dimension.Known((int)(inputKnown / known)));
        }

        if (inferred < 0)
        {
            // The named sizes are known only at run time; the target declares the shape.
            return Declared(config, input.ElementType);
        }

        // (steps, 8) -> (-1, 8): the inferred dimension is 'steps' when the known sizes cancel out.
        return named.Count == 1 && inputKnown == known
            ? With(config, input.ElementType, inferred, named[0])
            : ShapeResult.Dynamic("Reshape of " + input + " to " + Target(config) + " depends on " + Format.Quoted(named.Select(static d => d.Name!)));
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, ReshapeConfig config, IReadOnlyList<ShapeResult> inputs) =>
        config.TargetShape.Contains(-1)
            ? base.InferFromDynamic(layer, config, inputs)
            : Declared(config, ElementKind.Float32);

    protected override string? ModuleType(ReshapeConfig config, TensorType? input) => "NetGen.Layers.Reshape";

    protected override void EmitConstruction(ConstructionWriter writer, ReshapeConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.Reshape({string.Join(", ", config.TargetShape.Select(Format.Number))})");

    protected override string Describe(ReshapeConfig config, IReadOnlyList<string> inputs) => "Reshape" + Target(config);

    private static string Target(ReshapeConfig config) => "(" + string.Join(", ", config.TargetShape.Select(Format.Number)) + ")";

    private static TensorType Declared(ReshapeConfig config, ElementKind elementType) =>
        new(elementType, config.TargetShape.Select(Dimension.Known).ToEquatableArray());

    private static TensorType With(ReshapeConfig config, ElementKind elementType, int inferred, Dimension dimension) =>
        new(elementType, config.TargetShape.Select((d, i) => i == inferred ? dimension : Dimension.Known(d)).ToEquatableArray());
}
