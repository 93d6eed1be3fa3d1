using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>An Embedding layer's configuration; <paramref name="Layer"/> is its member name, which the run-time id check names.</summary>
internal sealed record EmbeddingConfig(int InputDim, int OutputDim, bool MaskZero, string Layer) : LayerConfig;

/// <summary>
/// Embedding: int64 token ids of any shape, (steps) usually, become vectors along a new last
/// axis, (steps, outputDim). Keras initialization (uniform in [-0.05, 0.05]); with <c>MaskZero</c>
/// id 0 is padding: TorchSharp's <c>padding_idx</c> keeps its row zero, and the layers reading the
/// embedding that read masks (recurrent layers, 1D global poolings, attention) skip the padded steps
/// (<see cref="MaskLinks"/>). Parameters:
/// <c>inputDim * outputDim</c>.
/// </summary>
internal sealed class EmbeddingLayer : LayerRule<EmbeddingConfig>
{
    private static readonly ArgumentSpec[] s_arguments =
    {
        new("inputDim", null),
        new("outputDim", null),
        new("MaskZero", false),
    };

    public override LayerKind Kind => LayerKind.Embedding;

    public override string TypeName => "Embedding";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool Accepts(ElementKind elementType) => elementType == ElementKind.Int64;

    public override string AcceptedElementTypes => "int64 token ids (declare the input with ElementType = ElementType.Int64)";

    protected override EmbeddingConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var config = new EmbeddingConfig(
            Windows.Positive(arguments, layer, "inputDim", "InputDim"),
            Windows.Positive(arguments, layer, "outputDim", "OutputDim"),
            arguments.Bool("MaskZero"),
            layer.Name);
        if (config.MaskZero && config.InputDim == 1)
        {
            // Keras: with mask_zero, id 0 is reserved, so the vocabulary needs one more id.
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "inputDim", -1, "InputDim", layer.Name, "at least 2 with MaskZero (id 0 is padding)", Format.Number(config.InputDim));
        }

        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, EmbeddingConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        var dimensions = new List<Dimension>(input.Dimensions) { Dimension.Known(config.OutputDim) };
        return new TensorType(ElementKind.Float32, dimensions.ToEquatableArray());
    }

    protected override ParameterCount CountParameters(EmbeddingConfig config, IReadOnlyList<TensorType> inputs)
    {
        var count = (long)config.InputDim * config.OutputDim;
        return new ParameterCount(count, count);
    }

    protected override string? ModuleType(EmbeddingConfig config, TensorType? input) => "TorchSharp.Modules.Embedding";

    protected override void EmitConstruction(ConstructionWriter writer, EmbeddingConfig config, TensorType input)
    {
        var padding = config.MaskZero ? "padding_idx: 0L, " : string.Empty;
        writer.Create($"{TypeNames.Torch}.nn.Embedding({Format.Number(config.InputDim)}, {Format.Number(config.OutputDim)}, {padding}device: {writer.Device}, dtype: {writer.Dtype})");
        writer.Statement($"global::NetGen.Initializers.Embedding({writer.Field}.weight, maskZero: {(config.MaskZero ? "true" : "false")}, {writer.UseGenerator()});");
    }

    // _words.call(global::NetGen.Layers.EmbeddingIds.Checked(tokens, 10000L, "Words")): an id without a
    // row fails with the layer, the id and inputDim instead of libtorch's index error.
    protected override string EmitCall(EmbeddingConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        module + ".call(" + TypeNames.Layers + ".EmbeddingIds.Checked(" + inputs[0] + ", " + Format.Number(config.InputDim) + "L, " + "\"" + config.Layer + "\"" + "))";

    protected override string Describe(EmbeddingConfig config, IReadOnlyList<string> inputs) =>
        $"Embedding({Format.Number(config.InputDim)}, {Format.Number(config.OutputDim)}{(config.MaskZero ? ", MaskZero" : string.Empty)})";
}
