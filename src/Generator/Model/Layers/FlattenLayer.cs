using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>Flatten: every axis but the batch axis becomes one.</summary>
internal sealed class FlattenLayer : LayerRule
{
    public override string TypeName => "Flatten";

    public override string ModuleType(LayerDefinition layer, TensorShape input) => "TorchSharp.Modules.Flatten";

    public override TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs)
    {
        // Multiply in double so absurd shapes typed by mistake are reported, not overflowed.
        double count = 1;
        foreach (var dimension in inputs[0].Dimensions)
        {
            count *= dimension;
        }

        if (count > int.MaxValue)
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Attribute, "Output size", layer.Name, "at most 2147483647 values", Format.Number(count));
            return null;
        }

        return new TensorShape((int)count);
    }
}
