using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// Dense: a linear map of the last axis. Takes (features) or (steps, features), like Keras's
/// Dense on a sequence; a feature map must be flattened first.
/// </summary>
internal sealed class DenseLayer : LayerRule
{
    public override string TypeName => "Dense";

    public override string ModuleType(LayerDefinition layer, TensorShape input) => "TorchSharp.Modules.Linear";

    public override void Validate(LayerContext layer)
    {
        if (layer.Hyperparameters.Units <= 0)
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Argument("units"), "Units", layer.Name, "a positive number", Format.Number(layer.Hyperparameters.Units));
        }

        ActivationLayer.ValidateAlpha(layer);
    }

    public override TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs)
    {
        var input = inputs[0];
        if (input.Rank is < 1 or > 2)
        {
            layer.Report(
                ProblemKind.UnsupportedInputRank,
                layer.Attribute,
                TypeName,
                layer.Name,
                input.ToString(),
                "(features) or (steps, features); add a Flatten layer before it");
            return null;
        }

        return layer.Hyperparameters.Units > 0 ? input.WithLast(layer.Hyperparameters.Units) : null;
    }

    public override ParameterCount CountParameters(LayerDefinition layer, IReadOnlyList<TensorShape> inputs)
    {
        long units = layer.Hyperparameters.Units;
        var count = (inputs[0].Last * units) + (layer.Hyperparameters.UseBias ? units : 0);
        return new ParameterCount(count, count);
    }
}
