using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>A loss term's configuration: the name it is reported under.</summary>
/// <param name="Name">The name in progress and <c>History</c> (<c>kl_loss</c>).</param>
internal sealed record LossTermConfig(string Name) : LayerConfig;

/// <summary>
/// LossTerm: a method of the network whose scalar result is added to the training loss (Keras's
/// <c>add_loss</c>). Its inputs are bound like a Lambda's; it is not a layer of the summary and no
/// layer reads it: <c>forward</c> hands its value to the runtime when a training or evaluation step
/// collects loss terms.
/// </summary>
internal sealed class LossTermLayer : LayerRule<LossTermConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("name", null) };

    public override LayerKind Kind => LayerKind.LossTerm;

    public override string TypeName => "LossTerm";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool IsMethod => true;

    public override bool IsLossTerm => true;

    public override bool Accepts(ElementKind elementType) => true;

    protected override LossTermConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var name = arguments.String("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "name", -1, "Name", layer.Name, "a name to report the term under, such as \"kl_loss\"", name is null ? "null" : "\"" + name + "\"");
        }

        return new LossTermConfig(name ?? string.Empty);
    }

    // A scalar.
    protected override ShapeResult InferShape(LayerContext layer, LossTermConfig config, IReadOnlyList<TensorType> inputs)
    {
        ParameterShapes.Check(layer, inputs.Select(ShapeResult.Known).ToList());
        return ShapeResult.Known(new TensorType(ElementKind.Float32, EquatableArray<Dimension>.Empty));
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, LossTermConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        ParameterShapes.Check(layer, inputs);
        return ShapeResult.Known(new TensorType(ElementKind.Float32, EquatableArray<Dimension>.Empty));
    }

    protected override string? ModuleType(LossTermConfig config, TensorType? input) => null;

    protected override void EmitConstruction(ConstructionWriter writer, LossTermConfig config, TensorType input)
    {
        // A method has nothing to construct.
    }

    // The "module" of a method layer is the method itself.
    protected override string EmitCall(LossTermConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        module + "(" + string.Join(", ", inputs) + ")";

    protected override string Describe(LossTermConfig config, IReadOnlyList<string> inputs) =>
        "LossTerm(\"" + config.Name + "\", " + string.Join(", ", inputs) + ")";
}
