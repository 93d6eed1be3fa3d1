using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A Conv2D layer's configuration.</summary>
internal sealed record Conv2DConfig(
    int Filters,
    Extent2D KernelSize,
    ActivationKind Activation,
    Extent2D Strides,
    PaddingKind Padding,
    Extent2D DilationRate,
    int Groups,
    bool UseBias,
    double Alpha,
    InitializerKind KernelInitializer,
    InitializerKind BiasInitializer) : LayerConfig;

/// <summary>
/// Conv2D over a (channels, height, width) input, with PyTorch's output sizes and Keras's
/// <c>Same</c> padding (see <see cref="Windows"/>). Kernel, strides and dilation are square or
/// (height, width) (<see cref="Extents"/>). Keras initialization and parameter count:
/// <c>kh * kw * channels / groups * filters</c> weights plus one bias per filter.
/// </summary>
internal sealed class Conv2DLayer : LayerRule<Conv2DConfig>
{
    private static readonly ArgumentSpec[] s_arguments =
    {
        new("filters", null),
        new("kernelSize", null),
        new("activation", ActivationKind.Linear),
        new("Strides", 1),
        new("StridesPerAxis", null),
        new("Padding", PaddingKind.Valid),
        new("DilationRate", 1),
        new("DilationRatePerAxis", null),
        new("Groups", 1),
        new("UseBias", true),
        new("Alpha", 0.2),
        new("KernelInitializer", InitializerKind.GlorotUniform),
        new("BiasInitializer", InitializerKind.Zeros),
    };

    public override LayerKind Kind => LayerKind.Conv2D;

    public override string TypeName => "Conv2D";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override Conv2DConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var config = new Conv2DConfig(
            Windows.Positive(arguments, layer, "filters", "Filters"),
            Extents.Read(arguments, layer, "kernelSize", "KernelSize"),
            arguments.Enum<ActivationKind>("activation"),
            Extents.ReadWithPerAxis(arguments, layer, "Strides", "StridesPerAxis", Windows.Positive(arguments, layer, "Strides", "Strides")),
            Extents.ReadImagePadding(arguments, layer),
            Extents.ReadWithPerAxis(arguments, layer, "DilationRate", "DilationRatePerAxis", Windows.Positive(arguments, layer, "DilationRate", "DilationRate")),
            Windows.Positive(arguments, layer, "Groups", "Groups"),
            arguments.Bool("UseBias"),
            arguments.Double("Alpha"),
            arguments.Enum<InitializerKind>("KernelInitializer"),
            arguments.Enum<InitializerKind>("BiasInitializer"));
        if (config.Padding == PaddingKind.Same && config.Strides != Extent2D.Square(1) && config.DilationRate != Extent2D.Square(1))
        {
            // Keras refuses this too: a dilated, strided window has no single "same" output size.
            var dilation = arguments.Has("DilationRatePerAxis") ? "DilationRatePerAxis" : "DilationRate";
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, dilation, -1, dilation, layer.Name, "1 when Strides is above 1", config.DilationRate.ToString());
        }

        if (config.Filters % config.Groups != 0)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "Groups", -1, "Groups", layer.Name, "a divisor of the " + Format.Number(config.Filters) + " filters", Format.Number(config.Groups));
        }

        Activations.CheckAlpha(arguments, layer, config.Activation, config.Alpha);
        Windows.ReportEvenKernel(layer, TypeName, "kernelSize", config.KernelSize);
        Windows.ReportStrideBeyondWindow(layer, TypeName, config.KernelSize, config.Strides, config.DilationRate, Pooling2DLayer.StridesArgument(arguments));
        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, Conv2DConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (!Windows.CheckImageWithChannels(layer, TypeName, input))
        {
            return ShapeResult.Failed;
        }

        if (input[0].Size % config.Groups != 0)
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Attribute, "Groups", layer.Name, "a divisor of the input's " + Format.Number(input[0].Size) + " channels", Format.Number(config.Groups));
            return ShapeResult.Failed;
        }

        return Windows.Slide(layer, TypeName, input, Dimension.Known(config.Filters), "KernelSize", config.KernelSize, config.Strides, config.DilationRate, config.Padding);
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, Conv2DConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of channels of its input", "its input's shape is known only at run time (" + inputs[0].Reason + ")");
        return ShapeResult.Failed;
    }

    protected override ParameterCount CountParameters(Conv2DConfig config, IReadOnlyList<TensorType> inputs)
    {
        long filters = config.Filters;
        var count = ((long)config.KernelSize.Height * config.KernelSize.Width * (inputs[0][0].Size / config.Groups) * filters) + (config.UseBias ? filters : 0);
        return new ParameterCount(count, count);
    }

    protected override string? ModuleType(Conv2DConfig config, TensorType? input) => "TorchSharp.Modules.Conv2d";

    protected override ActivationUse? Activation(Conv2DConfig config) => new(config.Activation, config.Alpha, IsModule: false);

    protected override void EmitConstruction(ConstructionWriter writer, Conv2DConfig config, TensorType input)
    {
        // Same padding TorchSharp can express (stride 1, odd span) is the module's own; the rest is padded at run time.
        var span = Windows.Span(config.KernelSize, config.DilationRate);
        var padding = config.Padding == PaddingKind.Same && !RuntimePadding(config) ? new Extent2D((span.Height - 1) / 2, (span.Width - 1) / 2) : Extent2D.Square(0);
        var tail = $"groups: {Format.Number(config.Groups)}, bias: {(config.UseBias ? "true" : "false")}, device: {writer.Device}, dtype: {writer.Dtype}";
        writer.Create(config.KernelSize.IsSquare && config.Strides.IsSquare && config.DilationRate.IsSquare && padding.IsSquare
            ? $"{TypeNames.Torch}.nn.Conv2d({Format.Number(input[0].Size)}, {Format.Number(config.Filters)}, {Format.Number(config.KernelSize.Height)}, stride: {Format.Number(config.Strides.Height)}, padding: {Format.Number(padding.Height)}L, dilation: {Format.Number(config.DilationRate.Height)}, {tail})"
            : $"{TypeNames.Torch}.nn.Conv2d({Format.Number(input[0].Size)}, {Format.Number(config.Filters)}, {config.KernelSize.Tuple}, stride: {config.Strides.Tuple}, padding: {padding.Tuple}, dilation: {config.DilationRate.Tuple}, {tail})");
        writer.InitializeWeights(config.KernelInitializer, config.UseBias, config.BiasInitializer);
    }

    protected override string EmitCall(Conv2DConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        RuntimePadding(config)
            ? $"{TypeNames.Layers}.SamePadding.Apply({module}, {inputs[0]}, {Windows.WindowArguments(Windows.Span(config.KernelSize, config.DilationRate), config.Strides)})"
            : base.EmitCall(config, module, inputs, input);

    protected override string Describe(Conv2DConfig config, IReadOnlyList<string> inputs)
    {
        var text = $"Conv2D({Format.Number(config.Filters)}, {config.KernelSize}";
        if (config.Activation != ActivationKind.Linear)
        {
            text += ", " + config.Activation;
        }

        if (config.Strides != Extent2D.Square(1))
        {
            text += ", Strides = " + config.Strides;
        }

        if (config.Padding != PaddingKind.Valid)
        {
            text += ", " + config.Padding;
        }

        return text + ")";
    }

    private static bool RuntimePadding(Conv2DConfig config) => Windows.PadsAtRunTime(config.Padding, config.KernelSize, config.Strides, config.DilationRate);
}
