using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>Add: element-wise sum of two or more inputs of one shape (no broadcasting, as in Keras).</summary>
internal sealed class AddLayer : LayerRule<NoConfig>
{
    public override LayerKind Kind => LayerKind.Add;

    public override string TypeName => "Add";

    public override IReadOnlyList<ArgumentSpec> Arguments => new ArgumentSpec[0];

    public override bool IsMerge => true;

    public override bool Accepts(ElementKind elementType) => elementType != ElementKind.Bool;

    protected override NoConfig ReadConfig(LayerContext layer) => NoConfig.Instance;

    protected override ShapeResult InferShape(LayerContext layer, NoConfig config, IReadOnlyList<TensorType> inputs)
    {
        if (!MergeInputs.SameElementType(layer, TypeName, inputs))
        {
            return ShapeResult.Failed;
        }

        if (inputs.Any(input => !input.Dimensions.Equals(inputs[0].Dimensions)))
        {
            layer.Report(ProblemKind.AddShapeMismatch, layer.Attribute, layer.Name, Format.NamedShapes(layer.InputNames, inputs));
            return ShapeResult.Failed;
        }

        return inputs[0];
    }

    protected override string? ModuleType(NoConfig config, TensorType? input) => "NetGen.Layers.Add";

    protected override void EmitConstruction(ConstructionWriter writer, NoConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.Add()");

    protected override string EmitCall(NoConfig config, string module, IReadOnlyList<string> inputs, TensorType input) => MergeInputs.Call(module, inputs);

    protected override string Describe(NoConfig config, IReadOnlyList<string> inputs) => $"Add({string.Join(", ", inputs)})";
}
