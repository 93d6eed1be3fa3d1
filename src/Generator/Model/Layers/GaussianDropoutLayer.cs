using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A GaussianDropout layer's configuration: the dropout rate its noise stands for.</summary>
internal sealed record GaussianDropoutConfig(double Rate) : LayerConfig;

/// <summary>
/// GaussianDropout: multiplies by N(1, rate / (1 - rate)) noise in training
/// (<c>NetGen.Layers.GaussianDropout</c>); the identity on shapes and at inference, no parameters.
/// The rate follows Dropout's rule, [0, 1): at 1 the noise's variance is infinite.
/// </summary>
internal sealed class GaussianDropoutLayer : LayerRule<GaussianDropoutConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("rate", null) };

    public override LayerKind Kind => LayerKind.GaussianDropout;

    public override string TypeName => "GaussianDropout";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool IsIdentityAtInference => true;

    public override bool PassesMask(LayerConfig config) => true;

    protected override GaussianDropoutConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var rate = arguments.Double("rate");
        if (!(rate >= 0 && rate < 1))
        {
            arguments.Report(ProblemKind.DropoutRateOutOfRange, "rate", -1, layer.Name, Format.Number(rate));
        }

        return new GaussianDropoutConfig(rate);
    }

    protected override ShapeResult InferShape(LayerContext layer, GaussianDropoutConfig config, IReadOnlyList<TensorType> inputs) => inputs[0];

    protected override string? ModuleType(GaussianDropoutConfig config, TensorType? input) => "NetGen.Layers.GaussianDropout";

    protected override void EmitConstruction(ConstructionWriter writer, GaussianDropoutConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.GaussianDropout({Format.DoubleLiteral(config.Rate)})");

    protected override string Describe(GaussianDropoutConfig config, IReadOnlyList<string> inputs) => $"GaussianDropout({Format.Number(config.Rate)})";
}
