using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>A Backbone layer's configuration: which TorchVision model.</summary>
internal sealed record BackboneConfig(BackboneArchitectureKind Architecture) : LayerConfig;

/// <summary>
/// A TorchVision model without its classifier head, ending in global average pooling
/// (<c>NetGen.Layers.Backbone</c>): a (3, height, width) image becomes a vector of the
/// architecture's length whatever the image's size, so the layers after it are checked even
/// when height and width are named. The input must be an RGB image (TorchVision's stems take
/// three channels) large enough for every downsampling window (VGG's five poolings need 32 pixels).
/// Counts and windows come from <see cref="TorchVisionModel"/>.
/// </summary>
internal sealed class BackboneLayer : LayerRule<BackboneConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("architecture", null) };

    public override LayerKind Kind => LayerKind.Backbone;

    public override string TypeName => "Backbone";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override BackboneConfig ReadConfig(LayerContext layer) =>
        new(layer.Reader(s_arguments).Enum<BackboneArchitectureKind>("architecture"));

    protected override ShapeResult InferShape(LayerContext layer, BackboneConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        var architecture = TorchVisionModel.For(config.Architecture);
        if (input.Rank != 3)
        {
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), Accepted(config) + (input.Rank == 1 ? "; a flat vector must be reshaped first, e.g. Reshape(3, 32, 32)" : string.Empty));
            return ShapeResult.Failed;
        }

        if (!input[0].IsKnown)
        {
            layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of channels of its input", "it is '" + input[0] + "' in " + input);
            return ShapeResult.Failed;
        }

        if (input[0].Size != 3)
        {
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), Accepted(config));
            return ShapeResult.Failed;
        }

        foreach (var side in new[] { input[1], input[2] }.Where(static side => side.IsKnown))
        {
            var trace = architecture.Trace(side.Size);
            if (trace[trace.Count - 1] < 1)
            {
                var sizes = string.Join(" -> ", trace.Select(static size => Format.Number(size)));
                layer.Report(
                    ProblemKind.UnsupportedInputRank,
                    layer.Attribute,
                    TypeName,
                    layer.Name,
                    input.ToString(),
                    $"images of at least {Format.Number(architecture.MinimumSize)} x {Format.Number(architecture.MinimumSize)}: {config.Architecture}'s downsampling takes a side of {Format.Number(side.Size)} pixels to nothing ({sizes})");
                return ShapeResult.Failed;
            }
        }

        return input.WithDimensions(Dimension.Known(architecture.Features));
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, BackboneConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of channels of its input", "its input's shape is known only at run time (" + inputs[0].Reason + ")");
        return ShapeResult.Failed;
    }

    protected override ParameterCount CountParameters(BackboneConfig config, IReadOnlyList<TensorType> inputs)
    {
        var architecture = TorchVisionModel.For(config.Architecture);
        return new ParameterCount(architecture.Trainable + architecture.Statistics, architecture.Trainable);
    }

    protected override string? ModuleType(BackboneConfig config, TensorType? input) => "NetGen.Layers.Backbone";

    protected override void EmitConstruction(ConstructionWriter writer, BackboneConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.Backbone(global::NetGen.BackboneArchitecture.{config.Architecture}, {writer.Device}, {writer.Dtype}, {writer.UseGenerator()})");

    protected override string Describe(BackboneConfig config, IReadOnlyList<string> inputs) => "Backbone(" + config.Architecture + ")";

    private static string Accepted(BackboneConfig config) =>
        "(3, height, width): " + config.Architecture + " (TorchVision's " + TorchVisionModel.For(config.Architecture).TorchVisionName + ") reads RGB images";
}
