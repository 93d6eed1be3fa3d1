using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>A CustomLayer's configuration: the user's module type, how to build it and what it declares.</summary>
/// <param name="Layer">The member's name, for run-time errors.</param>
/// <param name="TypeName">The module type, fully qualified with <c>global::</c>; null when it cannot be built (reported).</param>
/// <param name="Name">The module type's name, for summaries.</param>
/// <param name="OutputShape">The declared shape of one output sample, or empty when it is known only at run time.</param>
/// <param name="Factory">The static method of the network class that builds the module, escaped; null for its parameterless constructor.</param>
/// <param name="FactoryTakesInputShape">Whether the factory takes the shape of one input sample.</param>
/// <param name="HasShapeFunction">Whether the type has <c>public static long[] ComputeOutputShape(long[] inputShape)</c>.</param>
internal sealed record CustomLayerConfig(
    string Layer,
    string? TypeName,
    string Name,
    EquatableArray<int> OutputShape,
    string? Factory,
    bool FactoryTakesInputShape,
    bool HasShapeFunction) : LayerConfig
{
    /// <summary>Whether the generated constructor can build the module.</summary>
    public bool IsUsable => TypeName is not null;
}

/// <summary>
/// CustomLayer: a TorchSharp <c>Module&lt;Tensor, Tensor&gt;</c> the user wrote, as one layer (Keras's
/// custom <c>Layer</c> subclass). NetGen cannot see inside it, so it takes any input, its parameters
/// are counted at run time, and its output is what <c>OutputShape</c> declares (checked downstream at
/// compile time and, on each call, at run time) or known only at run time, like a Lambda's. The parser
/// records whether the type is such a module (NG0028), whether it can be built (a public parameterless
/// constructor, or a <c>Factory</c> method of the network class; NG0029) and its shape function
/// (<c>ComputeOutputShape</c>, which the run-time summary calls; NG0030 when it cannot).
/// </summary>
internal sealed class CustomLayerLayer : LayerRule<CustomLayerConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("OutputShape", null), new("Factory", null) };

    public override LayerKind Kind => LayerKind.CustomLayer;

    public override string TypeName => "CustomLayer";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool CountsParametersAtRunTime => true;

    // The module decides what it takes.
    public override bool Accepts(ElementKind elementType) => true;

    public override string AcceptedElementTypes => "what the module takes";

    protected override CustomLayerConfig ReadConfig(LayerContext layer)
    {
        var reader = layer.Reader(s_arguments);
        var shape = reader.Has("OutputShape") ? reader.Ints("OutputShape") : new int[0];
        if (shape is null || (reader.Has("OutputShape") && (shape.Count == 0 || shape.Any(static d => d <= 0))))
        {
            reader.Report(
                ProblemKind.InvalidLayerHyperparameter,
                "OutputShape",
                -1,
                "OutputShape",
                layer.Name,
                "one or more positive sizes (leave it out when the shape is known only at run time)",
                shape is null ? "null" : "(" + string.Join(", ", shape.Select(Format.Number)) + ")");
        }

        var outputShape = (shape ?? new int[0]).ToEquatableArray();
        var factoryName = reader.String("Factory");
        // A type that does not resolve is the compiler's error.
        if (layer.Definition.CustomModule is not { } module)
        {
            return new CustomLayerConfig(layer.Name, null, "?", outputShape, null, false, false);
        }

        var unusable = new CustomLayerConfig(layer.Name, null, module.Name, outputShape, null, false, false);
        if (!module.IsTensorModule)
        {
            layer.Report(ProblemKind.CustomLayerNotAModule, Site.LayerType(layer.Index), layer.Name, Unqualified(module.TypeName));
            return unusable;
        }

        if (module.ShapeFunction == ShapeFunctionForm.Unusable)
        {
            layer.Report(ProblemKind.CustomLayerShapeFunctionUnusable, Site.LayerType(layer.Index), layer.Name, module.Name);
        }

        var hasShapeFunction = module.ShapeFunction == ShapeFunctionForm.Usable;
        if (factoryName is not null && module.Factory is { } factory)
        {
            if (factory.Problem is { } problem)
            {
                layer.Report(ProblemKind.CustomLayerCannotBeBuilt, layer.Argument("Factory"), layer.Name, problem);
                return unusable;
            }

            return new CustomLayerConfig(layer.Name, module.TypeName, module.Name, outputShape, factory.Identifier, factory.TakesInputShape, hasShapeFunction);
        }

        if (!module.HasPublicParameterlessConstructor)
        {
            layer.Report(
                ProblemKind.CustomLayerCannotBeBuilt,
                Site.LayerType(layer.Index),
                layer.Name,
                "'" + module.Name + "' has no public parameterless constructor; add one, or name a static method of the network class that creates the module with Factory = nameof(...)");
            return unusable;
        }

        return new CustomLayerConfig(layer.Name, module.TypeName, module.Name, outputShape, null, false, hasShapeFunction);
    }

    protected override ShapeResult InferShape(LayerContext layer, CustomLayerConfig config, IReadOnlyList<TensorType> inputs)
    {
        if (!config.IsUsable)
        {
            return ShapeResult.Failed;
        }

        if (config.FactoryTakesInputShape && !inputs[0].IsKnown)
        {
            layer.Report(ProblemKind.CustomLayerCannotBeBuilt, layer.Argument("Factory"), layer.Name, "its factory takes the input shape, but the input " + inputs[0].Describe() + " has a size known only at run time; build the module without it");
            return ShapeResult.Failed;
        }

        return Declared(layer, config, inputs[0].ElementType);
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, CustomLayerConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        if (!config.IsUsable)
        {
            return ShapeResult.Failed;
        }

        if (config.FactoryTakesInputShape)
        {
            layer.Report(ProblemKind.CustomLayerCannotBeBuilt, layer.Argument("Factory"), layer.Name, "its factory takes the input shape, but " + inputs[0].Reason + ", so the shape is known only at run time; build the module without it");
            return ShapeResult.Failed;
        }

        return Declared(layer, config, ElementKind.Float32);
    }

    // No module type to require: the member's own type is the module (NG0028 checks it is one).
    protected override string? ModuleType(CustomLayerConfig config, TensorType? input) => null;

    protected override void EmitConstruction(ConstructionWriter writer, CustomLayerConfig config, TensorType input)
    {
        var creation = config.Factory is not { } factory ? "new " + config.TypeName + "()"
            : config.FactoryTakesInputShape ? factory + "(new long[] { " + string.Join(", ", input.Dimensions.Select(static d => Format.Number(d.Size))) + " })"
            : factory + "()";
        // Seeded from this network's generator, then moved to its device and element type.
        writer.Create($"{TypeNames.Layers}.CustomLayers.Create(\"{config.Layer}\", static () => {creation}, global::NetGen.Initializers.Seed({writer.UseGenerator()}), {writer.Device}, {writer.Dtype})");
    }

    protected override string EmitCall(CustomLayerConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        config.OutputShape.Count == 0
            ? module + ".call(" + inputs[0] + ")"
            : TypeNames.Layers + ".CustomLayers.CheckOutput(" + module + ".call(" + inputs[0] + "), \"" + config.Layer + "\", " + string.Join(", ", config.OutputShape.Select(Format.Number)) + ")";

    public override string DisplayType(LayerConfig? config) =>
        config is CustomLayerConfig custom ? custom.Name : TypeName;

    protected override string Describe(CustomLayerConfig config, IReadOnlyList<string> inputs)
    {
        var shape = config.OutputShape.Count == 0 ? string.Empty : ", OutputShape = (" + string.Join(", ", config.OutputShape.Select(Format.Number)) + ")";
        var factory = config.Factory is { } name ? ", Factory = " + name : string.Empty;
        return "CustomLayer(" + config.Name + shape + factory + ")";
    }

    /// <summary>The declared shape, in the input's element type; without one, the output is known only at run time.</summary>
    private static ShapeResult Declared(LayerContext layer, CustomLayerConfig config, ElementKind elementType) =>
        config.OutputShape.Count == 0
            ? ShapeResult.Dynamic("custom layer '" + layer.Name + "' declares no OutputShape")
            : ShapeResult.Known(new TensorType(elementType, config.OutputShape.Select(Dimension.Known).ToEquatableArray()));

    private static string Unqualified(string type) =>
        type.StartsWith("global::", System.StringComparison.Ordinal) ? type.Substring("global::".Length) : type;
}
