using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>A Lambda layer's configuration: the output shape it declares, if any.</summary>
/// <param name="OutputShape">The declared shape of one output sample, or empty when the output is known only at run time.</param>
internal sealed record LambdaConfig(EquatableArray<int> OutputShape) : LayerConfig;

/// <summary>
/// Lambda: a method of the network class that <c>forward</c> calls in graph order (Keras's
/// <c>Lambda</c>, the VAE's sampling). Its inputs are the method's parameters, bound by name by the
/// analysis; it has no module and no weights. Its output is what <c>OutputShape</c> declares, or known
/// only at run time, so the layers after it resume checking at the next layer that declares its shape.
/// </summary>
internal sealed class LambdaLayer : LayerRule<LambdaConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("OutputShape", null) };

    public override LayerKind Kind => LayerKind.Lambda;

    public override string TypeName => "Lambda";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool IsMethod => true;

    // The method decides what it takes: integer ids, masks and features alike.
    public override bool Accepts(ElementKind elementType) => true;

    protected override LambdaConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var shape = arguments.Has("OutputShape") ? arguments.Ints("OutputShape") : new int[0];
        if (shape is null || (arguments.Has("OutputShape") && (shape.Count == 0 || shape.Any(static d => d <= 0))))
        {
            arguments.Report(
                ProblemKind.InvalidLayerHyperparameter,
                "OutputShape",
                -1,
                "OutputShape",
                layer.Name,
                "one or more positive sizes (leave it out when the shape is known only at run time)",
                shape is null ? "null" : "(" + string.Join(", ", shape.Select(Format.Number)) + ")");
        }

        return new LambdaConfig((shape ?? new int[0]).ToEquatableArray());
    }

    protected override ShapeResult InferShape(LayerContext layer, LambdaConfig config, IReadOnlyList<TensorType> inputs)
    {
        ParameterShapes.Check(layer, inputs.Select(ShapeResult.Known).ToList());
        return Declared(layer, config, inputs.Count > 0 ? inputs[0].ElementType : ElementKind.Float32);
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, LambdaConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        ParameterShapes.Check(layer, inputs);
        return Declared(layer, config, inputs.Where(static input => input.IsKnown).Select(static input => input.Type!.ElementType).DefaultIfEmpty(ElementKind.Float32).First());
    }

    protected override string? ModuleType(LambdaConfig config, TensorType? input) => null;

    protected override void EmitConstruction(ConstructionWriter writer, LambdaConfig config, TensorType input)
    {
        // A method has nothing to construct.
    }

    // The layer's "module" is the method: its field name is the method's identifier.
    protected override string EmitCall(LambdaConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        module + "(" + string.Join(", ", inputs) + ")";

    protected override string Describe(LambdaConfig config, IReadOnlyList<string> inputs) =>
        "Lambda(" + string.Join(", ", inputs) + ")";

    /// <summary>The declared shape, in the first input's element type; without one, the output is known only at run time.</summary>
    private static ShapeResult Declared(LayerContext layer, LambdaConfig config, ElementKind elementType) =>
        config.OutputShape.Count == 0
            ? ShapeResult.Dynamic("Lambda '" + layer.Name + "' declares no OutputShape")
            : ShapeResult.Known(new TensorType(elementType, config.OutputShape.Select(Dimension.Known).ToEquatableArray()));
}
