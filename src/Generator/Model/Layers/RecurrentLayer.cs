using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// A SimpleRNN, LSTM or GRU layer's configuration. <see cref="Masked"/> and
/// <see cref="StackedOn"/> are not written by the user: <see cref="MaskLinks"/> and <see cref="RecurrentLinks"/>
/// set them from the layers around this one.
/// </summary>
internal sealed record RecurrentConfig(
    LayerKind Cell,
    int Units,
    ActivationKind Activation,
    bool ReturnSequences,
    bool Bidirectional,
    MergeModeKind MergeMode,
    double Dropout,
    double RecurrentDropout,
    bool UseBias,
    string? InitialState) : LayerConfig
{
    /// <summary>Whether the layer skips padded steps: its first link is the token ids of a masking embedding.</summary>
    public bool Masked { get; init; }

    /// <summary>The recurrent layer whose last output this layer reads, stacked on it (NG0117, reported there), or null.</summary>
    public LowerLayer? StackedOn { get; init; }

    /// <summary>Directions: 2 when bidirectional.</summary>
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>Features of each output: twice the units for a bidirectional concatenation.</summary>
    public int OutputSize => Bidirectional && MergeMode == MergeModeKind.Concat ? 2 * Units : Units;

    /// <summary>Features of the final state another layer can start from: the directions side by side.</summary>
    public int StateSize => Directions * Units;

    /// <summary>Gate blocks of the cell's weight matrices: 4 for LSTM, 3 for GRU, 1 for SimpleRNN.</summary>
    public int Gates => Cell switch { LayerKind.LSTM => 4, LayerKind.GRU => 3, _ => 1 };
}

/// <summary>A recurrent layer another one is stacked on: its declaration index, name, kind and output size.</summary>
internal sealed record LowerLayer(int Index, string Name, LayerKind Cell, int OutputSize);

/// <summary>
/// What SimpleRNN, LSTM and GRU share: (steps, features) to the last output (units) or, with
/// <c>ReturnSequences</c>, (steps, units), the steps staying named when they are; a bidirectional
/// concatenation doubles the units. The module is NetGen's <c>NetGen.Layers.Recurrent</c> around
/// TorchSharp's fused cell with Keras's initializers, masking and states.
/// Parameters are PyTorch's, which the summary shows: per direction
/// <c>gates * units * (features + units)</c> weights and, with biases, <c>2 * gates * units</c>
/// (an input and a recurrent bias vector). Keras has one bias vector of <c>gates * units</c> for
/// SimpleRNN and LSTM, so PyTorch's count is higher by <c>gates * units</c> per direction; GRU
/// with Keras's default <c>reset_after</c> has two, as PyTorch (docs/recurrent.md).
/// </summary>
internal abstract class RecurrentLayer : LayerRule<RecurrentConfig>
{
    public override string TypeName => Kind.ToString();

    public override IReadOnlyList<ArgumentSpec> Arguments => ArgumentTable;

    public override string AcceptedElementTypes => "floating-point values (token ids go through an Embedding first)";

    protected abstract ArgumentSpec[] ArgumentTable { get; }

    protected static ArgumentSpec[] WithShared(params ArgumentSpec[] own)
    {
        var all = new List<ArgumentSpec>(own)
        {
            new("ReturnSequences", false),
            new("Bidirectional", false),
            new("MergeMode", MergeModeKind.Concat),
            new("Dropout", 0.0),
            new("RecurrentDropout", 0.0),
            new("UseBias", true),
            new("InitialState", null),
        };
        return all.ToArray();
    }

