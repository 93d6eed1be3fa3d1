using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>Flatten: every axis but the batch axis becomes one.</summary>
internal sealed class FlattenLayer : LayerRule
{
    public override string TypeName => "Flatten";

    public override string ModuleType(LayerDefinition layer, TensorShape input) => "TorchSharp.Modules.Flatten";

    public override TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs) =>
        new TensorShape(checked((int)inputs[0].ElementCount));
}
