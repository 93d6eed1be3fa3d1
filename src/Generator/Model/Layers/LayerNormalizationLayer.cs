using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A LayerNormalization layer's configuration.</summary>
internal sealed record LayerNormalizationConfig(double Epsilon) : LayerConfig;

/// <summary>
/// Layer normalization of the last axis, as Keras's: the features of (features), of each step of
/// (steps, features), the steps staying named. A learned gamma (ones) and beta (zeros) per
/// feature: Keras counts 2 × features, all trainable. Images are refused: their last axis is the
/// width, not the channels Keras's channels-last layout would normalize.
/// </summary>
internal sealed class LayerNormalizationLayer : LayerRule<LayerNormalizationConfig>
{
    private const double DefaultEpsilon = 0.001;

    private static readonly ArgumentSpec[] s_arguments = { new("Epsilon", DefaultEpsilon) };

    public override LayerKind Kind => LayerKind.LayerNormalization;

    public override string TypeName => "LayerNormalization";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool PassesMask(LayerConfig config) => true;

    protected override LayerNormalizationConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var config = new LayerNormalizationConfig(arguments.Double("Epsilon"));
        if (!(config.Epsilon > 0 && config.Epsilon <= float.MaxValue))
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "Epsilon", -1, "Epsilon", layer.Name, "a positive float32", Format.Number(config.Epsilon));
        }

        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, LayerNormalizationConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank is < 1 or > 2)
        {
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(features) or (steps, features); for channels use BatchNormalization");
            return ShapeResult.Failed;
        }

        if (!input.Last.IsKnown)
        {
            layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of features it normalizes", "it is '" + input.Last + "' in " + input);
            return ShapeResult.Failed;
        }

        return input;
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, LayerNormalizationConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of features it normalizes", "its input's shape is known only at run time (" + inputs[0].Reason + ")");
        return ShapeResult.Failed;
    }

    protected override ParameterCount CountParameters(LayerNormalizationConfig config, IReadOnlyList<TensorType> inputs)
    {
        var count = 2L * inputs[0].Last.Size;
        return new ParameterCount(count, count);
    }

    protected override string? ModuleType(LayerNormalizationConfig config, TensorType? input) => "TorchSharp.Modules.LayerNorm";

    /// <summary>TorchSharp's LayerNorm starts gamma at ones and beta at zeros, Keras's initializers.</summary>
    protected override void EmitConstruction(ConstructionWriter writer, LayerNormalizationConfig config, TensorType input) =>
        writer.Create($"{TypeNames.Torch}.nn.LayerNorm({Format.Number(input.Last.Size)}, eps: {Format.DoubleLiteral(config.Epsilon)}, device: {writer.Device}, dtype: {writer.Dtype})");

    protected override string Describe(LayerNormalizationConfig config, IReadOnlyList<string> inputs) =>
        config.Epsilon == DefaultEpsilon ? "LayerNormalization()" : $"LayerNormalization(Epsilon = {Format.Number(config.Epsilon)})";
}
