using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// A MultiHeadAttention layer's configuration; <see cref="ValueDim"/> is the key size when the
/// attribute leaves it at 0. <see cref="ValueFeatures"/> is the value's features, known once
/// the layer is built from its inputs (0 before).
/// </summary>
internal sealed record MultiHeadAttentionConfig(int NumHeads, int KeyDim, int ValueDim, double Dropout, bool UseBias, bool UseCausalMask, int ValueFeatures = 0) : LayerConfig, IAttentionMasks
{
    /// <inheritdoc />
    public bool QueryMasked { get; init; }

    /// <inheritdoc />
    public bool ValueMasked { get; init; }
}

/// <summary>
/// Keras's MultiHeadAttention: the query (Tq, dq) and the value (Tv, dv), also the key, are
/// projected to heads, attend by scaled dot products, and are projected back to (Tq, dq). The
/// projections free dq and dv from each other and from the heads' sizes (unlike TorchSharp's
/// <c>MultiheadAttention</c>), so only the ranks and known feature counts are checked. Keras's
/// count: the query, key, value and output projections, with their biases.
/// </summary>
internal sealed class MultiHeadAttentionLayer : LayerRule<MultiHeadAttentionConfig>
{
    private static readonly ArgumentSpec[] s_arguments =
    {
        new("numHeads", null),
        new("keyDim", null),
        new("ValueDim", 0),
        new("Dropout", 0.0),
        new("UseBias", true),
        new("UseCausalMask", false),
    };

    public override LayerKind Kind => LayerKind.MultiHeadAttention;

    public override string TypeName => "MultiHeadAttention";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool IsMerge => true;

    public override IReadOnlyList<string> InputParameters => AttentionInputs.Parameters;

    public override bool PassesMask(LayerConfig config) => true;

    public override IReadOnlyList<int> MaskedInputs(LayerConfig config) => BothInputs;

    public override LayerConfig WithMasks(LayerConfig config, IReadOnlyList<bool> masked) =>
        ((MultiHeadAttentionConfig)config) with { QueryMasked = masked[0], ValueMasked = masked[1] };

    public override string EmitLinkedCall(LayerConfig config, string module, IReadOnlyList<string> inputs, IReadOnlyList<string> links, string? stateLocal, TensorType input) =>
        AttentionInputs.MaskedCall((MultiHeadAttentionConfig)config, module, inputs, links);

    protected override MultiHeadAttentionConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var keyDim = arguments.Int("keyDim");
        var valueDim = arguments.Int("ValueDim");
        var config = new MultiHeadAttentionConfig(arguments.Int("numHeads"), keyDim, valueDim == 0 ? keyDim : valueDim, arguments.Double("Dropout"), arguments.Bool("UseBias"), arguments.Bool("UseCausalMask"));
        if (config.NumHeads <= 0)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "numHeads", -1, "NumHeads", layer.Name, "a positive number", Format.Number(config.NumHeads));
        }

        if (keyDim <= 0)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "keyDim", -1, "KeyDim", layer.Name, "a positive number", Format.Number(keyDim));
        }

        if (valueDim < 0)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "ValueDim", -1, "ValueDim", layer.Name, "a positive number, or 0 for the key size", Format.Number(valueDim));
        }

        if (!(config.Dropout >= 0 && config.Dropout < 1))
        {
            arguments.Report(ProblemKind.DropoutRateOutOfRange, "Dropout", -1, layer.Name, Format.Number(config.Dropout));
        }

        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, MultiHeadAttentionConfig config, IReadOnlyList<TensorType> inputs) =>
        AttentionInputs.Check(layer, TypeName, inputs, sameFeatures: false) ? inputs[0] : ShapeResult.Failed;

    protected override ShapeResult InferFromDynamic(LayerContext layer, MultiHeadAttentionConfig config, IReadOnlyList<ShapeResult> inputs) =>
        AttentionInputs.ReportDynamic(layer, TypeName, inputs);

    protected override ParameterCount CountParameters(MultiHeadAttentionConfig config, IReadOnlyList<TensorType> inputs)
    {
        long query = inputs[0].Last.Size;
        long value = inputs[1].Last.Size;
        long keys = (long)config.NumHeads * config.KeyDim;
        long values = (long)config.NumHeads * config.ValueDim;
        var bias = config.UseBias ? 1 : 0;
        var count = ((query + bias) * keys) + ((value + bias) * keys) + ((value + bias) * values) + (values * query) + (bias * query);
        return new ParameterCount(count, count);
    }

    /// <summary>Records the value's features: construction sees only the query's type.</summary>
    protected override MultiHeadAttentionConfig Build(MultiHeadAttentionConfig config, IReadOnlyList<TensorType> inputs) =>
        config with { ValueFeatures = inputs[1].Last.Size };

    protected override string? ModuleType(MultiHeadAttentionConfig config, TensorType? input) => "NetGen.Layers.MultiHeadAttention";

    protected override void EmitConstruction(ConstructionWriter writer, MultiHeadAttentionConfig config, TensorType input)
    {
        writer.Create($"new {TypeNames.Layers}.MultiHeadAttention(queryFeatures: {Format.Number(input.Last.Size)}, valueFeatures: {Format.Number(config.ValueFeatures)}, numHeads: {Format.Number(config.NumHeads)}, keyDim: {Format.Number(config.KeyDim)}, valueDim: {Format.Number(config.ValueDim)}, dropout: {Format.DoubleLiteral(config.Dropout)}, useBias: {AttentionLayer.Bool(config.UseBias)}{(config.UseCausalMask ? ", useCausalMask: true" : string.Empty)}, device: {writer.Device}, dtype: {writer.Dtype}, generator: {writer.UseGenerator()})");
    }

    protected override string EmitCall(MultiHeadAttentionConfig config, string module, IReadOnlyList<string> inputs, TensorType input) => AttentionInputs.Call(module, inputs);

    protected override string Describe(MultiHeadAttentionConfig config, IReadOnlyList<string> inputs)
    {
        var text = $"MultiHeadAttention({Format.Number(config.NumHeads)}, {Format.Number(config.KeyDim)}, {inputs[0]}, {inputs[1]}";
        if (config.ValueDim != config.KeyDim)
        {
            text += ", ValueDim = " + Format.Number(config.ValueDim);
        }

        if (config.UseCausalMask)
        {
            text += ", UseCausalMask";
        }

        return config.Dropout > 0 ? text + ", Dropout = " + Format.Number(config.Dropout) + ")" : text + ")";
    }
}
