using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// SpatialDropout2D: drops whole channels of a (channels, height, width) map (TorchSharp's
/// <c>Dropout2d</c>); the identity on shapes and at inference. The rate follows Dropout's rule, [0, 1).
/// </summary>
internal sealed class SpatialDropout2DLayer : LayerRule<DropoutConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("rate", null) };

    public override LayerKind Kind => LayerKind.SpatialDropout2D;

    public override string TypeName => "SpatialDropout2D";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool IsIdentityAtInference => true;

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

    protected override ShapeResult InferShape(LayerContext layer, DropoutConfig config, IReadOnlyList<TensorType> inputs) =>
        Windows.CheckImage(layer, TypeName, inputs[0]) ? inputs[0] : ShapeResult.Failed;

    protected override string? ModuleType(DropoutConfig config, TensorType? input) => "TorchSharp.Modules.Dropout2d";

    protected override void EmitConstruction(ConstructionWriter writer, DropoutConfig config, TensorType input) =>
        writer.Create($"{TypeNames.Torch}.nn.Dropout2d({Format.DoubleLiteral(config.Rate)})");

    protected override string Describe(DropoutConfig config, IReadOnlyList<string> inputs) => $"SpatialDropout2D({Format.Number(config.Rate)})";
}
