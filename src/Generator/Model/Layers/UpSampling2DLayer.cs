using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>An UpSampling2D layer's configuration.</summary>
internal sealed record UpSampling2DConfig(Extent2D Size, InterpolationKind Interpolation) : LayerConfig;

/// <summary>
/// UpSampling2D: height and width of a (channels, height, width) map multiplied by the size
/// (square or (height, width)), filled by repetition or bilinear interpolation without aligned
/// corners (Keras's half-pixel resize), through TorchSharp's <c>Upsample</c>.
/// </summary>
internal sealed class UpSampling2DLayer : LayerRule<UpSampling2DConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("size", 2), new("Interpolation", InterpolationKind.Nearest) };

    public override LayerKind Kind => LayerKind.UpSampling2D;

    public override string TypeName => "UpSampling2D";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override UpSampling2DConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        return new UpSampling2DConfig(Extents.Read(arguments, layer, "size", "Size"), arguments.Enum<InterpolationKind>("Interpolation"));
    }

    protected override ShapeResult InferShape(LayerContext layer, UpSampling2DConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (!Windows.CheckImage(layer, TypeName, input))
        {
            return ShapeResult.Failed;
        }

        if (!input[1].IsKnown || !input[2].IsKnown)
        {
            return ShapeResult.Dynamic(TypeName + " of " + input + " depends on the sizes known only at run time");
        }

        return input.WithDimensions(input[0], Dimension.Known(input[1].Size * config.Size.Height), Dimension.Known(input[2].Size * config.Size.Width));
    }

    protected override string? ModuleType(UpSampling2DConfig config, TensorType? input) => "TorchSharp.Modules.Upsample";

    protected override void EmitConstruction(ConstructionWriter writer, UpSampling2DConfig config, TensorType input) =>
        writer.Create($"{TypeNames.Torch}.nn.Upsample(scale_factor: new double[] {{ {Format.DoubleLiteral(config.Size.Height)}, {Format.DoubleLiteral(config.Size.Width)} }}, mode: {TypeNames.Torch}.UpsampleMode.{config.Interpolation})");

    protected override string Describe(UpSampling2DConfig config, IReadOnlyList<string> inputs) =>
        config.Interpolation == InterpolationKind.Nearest ? $"UpSampling2D({config.Size})" : $"UpSampling2D({config.Size}, {config.Interpolation})";
}
