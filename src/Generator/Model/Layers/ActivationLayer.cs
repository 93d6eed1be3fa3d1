using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>An Activation layer's configuration.</summary>
internal sealed record ActivationConfig(ActivationKind Activation, double Alpha) : LayerConfig;

/// <summary>A stand-alone activation: the identity on shapes; the module is the function.</summary>
internal sealed class ActivationLayer : LayerRule<ActivationConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("activation", null), new("Alpha", 0.3) };

    public override LayerKind Kind => LayerKind.Activation;

    public override string TypeName => "Activation";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool PassesMask(LayerConfig config) => true;

    protected override ActivationConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var activation = arguments.Has("activation") ? arguments.Enum<ActivationKind>("activation") : ActivationKind.Linear;
        var config = new ActivationConfig(activation, arguments.Double("Alpha"));
        Activations.CheckAlpha(arguments, layer, config.Activation, config.Alpha);
        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, ActivationConfig config, IReadOnlyList<TensorType> inputs) => inputs[0];

    /// <summary>The module type depends on the function, not on the input.</summary>
    protected override string? ModuleType(ActivationConfig config, TensorType? input) => "TorchSharp.Modules." + Module(config.Activation);

    protected override ActivationUse? Activation(ActivationConfig config) => new(config.Activation, config.Alpha, IsModule: true);

    protected override void EmitConstruction(ConstructionWriter writer, ActivationConfig config, TensorType input) =>
        writer.Create(config.Activation switch
        {
            ActivationKind.Softmax => $"{TypeNames.Torch}.nn.Softmax({Format.Number(Activations.SoftmaxAxis(input.Rank))})",
            ActivationKind.LeakyReLU => $"{TypeNames.Torch}.nn.LeakyReLU({Format.DoubleLiteral(config.Alpha)})",
            _ => $"{TypeNames.Torch}.nn.{Module(config.Activation)}()",
        });

    protected override string Describe(ActivationConfig config, IReadOnlyList<string> inputs) => $"Activation({config.Activation})";

    private static string Module(ActivationKind activation) => activation switch
    {
        ActivationKind.ReLU => "ReLU",
        ActivationKind.Sigmoid => "Sigmoid",
        ActivationKind.Tanh => "Tanh",
        ActivationKind.Softmax => "Softmax",
        ActivationKind.LeakyReLU => "LeakyReLU",
        ActivationKind.Linear => "Identity",
        _ => throw new System.ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };
}
