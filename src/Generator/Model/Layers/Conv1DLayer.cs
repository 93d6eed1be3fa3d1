using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A Conv1D layer's configuration.</summary>
internal sealed record Conv1DConfig(
    int Filters,
    int KernelSize,
    ActivationKind Activation,
    int Strides,
    PaddingKind Padding,
    int DilationRate,
    int Groups,
    bool UseBias,
    double Alpha,
    InitializerKind KernelInitializer,
    InitializerKind BiasInitializer) : LayerConfig;

/// <summary>
/// Conv1D over a (steps, features) sequence, NetGen's rank-2 layout (Keras's Conv1D reads
/// (steps, channels) too): the output is (steps', filters), steps' following PyTorch's formula
/// along the steps (<see cref="Windows"/>), <c>Causal</c> padding keeping every step. TorchSharp's
/// <c>Conv1d</c> takes (batch, channels, length), so the generated call moves the features to the
/// channel axis and back (<c>NetGen.Layers.ChannelsFirst</c>, or <c>NetGen.Layers.StepPadding</c> when
/// the steps are padded at run time). Keras initialization and parameter count:
/// <c>k * features / groups * filters</c> weights plus one bias per filter.
/// </summary>
internal sealed class Conv1DLayer : LayerRule<Conv1DConfig>
{
    private static readonly ArgumentSpec[] s_arguments =
    {
        new("filters", null),
        new("kernelSize", null),
        new("activation", ActivationKind.Linear),
        new("Strides", 1),
        new("Padding", PaddingKind.Valid),
        new("DilationRate", 1),
        new("Groups", 1),
        new("UseBias", true),
        new("Alpha", 0.2),
        new("KernelInitializer", InitializerKind.GlorotUniform),
        new("BiasInitializer", InitializerKind.Zeros),
    };

    public override LayerKind Kind => LayerKind.Conv1D;

