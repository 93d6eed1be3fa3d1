using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>
/// Concatenate: joins inputs along one axis. The axis counts the batch axis as 0 (Keras's
/// convention, and PyTorch's <c>dim</c>); every other axis must match.
/// </summary>
internal sealed class ConcatenateLayer : LayerRule
{
    public override string TypeName => "Concatenate";

    public override bool IsMerge => true;

    public override string ModuleType(LayerDefinition layer, TensorShape input) => "NetGen.Layers.Concatenate";

    public override void Validate(LayerContext layer) => MergeInputs.ValidateCount(layer);

    /// <summary>The axis as an index into the per-sample dimensions, or -1 when out of range.</summary>
    public static int SampleAxis(int axis, int rank)
    {
        var withBatch = axis < 0 ? axis + rank + 1 : axis;
        return withBatch >= 1 && withBatch <= rank ? withBatch - 1 : -1;
    }

    public override TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs)
    {
        if (inputs.Count < 2)
        {
            return null;
        }

        var rank = inputs[0].Rank;
        var axis = SampleAxis(layer.Hyperparameters.Axis, rank);
        if (axis < 0)
        {
            layer.Report(
                ProblemKind.ConcatenateAxisOutOfRange,
                layer.Argument("Axis"),
                layer.Name,
                Format.Number(layer.Hyperparameters.Axis),
                Format.Number(rank));
            return null;
        }

        var compatible = inputs.All(shape => shape.Rank == rank
            && Enumerable.Range(0, rank).All(i => i == axis || shape[i] == inputs[0][i]));
        if (!compatible)
        {
            layer.Report(
                ProblemKind.ConcatenateShapeMismatch,
                layer.Attribute,
                layer.Name,
                Format.Number(axis + 1),
                Format.NamedShapes(layer.InputNames, inputs));
            return null;
        }

        var joined = inputs.Sum(shape => (long)shape[axis]);
        if (joined > int.MaxValue)
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Attribute, "Output size", layer.Name, "at most 2147483647 along the joined axis", Format.Number(joined));
            return null;
        }

        var dimensions = inputs[0].Dimensions.ToArray();
        dimensions[axis] = (int)joined;
        return new TensorShape(dimensions);
    }
}
