using System;
using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// A Dense layer's configuration. <see cref="ReadsSequenceOf"/> is not written by the user:
/// <see cref="SequenceReaders"/> sets it from the layers before this one.
/// </summary>
internal sealed record DenseConfig(int Units, ActivationKind Activation, bool UseBias, double Alpha, InitializerKind KernelInitializer, InitializerKind BiasInitializer, bool TimeDistributed) : LayerConfig
{
    /// <summary>The recurrent layer returning sequences whose steps this layer maps (NG0121, NG0122), or null.</summary>
    public LowerLayer? ReadsSequenceOf { get; init; }

    /// <summary>
    /// Whether <c>ReturnSequences = false</c> on <see cref="ReadsSequenceOf"/> would suit every layer
    /// reading its output (none works across steps or is TimeDistributed); the diagnostic then points
    /// at that layer too, for the code fix that sets it.
    /// </summary>
    public bool LastOutputFits { get; init; }
}

/// <summary>
/// Dense: a linear map of the last axis. Takes (features) or (steps, features), like Keras's
/// Dense on a sequence; a feature map must be flattened first. Keras initialization: Glorot
/// uniform kernel, zero bias. <c>TimeDistributed = true</c> says that per-step outputs are meant
/// (Keras's <c>TimeDistributed(Dense)</c>, the same computation): it requires (steps, features)
/// and keeps NG0121/NG0122 silent.
/// </summary>
internal sealed class DenseLayer : LayerRule<DenseConfig>
{
    private static readonly ArgumentSpec[] s_arguments =
    {
        new("units", null),
        new("activation", ActivationKind.Linear),
        new("UseBias", true),
        new("Alpha", 0.2),
        new("KernelInitializer", InitializerKind.GlorotUniform),
        new("BiasInitializer", InitializerKind.Zeros),
        new("TimeDistributed", false),
    };

    public override LayerKind Kind => LayerKind.Dense;

    public override string TypeName => "Dense";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool PassesMask(LayerConfig config) => true;

    protected override DenseConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var config = new DenseConfig(
            arguments.Int("units"),
            arguments.Enum<ActivationKind>("activation"),
            arguments.Bool("UseBias"),
            arguments.Double("Alpha"),
            arguments.Enum<InitializerKind>("KernelInitializer"),
            arguments.Enum<InitializerKind>("BiasInitializer"),
            arguments.Bool("TimeDistributed"));
        if (config.Units <= 0)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "units", -1, "Units", layer.Name, "a positive number", Format.Number(config.Units));
        }

        Activations.CheckAlpha(arguments, layer, config.Activation, config.Alpha);
        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, DenseConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank is < 1 or > 4)
        {
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(features) or (steps, features); add a Flatten layer before it");
            return ShapeResult.Failed;
        }

        if (!input.Last.IsKnown)
        {
            layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the size of its input's last axis", "it is '" + input.Last + "' in " + input);
            return ShapeResult.Failed;
        }

        if (config.TimeDistributed && input.Rank != 2)
        {
            // Keras's TimeDistributed(Dense) needs the steps it maps one by one.
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(steps, features) with TimeDistributed = true");
            return ShapeResult.Failed;
        }

        var output = input.WithLast(Dimension.Known(config.Units));
        if (input.Rank == 2 && !config.TimeDistributed && config.ReadsSequenceOf is { } recurrent)
        {
            // A sequence classifier or regressor that forgot ReturnSequences = false: one output per step.
            layer.Report(
                layer.IsOutput ? ProblemKind.SequenceOutputFromReturnedSequence : ProblemKind.DenseOnReturnedSequence,
                layer.Attribute,
                config.LastOutputFits ? new[] { Site.LayerAttribute(recurrent.Index) } : Array.Empty<Site>(),
                layer.Name,
                recurrent.Cell.ToString(),
                recurrent.Name,
                output.ToString());
        }
        else if (input.Rank > 2)
        {
            // Like Keras, Dense maps the last axis; of a channels-first feature map that is the width.
            layer.Report(layer.IsOutput ? ProblemKind.FeatureMapOutput : ProblemKind.DenseOnFeatureMap, layer.Attribute, layer.Name, input.ToString(), output.ToString());
        }

        return output;
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, DenseConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the size of its input's last axis", "its input's shape is known only at run time (" + inputs[0].Reason + ")");
        return ShapeResult.Failed;
    }

    protected override ParameterCount CountParameters(DenseConfig config, IReadOnlyList<TensorType> inputs)
    {
        long units = config.Units;
        var count = (inputs[0].Last.Size * units) + (config.UseBias ? units : 0);
        return new ParameterCount(count, count);
    }

    protected override string? ModuleType(DenseConfig config, TensorType? input) => "TorchSharp.Modules.Linear";

    protected override ActivationUse? Activation(DenseConfig config) => new(config.Activation, config.Alpha, IsModule: false);

    protected override void EmitConstruction(ConstructionWriter writer, DenseConfig config, TensorType input)
    {
        writer.Create($"{TypeNames.Torch}.nn.Linear({Format.Number(input.Last.Size)}, {Format.Number(config.Units)}, hasBias: {(config.UseBias ? "true" : "false")}, device: {writer.Device}, dtype: {writer.Dtype})");
        writer.InitializeWeights(config.KernelInitializer, config.UseBias, config.BiasInitializer);
    }

    protected override string Describe(DenseConfig config, IReadOnlyList<string> inputs) =>
        config.Activation == ActivationKind.Linear ? $"Dense({Format.Number(config.Units)})" : $"Dense({Format.Number(config.Units)}, {config.Activation})";
}
