using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// Batch normalization over axis 1 (channels first): BatchNorm1d for (features) and
/// (channels, length), BatchNorm2d for images, BatchNorm3d for volumes. Keras counts the
/// moving mean and variance as non-trainable parameters, and so does NetGen.
/// </summary>
internal sealed class BatchNormalizationLayer : LayerRule
{
    public override string TypeName => "BatchNormalization";

    public override string ModuleType(LayerDefinition layer, TensorShape input) => input.Rank switch
    {
        3 => "TorchSharp.Modules.BatchNorm2d",
        4 => "TorchSharp.Modules.BatchNorm3d",
        _ => "TorchSharp.Modules.BatchNorm1d",
    };

    public override void Validate(LayerContext layer)
    {
        var momentum = layer.Hyperparameters.Momentum;
        if (!(momentum >= 0 && momentum <= 1))
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Argument("Momentum"), "Momentum", layer.Name, "in [0, 1]", Format.Number(momentum));
        }

        var epsilon = layer.Hyperparameters.Epsilon;
        if (!(epsilon > 0))
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Argument("Epsilon"), "Epsilon", layer.Name, "a positive number", Format.Number(epsilon));
        }
    }

    public override TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs)
    {
        var input = inputs[0];
        if (input.Rank is < 1 or > 4)
        {
            layer.Report(
                ProblemKind.UnsupportedInputRank,
                layer.Attribute,
                TypeName,
                layer.Name,
                input.ToString(),
                "(features), (channels, length), (channels, height, width) or (channels, depth, height, width)");
            return null;
        }

        return input;
    }

    public override ParameterCount CountParameters(LayerDefinition layer, IReadOnlyList<TensorShape> inputs)
    {
        long channels = inputs[0][0];
        return new ParameterCount(4 * channels, 2 * channels);
    }
}