    protected override RecurrentConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(ArgumentTable);
        var activation = Kind == LayerKind.SimpleRNN ? arguments.Enum<ActivationKind>("activation") : ActivationKind.Tanh;
        var config = new RecurrentConfig(
            Kind,
            Windows.Positive(arguments, layer, "units", "Units"),
            activation,
            arguments.Bool("ReturnSequences"),
            arguments.Bool("Bidirectional"),
            arguments.Enum<MergeModeKind>("MergeMode"),
            arguments.Double("Dropout"),
            arguments.Double("RecurrentDropout"),
            arguments.Bool("UseBias"),
            arguments.String("InitialState"));
        if (Kind == LayerKind.SimpleRNN && activation is not (ActivationKind.Tanh or ActivationKind.ReLU))
        {
            // TorchSharp's fused RNN has tanh and ReLU only.
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "activation", -1, "Activation", layer.Name, "Tanh or ReLU", activation.ToString());
        }

        foreach (var (argument, rate) in new[] { ("Dropout", config.Dropout), ("RecurrentDropout", config.RecurrentDropout) })
        {
            if (!(rate >= 0 && rate < 1))
            {
                arguments.Report(ProblemKind.DropoutRateOutOfRange, argument, -1, layer.Name, Format.Number(rate));
            }
        }

        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, RecurrentConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank == 1)
        {
            if (config.StackedOn is { } lower)
            {
                // At the lower layer, where ReturnSequences = true goes (the code fix adds it there).
                layer.Report(ProblemKind.StackedOnLastOutput, Site.LayerAttribute(lower.Index), lower.Cell.ToString(), lower.Name, TypeName, layer.Name, Format.Number(lower.OutputSize));
            }
            else
            {
                // Keras: "expected ndim=3, found ndim=2".
                layer.Report(ProblemKind.RecurrentLayerOnVector, layer.Attribute, TypeName, layer.Name, input.ToString());
            }

            return ShapeResult.Failed;
        }

        if (input.Rank != 2)
        {
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(steps, features)");
            return ShapeResult.Failed;
        }

        if (!input[1].IsKnown)
        {
            layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of features of its input", "it is '" + input[1] + "' in " + input);
            return ShapeResult.Failed;
        }

        var output = Dimension.Known(config.OutputSize);
        return config.ReturnSequences
            ? new TensorType(input.ElementType, new[] { input[0], output }.ToEquatableArray())
            : new TensorType(input.ElementType, new[] { output }.ToEquatableArray());
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, RecurrentConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of features of its input", "its input's shape is known only at run time (" + inputs[0].Reason + ")");
        return ShapeResult.Failed;
    }

    protected override ParameterCount CountParameters(RecurrentConfig config, IReadOnlyList<TensorType> inputs)
    {
        long units = config.Units;
        long gates = config.Gates;
        var perDirection = (gates * units * (inputs[0][1].Size + units)) + (config.UseBias ? 2 * gates * units : 0);
        var count = perDirection * config.Directions;
        return new ParameterCount(count, count);
    }

    protected override string? ModuleType(RecurrentConfig config, TensorType? input) => "NetGen.Layers.Recurrent";

    protected override void EmitConstruction(ConstructionWriter writer, RecurrentConfig config, TensorType input)
    {
        var options = new List<string>();
        if (config.ReturnSequences)
        {
            options.Add("returnSequences: true");
        }

        if (config.Bidirectional)
        {
            options.Add("bidirectional: true");
            options.Add("mergeMode: global::NetGen.MergeMode." + config.MergeMode);
        }

        if (config.Dropout > 0)
        {
            options.Add("dropout: " + Format.DoubleLiteral(config.Dropout));
        }

        if (config.RecurrentDropout > 0)
        {
            options.Add("recurrentDropout: " + Format.DoubleLiteral(config.RecurrentDropout));
        }

        if (!config.UseBias)
        {
            options.Add("useBias: false");
        }

        if (config.Activation != ActivationKind.Tanh)
        {
            options.Add("activation: global::NetGen.Activation." + config.Activation);
        }

        options.Add("device: " + writer.Device);
        options.Add("dtype: " + writer.Dtype);
        writer.Create($"new {TypeNames.Layers}.Recurrent({TypeNames.Layers}.RecurrentKind.{Kind}, {Format.Number(input[1].Size)}, {Format.Number(config.Units)}, {string.Join(", ", options)})");
        writer.Statement($"{writer.Field}.InitializeKeras({writer.UseGenerator()});");
    }

    public override bool PassesMask(LayerConfig config) => ((RecurrentConfig)config).ReturnSequences;

    public override IReadOnlyList<int> MaskedInputs(LayerConfig config) => FirstInput;

    public override LayerConfig WithMasks(LayerConfig config, IReadOnlyList<bool> masked) => ((RecurrentConfig)config) with { Masked = masked[0] };

    /// <summary>Keras's wrapper: <c>Bidirectional(LSTM)</c>.</summary>
    public override string DisplayType(LayerConfig? config) =>
        config is RecurrentConfig { Bidirectional: true } ? "Bidirectional(" + TypeName + ")" : TypeName;

    public override bool LinkReadsState(LayerConfig config, int link) =>
        ((RecurrentConfig)config).InitialState is not null && link == (((RecurrentConfig)config).Masked ? 1 : 0);

    public override string EmitLinkedCall(LayerConfig config, string module, IReadOnlyList<string> inputs, IReadOnlyList<string> links, string? stateLocal, TensorType input)
    {
        var recurrent = (RecurrentConfig)config;
        var tokens = recurrent.Masked ? links[0] : "null";
        var state = recurrent.InitialState is not null ? links[recurrent.Masked ? 1 : 0] : "null";
        if (stateLocal is not null)
        {
            // _encoder.Run(source, tokens: null, initialState: null, out var encoderState)
            return $"{module}.Run({inputs[0]}, tokens: {tokens}, initialState: {state}, out var {stateLocal})";
        }

        // _lstm.Run(embedded, tokens: tokens), _decoder.Run(target, initialState: encoderState)
        var arguments = new List<string> { inputs[0] };
        if (recurrent.Masked)
        {
            arguments.Add("tokens: " + tokens);
        }

        if (recurrent.InitialState is not null)
        {
            arguments.Add("initialState: " + state);
        }

        return $"{module}.Run({string.Join(", ", arguments)})";
    }

    protected override string Describe(RecurrentConfig config, IReadOnlyList<string> inputs)
    {
        var text = TypeName + "(" + Format.Number(config.Units);
        if (config.Cell == LayerKind.SimpleRNN && config.Activation != ActivationKind.Tanh)
        {
            text += ", " + config.Activation;
        }

        if (config.ReturnSequences)
        {
            text += ", ReturnSequences";
        }

        text += ")";
        if (!config.Bidirectional)
        {
            return text;
        }

        // Keras: Bidirectional(LSTM(32)), Bidirectional(LSTM(32), merge_mode="sum").
        return config.MergeMode == MergeModeKind.Concat ? "Bidirectional(" + text + ")" : "Bidirectional(" + text + ", MergeMode = " + config.MergeMode + ")";
    }
}

