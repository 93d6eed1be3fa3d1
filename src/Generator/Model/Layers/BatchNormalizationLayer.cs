using System;
using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A BatchNormalization layer's configuration (Keras momentum).</summary>
internal sealed record BatchNormalizationConfig(double Momentum, double Epsilon) : LayerConfig;

/// <summary>
/// Batch normalization of the feature axis of NetGen's layout (see <see cref="Layout"/>): the
/// features of (features) and (steps, features), the channels of images and volumes. Keras
/// counts the moving mean and variance as non-trainable parameters, and so does NetGen.
/// </summary>
internal sealed class BatchNormalizationLayer : LayerRule<BatchNormalizationConfig>
{
    private const double DefaultMomentum = 0.99;

    private const double DefaultEpsilon = 0.001;

    private static readonly ArgumentSpec[] s_arguments = { new("Momentum", DefaultMomentum), new("Epsilon", DefaultEpsilon) };

    public override LayerKind Kind => LayerKind.BatchNormalization;

    public override string TypeName => "BatchNormalization";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool PassesMask(LayerConfig config) => true;

    protected override BatchNormalizationConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var config = new BatchNormalizationConfig(arguments.Double("Momentum"), arguments.Double("Epsilon"));
        if (!(config.Momentum >= 0 && config.Momentum <= 1))
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "Momentum", -1, "Momentum", layer.Name, "in [0, 1]", Format.Number(config.Momentum));
        }

        if (!(config.Epsilon > 0 && config.Epsilon <= float.MaxValue))
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "Epsilon", -1, "Epsilon", layer.Name, "a positive float32", Format.Number(config.Epsilon));
        }

        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, BatchNormalizationConfig config, IReadOnlyList<TensorType> inputs)
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
                "(features), (steps, features), (channels, height, width) or (channels, depth, height, width)");
            return ShapeResult.Failed;
        }

        var features = input[Layout.FeatureAxis(input.Rank)];
        if (!features.IsKnown)
        {
            layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of " + Layout.FeatureAxisName(input.Rank) + " it normalizes", "it is '" + features + "' in " + input);
            return ShapeResult.Failed;
        }

        return input;
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, BatchNormalizationConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of features it normalizes", "its input's shape is known only at run time (" + inputs[0].Reason + ")");
        return ShapeResult.Failed;
    }

    protected override ParameterCount CountParameters(BatchNormalizationConfig config, IReadOnlyList<TensorType> inputs)
    {
        long features = Features(inputs[0]);
        return new ParameterCount(4 * features, 2 * features);
    }

    protected override string? ModuleType(BatchNormalizationConfig config, TensorType? input) => input?.Rank switch
    {
        null => null,
        3 => "TorchSharp.Modules.BatchNorm2d",
        4 => "TorchSharp.Modules.BatchNorm3d",
        _ => "TorchSharp.Modules.BatchNorm1d",
    };

    protected override void EmitConstruction(ConstructionWriter writer, BatchNormalizationConfig config, TensorType input)
    {
        // Keras's momentum weighs the running average; PyTorch's weighs the new batch.
        var torchMomentum = Math.Round(1 - config.Momentum, 12);
        var module = ModuleType(config, input)!.Substring("TorchSharp.Modules.".Length);
        writer.Create($"{TypeNames.Torch}.nn.{module}({Format.Number(Features(input))}, eps: {Format.DoubleLiteral(config.Epsilon)}, momentum: {Format.DoubleLiteral(torchMomentum)}, device: {writer.Device}, dtype: {writer.Dtype})");
    }

    /// <summary>BatchNorm1d normalizes axis 1 of (batch, channels, length): a sequence's features are its last axis, so the call moves them there and back.</summary>
    protected override string EmitCall(BatchNormalizationConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        input.Rank == 2 ? $"{TypeNames.Layers}.ChannelsFirst.Apply({module}, {inputs[0]})" : base.EmitCall(config, module, inputs, input);

    /// <summary>Names the settings that differ from Keras's defaults, as they were written (Keras's momentum, not PyTorch's).</summary>
    protected override string Describe(BatchNormalizationConfig config, IReadOnlyList<string> inputs)
    {
        var settings = new List<string>();
        if (config.Momentum != DefaultMomentum)
        {
            settings.Add("Momentum = " + Format.Number(config.Momentum));
        }

        if (config.Epsilon != DefaultEpsilon)
        {
            settings.Add("Epsilon = " + Format.Number(config.Epsilon));
        }

        return "BatchNormalization(" + string.Join(", ", settings) + ")";
    }

    private static int Features(TensorType input) => input[Layout.FeatureAxis(input.Rank)].Size;
}
