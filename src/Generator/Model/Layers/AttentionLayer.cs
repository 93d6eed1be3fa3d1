using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// An Attention or AdditiveAttention layer's configuration (AdditiveAttention has no score mode:
/// always <see cref="ScoreModeKind.Dot"/>, and no causal mask). <see cref="QueryMasked"/> and
/// <see cref="ValueMasked"/> are set by <see cref="MaskLinks"/>.
/// </summary>
internal sealed record AttentionConfig(bool UseScale, ScoreModeKind ScoreMode, double Dropout, bool UseCausalMask = false) : LayerConfig, IAttentionMasks
{
    /// <inheritdoc />
    public bool QueryMasked { get; init; }

    /// <inheritdoc />
    public bool ValueMasked { get; init; }
}

/// <summary>
/// Keras's Attention and AdditiveAttention: a query (Tq, dim) attends over a value (Tv, dim) that
/// is also the key, giving (Tq, dim). Both compare query and value features directly, so the two
/// must have as many (NG0124); Tq and Tv may differ and stay named. The runtime modules are
/// NetGen's (<c>NetGen.Layers.Attention</c>, <c>NetGen.Layers.AdditiveAttention</c>).
/// </summary>
internal abstract class ScoredAttentionLayer : LayerRule<AttentionConfig>
{
    public override bool IsMerge => true;

    public override IReadOnlyList<string> InputParameters => AttentionInputs.Parameters;

    public override bool PassesMask(LayerConfig config) => true;

    public override IReadOnlyList<int> MaskedInputs(LayerConfig config) => BothInputs;

    public override LayerConfig WithMasks(LayerConfig config, IReadOnlyList<bool> masked) =>
        ((AttentionConfig)config) with { QueryMasked = masked[0], ValueMasked = masked[1] };

    public override string EmitLinkedCall(LayerConfig config, string module, IReadOnlyList<string> inputs, IReadOnlyList<string> links, string? stateLocal, TensorType input) =>
        AttentionInputs.MaskedCall((AttentionConfig)config, module, inputs, links);

    protected AttentionConfig Read(LayerContext layer, ArgumentReader arguments, ScoreModeKind scoreMode, bool useCausalMask)
    {
        var config = new AttentionConfig(arguments.Bool("UseScale"), scoreMode, arguments.Double("Dropout"), useCausalMask);
        if (!(config.Dropout >= 0 && config.Dropout < 1))
        {
            arguments.Report(ProblemKind.DropoutRateOutOfRange, "Dropout", -1, layer.Name, Format.Number(config.Dropout));
        }

        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, AttentionConfig config, IReadOnlyList<TensorType> inputs) =>
        AttentionInputs.Check(layer, TypeName, inputs, sameFeatures: true) ? inputs[0] : ShapeResult.Failed;

    protected override ShapeResult InferFromDynamic(LayerContext layer, AttentionConfig config, IReadOnlyList<ShapeResult> inputs) =>
        AttentionInputs.ReportDynamic(layer, TypeName, inputs);

    protected override string? ModuleType(AttentionConfig config, TensorType? input) => "NetGen.Layers." + TypeName;

    protected override string EmitCall(AttentionConfig config, string module, IReadOnlyList<string> inputs, TensorType input) => AttentionInputs.Call(module, inputs);

    protected override string Describe(AttentionConfig config, IReadOnlyList<string> inputs)
    {
        var text = $"{TypeName}({inputs[0]}, {inputs[1]}";
        if (config.ScoreMode != ScoreModeKind.Dot)
        {
            text += ", " + config.ScoreMode;
        }

        if (config.UseCausalMask)
        {
            text += ", UseCausalMask";
        }

        return config.Dropout > 0 ? text + ", Dropout = " + Format.Number(config.Dropout) + ")" : text + ")";
    }
}

/// <summary>Attention: Luong's dot-product scores (or Keras's <c>concat</c> scores), optionally times a learned scalar.</summary>
internal sealed class AttentionLayer : ScoredAttentionLayer
{
    private static readonly ArgumentSpec[] s_arguments = { new("UseScale", false), new("ScoreMode", ScoreModeKind.Dot), new("Dropout", 0.0), new("UseCausalMask", false) };

    public override LayerKind Kind => LayerKind.Attention;

    public override string TypeName => "Attention";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override AttentionConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        return Read(layer, arguments, arguments.Enum<ScoreModeKind>("ScoreMode"), arguments.Bool("UseCausalMask"));
    }

    /// <summary>Keras's scalars: <c>scale</c> with UseScale, <c>concat_score_weight</c> in concat mode.</summary>
    protected override ParameterCount CountParameters(AttentionConfig config, IReadOnlyList<TensorType> inputs)
    {
        var count = (config.UseScale ? 1 : 0) + (config.ScoreMode == ScoreModeKind.Concat ? 1 : 0);
        return new ParameterCount(count, count);
    }

    protected override void EmitConstruction(ConstructionWriter writer, AttentionConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.Attention(useScale: {Bool(config.UseScale)}, scoreMode: global::NetGen.ScoreMode.{config.ScoreMode}, dropout: {Format.DoubleLiteral(config.Dropout)}{(config.UseCausalMask ? ", useCausalMask: true" : string.Empty)}, device: {writer.Device}, dtype: {writer.Dtype})");

    internal static string Bool(bool value) => value ? "true" : "false";
}

/// <summary>AdditiveAttention: Bahdanau's <c>Σ scale · tanh(query + value)</c> scores, the scale a learned vector of one value per feature.</summary>
internal sealed class AdditiveAttentionLayer : ScoredAttentionLayer
{
    private static readonly ArgumentSpec[] s_arguments = { new("UseScale", true), new("Dropout", 0.0) };

    public override LayerKind Kind => LayerKind.AdditiveAttention;

    public override string TypeName => "AdditiveAttention";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override AttentionConfig ReadConfig(LayerContext layer) => Read(layer, layer.Reader(s_arguments), ScoreModeKind.Dot, useCausalMask: false);

    protected override ParameterCount CountParameters(AttentionConfig config, IReadOnlyList<TensorType> inputs)
    {
        long count = config.UseScale ? inputs[0].Last.Size : 0;
        return new ParameterCount(count, count);
    }

    protected override void EmitConstruction(ConstructionWriter writer, AttentionConfig config, TensorType input) =>
        writer.Create(config.UseScale
            ? $"new {TypeNames.Layers}.AdditiveAttention({Format.Number(input.Last.Size)}, useScale: true, dropout: {Format.DoubleLiteral(config.Dropout)}, device: {writer.Device}, dtype: {writer.Dtype}, generator: {writer.UseGenerator()})"
            : $"new {TypeNames.Layers}.AdditiveAttention({Format.Number(input.Last.Size)}, useScale: false, dropout: {Format.DoubleLiteral(config.Dropout)}, device: {writer.Device}, dtype: {writer.Dtype})");
}