    public override string TypeName => "Conv1D";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override Conv1DConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var config = new Conv1DConfig(
            Windows.Positive(arguments, layer, "filters", "Filters"),
            Windows.Positive(arguments, layer, "kernelSize", "KernelSize"),
            arguments.Enum<ActivationKind>("activation"),
            Windows.Positive(arguments, layer, "Strides", "Strides"),
            arguments.Enum<PaddingKind>("Padding"),
            Windows.Positive(arguments, layer, "DilationRate", "DilationRate"),
            Windows.Positive(arguments, layer, "Groups", "Groups"),
            arguments.Bool("UseBias"),
            arguments.Double("Alpha"),
            arguments.Enum<InitializerKind>("KernelInitializer"),
            arguments.Enum<InitializerKind>("BiasInitializer"));
        if (config.Padding != PaddingKind.Valid && config.Strides > 1 && config.DilationRate > 1)
        {
            // Keras refuses this too: a dilated, strided window has no single padded output size.
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "DilationRate", -1, "DilationRate", layer.Name, "1 when Strides is above 1", Format.Number(config.DilationRate));
        }

        if (config.Filters % config.Groups != 0)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "Groups", -1, "Groups", layer.Name, "a divisor of the " + Format.Number(config.Filters) + " filters", Format.Number(config.Groups));
        }

        Activations.CheckAlpha(arguments, layer, config.Activation, config.Alpha);
        Windows.ReportEvenKernel(layer, TypeName, "kernelSize", Extent2D.Square(config.KernelSize));
        Windows.ReportStrideBeyondWindow(layer, TypeName, Extent2D.Square(config.KernelSize), Extent2D.Square(config.Strides), Extent2D.Square(config.DilationRate));
        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, Conv1DConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank != 2)
        {
            var hint = input.Rank == 1
                ? "; a flat vector must be reshaped first, e.g. Reshape(steps, 1)"
                : input.Rank == 3 ? "; a (channels, height, width) image takes Conv2D" : string.Empty;
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(steps, features)" + hint);
            return ShapeResult.Failed;
        }

        var features = input[1];
        if (!features.IsKnown)
        {
            layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of features of its input", "it is '" + features + "' in " + input);
            return ShapeResult.Failed;
        }

        if (features.Size % config.Groups != 0)
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Attribute, "Groups", layer.Name, "a divisor of the input's " + Format.Number(features.Size) + " features", Format.Number(config.Groups));
            return ShapeResult.Failed;
        }

        var filters = Dimension.Known(config.Filters);
        var steps = input[0];
        if (!steps.IsKnown)
        {
            return config.Padding != PaddingKind.Valid && config.Strides == 1
                ? input.WithDimensions(steps, filters)
                : ShapeResult.Dynamic(TypeName + " of " + input + " depends on '" + steps.Name + "'");
        }

        // Causal pads span - 1 steps before the first: the same count as Same, all at the start.
        var padding = config.Padding == PaddingKind.Causal ? PaddingKind.Same : config.Padding;
        var length = Windows.OutputSize(steps.Size, config.KernelSize, config.Strides, config.DilationRate, padding);
        if (length < 1)
        {
            var span = Windows.Span(config.KernelSize, config.DilationRate);
            var window = Format.Number(config.KernelSize) + "-step" + (config.DilationRate == 1 ? string.Empty : " (spanning " + Format.Number(span) + " with DilationRate " + Format.Number(config.DilationRate) + ")");
            layer.Report(ProblemKind.WindowLargerThanInput, layer.Attribute, TypeName, layer.Name, window, input.ToString(), layer.SpatialTrace());
            return ShapeResult.Failed;
        }

        if (config.Padding == PaddingKind.Valid)
        {
            // NG0113: the last steps no window reaches.
            var tail = Windows.UnreadTail(steps.Size, Windows.Span(config.KernelSize, config.DilationRate), config.Strides);
            if (tail > 0)
            {
                layer.Report(ProblemKind.WindowDropsEdge, layer.Attribute, TypeName, layer.Name, tail == 1 ? "the last step" : "the last " + Format.Number(tail) + " steps", input.ToString(), Format.Number(length) + " steps");
            }
        }

        return input.WithDimensions(Dimension.Known((int)length), filters);
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, Conv1DConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of features of its input", "its input's shape is known only at run time (" + inputs[0].Reason + ")");
        return ShapeResult.Failed;
    }

    protected override ParameterCount CountParameters(Conv1DConfig config, IReadOnlyList<TensorType> inputs)
    {
        long filters = config.Filters;
        var count = ((long)config.KernelSize * (inputs[0][1].Size / config.Groups) * filters) + (config.UseBias ? filters : 0);
        return new ParameterCount(count, count);
    }

    protected override string? ModuleType(Conv1DConfig config, TensorType? input) => "TorchSharp.Modules.Conv1d";

    protected override ActivationUse? Activation(Conv1DConfig config) => new(config.Activation, config.Alpha, IsModule: false);

    protected override void EmitConstruction(ConstructionWriter writer, Conv1DConfig config, TensorType input)
    {
        // Same padding TorchSharp can express (stride 1, odd span) is the module's own; the rest is padded at run time.
        var padding = config.Padding == PaddingKind.Same && !RuntimePadding(config) ? (Windows.Span(config.KernelSize, config.DilationRate) - 1) / 2 : 0;
        writer.Create(
            $"{TypeNames.Torch}.nn.Conv1d({Format.Number(input[1].Size)}, {Format.Number(config.Filters)}, {Format.Number(config.KernelSize)}, stride: {Format.Number(config.Strides)}, padding: {Format.Number(padding)}L, dilation: {Format.Number(config.DilationRate)}, groups: {Format.Number(config.Groups)}, bias: {(config.UseBias ? "true" : "false")}, device: {writer.Device}, dtype: {writer.Dtype})");
        writer.InitializeWeights(config.KernelInitializer, config.UseBias, config.BiasInitializer);
    }

    protected override string EmitCall(Conv1DConfig config, string module, IReadOnlyList<string> inputs, TensorType input)
    {
        var span = Format.Number(Windows.Span(config.KernelSize, config.DilationRate));
        return config.Padding == PaddingKind.Causal
            ? $"{TypeNames.Layers}.StepPadding.Causal({module}, {inputs[0]}, {span})"
            : RuntimePadding(config)
                ? $"{TypeNames.Layers}.StepPadding.Same({module}, {inputs[0]}, {span}, {Format.Number(config.Strides)})"
                : $"{TypeNames.Layers}.ChannelsFirst.Apply({module}, {inputs[0]})";
    }

    protected override string Describe(Conv1DConfig config, IReadOnlyList<string> inputs)
    {
        var text = $"Conv1D({Format.Number(config.Filters)}, {Format.Number(config.KernelSize)}";
        if (config.Activation != ActivationKind.Linear)
        {
            text += ", " + config.Activation;
        }

        if (config.Strides != 1)
        {
            text += ", Strides = " + Format.Number(config.Strides);
        }

        if (config.Padding != PaddingKind.Valid)
        {
            text += ", " + config.Padding;
        }

        return text + ")";
    }

    private static bool RuntimePadding(Conv1DConfig config) => Windows.PadsAtRunTime(config.Padding, config.KernelSize, config.Strides, config.DilationRate);
}
