using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Analysis;

namespace NetGen.Model.Layers;

/// <summary>A Backbone layer's configuration: which TorchVision model.</summary>
internal sealed record BackboneConfig(BackboneArchitectureKind Architecture) : LayerConfig;

/// <summary>
/// A TorchVision model without its classifier head, ending in global average pooling
/// (<c>NetGen.Layers.Backbone</c>): a (3, height, width) image becomes a vector of the
/// architecture's length whatever the image's size, so the layers after it are checked even
/// when height and width are named. The input must be an RGB image (TorchVision's stems take
/// three channels, NG0101; no channel axis is NG0109) large enough for every downsampling window
/// (VGG's five poolings need 32 pixels; NG0108 with the sizes down the network and inside the backbone).
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
        var model = TorchVisionModel.For(config.Architecture);
        if (!Windows.CheckImageWithChannels(layer, TypeName, input))
        {
            return ShapeResult.Failed;
        }

        if (input[0].Size != 3)
        {
            // (224, 224, 3) is reported at the input too (NG0110, with a fix); the hint says what to do here.
            var hint = InputAnalysis.LooksChannelsLast(input.Dimensions)
                ? "; " + input + " looks channels-last: declare the input as (" + input[2] + ", " + input[0] + ", " + input[1] + ")"
                : string.Empty;
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(3, height, width): " + config.Architecture + " (TorchVision's " + model.TorchVisionName + ") reads RGB images" + hint);
            return ShapeResult.Failed;
        }

        if (input[1].IsKnown && input[2].IsKnown)
        {
            var sizes = model.Trace(input[1].Size, input[2].Size, out var failing);
            if (failing >= 0)
            {
                var window = model.Downsampling[failing];
                var map = sizes.Count == 0 ? (Height: (long)input[1].Size, Width: (long)input[2].Size) : sizes[sizes.Count - 1];
                var minimum = Format.Number(model.MinimumSize);
                layer.Report(
                    ProblemKind.WindowLargerThanInput,
                    layer.Attribute,
                    TypeName,
                    layer.Name,
                    Format.Number(window.Kernel) + "x" + Format.Number(window.Kernel),
                    "a " + Format.Number(map.Height) + "x" + Format.Number(map.Width) + " map inside " + config.Architecture + " (its downsampling needs images of at least " + minimum + "x" + minimum + ")",
                    Trace(layer, sizes));
                return ShapeResult.Failed;
            }
        }

        return input.WithDimensions(Dimension.Known(model.Features));
    }

    /// <summary>The network's trace down to the backbone, with the sizes inside it before "? (Features)".</summary>
    private static string Trace(LayerContext layer, IReadOnlyList<(long Height, long Width)> sizes)
    {
        var trace = layer.SpatialTrace();
        var tail = "? (" + layer.Name + ")";
        if (sizes.Count == 0 || !trace.EndsWith(tail, System.StringComparison.Ordinal))
        {
            return trace;
        }

        return trace.Substring(0, trace.Length - tail.Length) + string.Join(" -> ", sizes.Select(static s => Size(s.Height, s.Width))) + " -> " + tail;
    }

    private static string Size(long height, long width) => height == width ? Format.Number(height) : Format.Number(height) + "x" + Format.Number(width);

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
}
