using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>Dropout: the identity on shapes; the rate must be in [0, 1).</summary>
internal sealed class DropoutLayer : LayerRule
{
    public override string TypeName => "Dropout";

    public override string ModuleType(LayerDefinition layer, TensorShape input) => "TorchSharp.Modules.Dropout";

    public override void Validate(LayerContext layer)
    {
        var rate = layer.Hyperparameters.Rate;
        if (!(rate >= 0 && rate < 1))
        {
            layer.Report(ProblemKind.DropoutRateOutOfRange, layer.Argument("rate"), layer.Name, Format.Number(rate));
        }
    }

    public override TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs) => inputs[0];
}
