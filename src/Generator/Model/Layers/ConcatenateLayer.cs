using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>A Concatenate layer's configuration: the axis as written (Keras numbering, batch axis 0), or null for the feature axis.</summary>
internal sealed record ConcatenateConfig(int? Axis) : LayerConfig;

/// <summary>
/// Concatenate: joins inputs along one axis; every other axis must match. By default the
/// feature axis of NetGen's layout (features of vectors and sequences, channels of feature maps);
/// an explicit axis counts the batch axis as 0, as Keras and PyTorch's <c>dim</c> do.
/// </summary>
internal sealed class ConcatenateLayer : LayerRule<ConcatenateConfig>
{
    /// <summary>The runtime attribute's <c>FeatureAxis</c> constant: the default, meaning the feature axis.</summary>
    public const int FeatureAxis = int.MinValue;

    private static readonly ArgumentSpec[] s_arguments = { new("Axis", FeatureAxis) };

    public override LayerKind Kind => LayerKind.Concatenate;

    public override string TypeName => "Concatenate";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool IsMerge => true;

    public override bool Accepts(ElementKind elementType) => true;

    /// <summary>The joined axis as an index into the sample's dimensions, or -1 when out of range.</summary>
    public static int SampleAxis(ConcatenateConfig config, int rank)
    {
        if (config.Axis is not { } axis)
        {
            return Layout.FeatureAxis(rank);
        }

        var withBatch = axis < 0 ? axis + rank + 1 : axis;
        return withBatch >= 1 && withBatch <= rank ? withBatch - 1 : -1;
    }

    protected override ConcatenateConfig ReadConfig(LayerContext layer)
    {
        var axis = layer.Reader(s_arguments).Int("Axis");
        return new ConcatenateConfig(axis == FeatureAxis ? null : axis);
    }

    protected override ShapeResult InferShape(LayerContext layer, ConcatenateConfig config, IReadOnlyList<TensorType> inputs)
    {
        if (!MergeInputs.SameElementType(layer, TypeName, inputs))
        {
            return ShapeResult.Failed;
        }

        var rank = inputs[0].Rank;
        var axis = SampleAxis(config, rank);
        if (axis < 0)
        {
            layer.Report(ProblemKind.ConcatenateAxisOutOfRange, layer.Argument("Axis"), layer.Name, Format.Number(config.Axis!.Value), rank == 1 ? "only axis 1" : "axes 1 to " + Format.Number(rank));
            return ShapeResult.Failed;
        }

        // Inputs of different ranks have no common axis to name: the joined axis of the first may not exist in the others.
        if (inputs.Any(shape => shape.Rank != rank))
        {
            layer.Report(ProblemKind.ConcatenateShapeMismatch, layer.Attribute, layer.Name, "inputs of the same rank", Format.NamedShapes(layer.InputNames, inputs));
            return ShapeResult.Failed;
        }

        var compatible = inputs.All(shape => Enumerable.Range(0, rank).All(i => i == axis || shape[i].Equals(inputs[0][i])));
        if (!compatible)
        {
            layer.Report(ProblemKind.ConcatenateShapeMismatch, layer.Attribute, layer.Name, "inputs that match on every axis but axis " + Format.Number(axis + 1), Format.NamedShapes(layer.InputNames, inputs));
            return ShapeResult.Failed;
        }

        var joined = inputs.Select(shape => shape[axis]).ToList();
        if (joined.Any(static d => !d.IsKnown))
        {
            return ShapeResult.Dynamic("Concatenate of " + Format.NamedShapes(layer.InputNames, inputs) + " along a named axis");
        }

        var total = joined.Sum(static d => (long)d.Size);
        if (total > int.MaxValue)
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Attribute, "Output size", layer.Name, "at most 2147483647 along the joined axis", Format.Number(total));
            return ShapeResult.Failed;
        }

        var dimensions = inputs[0].Dimensions.ToArray();
        dimensions[axis] = Dimension.Known((int)total);
        return inputs[0].WithDimensions(dimensions);
    }

    protected override string? ModuleType(ConcatenateConfig config, TensorType? input) => "NetGen.Layers.Concatenate";

    protected override void EmitConstruction(ConstructionWriter writer, ConcatenateConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.Concatenate({Format.Number(SampleAxis(config, input.Rank) + 1)})");

    protected override string EmitCall(ConcatenateConfig config, string module, IReadOnlyList<string> inputs, TensorType input) => MergeInputs.Call(module, inputs);

    protected override string Describe(ConcatenateConfig config, IReadOnlyList<string> inputs) =>
        $"Concatenate({string.Join(", ", inputs)}" + (config.Axis is { } axis ? "; axis " + Format.Number(axis) : string.Empty) + ")";
}
