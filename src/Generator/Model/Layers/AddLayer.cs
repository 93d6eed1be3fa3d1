using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>Add: element-wise sum of two or more inputs of one shape (no broadcasting, as in Keras).</summary>
internal sealed class AddLayer : LayerRule
{
    public override string TypeName => "Add";

    public override bool IsMerge => true;

    public override string ModuleType(LayerDefinition layer, TensorShape input) => "NetGen.Layers.Add";

    public override void Validate(LayerContext layer) => MergeInputs.ValidateCount(layer);

    public override TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs)
    {
        if (inputs.Count < 2)
        {
            return null;
        }

        if (inputs.Any(shape => !shape.Equals(inputs[0])))
        {
            layer.Report(ProblemKind.AddShapeMismatch, layer.Attribute, layer.Name, Format.NamedShapes(layer.InputNames, inputs));
            return null;
        }

        return inputs[0];
    }
}

/// <summary>Checks shared by the merge layers.</summary>
internal static class MergeInputs
{
    public static void ValidateCount(LayerContext layer)
    {
        if (layer.Definition.IgnoredFrom is { } from)
        {
            layer.Report(
                ProblemKind.InvalidLayerHyperparameter,
                layer.Argument("From"),
                "From",
                layer.Name,
                "left unset on a merge layer, whose inputs are its arguments",
                "\"" + from + "\"");
        }

        if (layer.Definition.Inputs.Count < 2)
        {
            layer.Report(
                ProblemKind.InvalidLayerHyperparameter,
                layer.Attribute,
                "Inputs",
                layer.Name,
                "at least two layer names",
                Format.Number(layer.Definition.Inputs.Count));
        }
    }
}
