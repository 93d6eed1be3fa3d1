using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A stand-alone activation: the identity on shapes.</summary>
internal sealed class ActivationLayer : LayerRule
{
    public override string TypeName => "Activation";

    /// <summary>The module type depends on the function, not on the input.</summary>
    public override string ModuleType(LayerDefinition layer, TensorShape input) => layer.Hyperparameters.Activation switch
    {
        ActivationKind.ReLU => "TorchSharp.Modules.ReLU",
        ActivationKind.Sigmoid => "TorchSharp.Modules.Sigmoid",
        ActivationKind.Tanh => "TorchSharp.Modules.Tanh",
        ActivationKind.Softmax => "TorchSharp.Modules.Softmax",
        ActivationKind.LeakyReLU => "TorchSharp.Modules.LeakyReLU",
        _ => "TorchSharp.Modules.Identity",
    };

    public override void Validate(LayerContext layer) => ValidateAlpha(layer);

    public override TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs) => inputs[0];

    internal static void ValidateAlpha(LayerContext layer)
    {
        var alpha = layer.Hyperparameters.Alpha;
        if (layer.Hyperparameters.Activation == ActivationKind.LeakyReLU && (!(alpha >= 0) || double.IsInfinity(alpha)))
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Argument("Alpha"), "Alpha", layer.Name, "a non-negative number", Format.Number(alpha));
        }
    }
}