/// <summary>SimpleRNN(units, activation): Keras's fully connected recurrent layer (TorchSharp's <c>RNN</c>, tanh or ReLU).</summary>
internal sealed class SimpleRNNLayer : RecurrentLayer
{
    private static readonly ArgumentSpec[] s_arguments = WithShared(new("units", null), new("activation", ActivationKind.Tanh));

    public override LayerKind Kind => LayerKind.SimpleRNN;

    protected override ArgumentSpec[] ArgumentTable => s_arguments;
}

/// <summary>LSTM(units): gates (input, forget, cell, output) in PyTorch's order; the forget-gate bias starts at 1.</summary>
internal sealed class LSTMLayer : RecurrentLayer
{
    private static readonly ArgumentSpec[] s_arguments = WithShared(new ArgumentSpec("units", null));

    public override LayerKind Kind => LayerKind.LSTM;

    protected override ArgumentSpec[] ArgumentTable => s_arguments;
}

/// <summary>GRU(units): gates (reset, update, new) in PyTorch's order, the reset applied after the recurrent product (Keras's <c>reset_after</c>).</summary>
internal sealed class GRULayer : RecurrentLayer
{
    private static readonly ArgumentSpec[] s_arguments = WithShared(new ArgumentSpec("units", null));

    public override LayerKind Kind => LayerKind.GRU;

    protected override ArgumentSpec[] ArgumentTable => s_arguments;
}
