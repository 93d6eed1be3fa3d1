using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A Dropout layer's configuration.</summary>
internal sealed record DropoutConfig(double Rate) : LayerConfig;

/// <summary>Dropout: the identity on shapes and at inference; the rate must be in [0, 1).</summary>
internal sealed class DropoutLayer : LayerRule<DropoutConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("rate", null) };

    public override LayerKind Kind => LayerKind.Dropout;

    public override string TypeName => "Dropout";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool IsIdentityAtInference => true;

    public override bool PassesMask(LayerConfig config) => true;

    protected override DropoutConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var rate = arguments.Double("rate");
        if (!(rate >= 0 && rate < 1))
        {
            arguments.Report(ProblemKind.DropoutRateOutOfRange, "rate", -1, layer.Name, Format.Number(rate));
        }

        return new DropoutConfig(rate);
    }

    protected override ShapeResult InferShape(LayerContext layer, DropoutConfig config, IReadOnlyList<TensorType> inputs) => inputs[0];

    protected override string? ModuleType(DropoutConfig config, TensorType? input) => "TorchSharp.Modules.Dropout";

    protected override void EmitConstruction(ConstructionWriter writer, DropoutConfig config, TensorType input) =>
        writer.Create($"{TypeNames.Torch}.nn.Dropout({Format.DoubleLiteral(config.Rate)})");

    protected override string Describe(DropoutConfig config, IReadOnlyList<string> inputs) => $"Dropout({Format.Number(config.Rate)})";
}
