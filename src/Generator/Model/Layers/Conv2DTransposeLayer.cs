using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A Conv2DTranspose layer's configuration; a negative <see cref="OutputPadding"/> is Keras's <c>None</c>.</summary>
internal sealed record Conv2DTransposeConfig(
    int Filters,
    Extent2D KernelSize,
    ActivationKind Activation,
    Extent2D Strides,
    PaddingKind Padding,
    int OutputPadding,
    int DilationRate,
    bool UseBias,
    double Alpha,
    InitializerKind KernelInitializer,
    InitializerKind BiasInitializer) : LayerConfig;

/// <summary>
/// Conv2DTranspose over a (channels, height, width) input, with Keras's output sizes along each
/// axis (a window of span <c>(k - 1) d + 1</c>, stride <c>s</c>):
/// without output padding, <c>Valid</c> gives <c>in * s + max(span - s, 0)</c> and <c>Same</c>
/// gives <c>in * s</c>; with output padding <c>op</c>, <c>(in - 1) * s + span - 2 * pad + op</c>,
/// <c>pad</c> being <c>span / 2</c> for <c>Same</c> and 0 for <c>Valid</c> (PyTorch's formula with
/// that padding). TorchSharp's <c>ConvTranspose2d</c> pads symmetrically, so an odd <c>Same</c>
/// excess is cropped from the bottom and right at run time, as TensorFlow crops it
/// (<c>NetGen.Layers.TransposedConvolution</c>, which also works around TorchSharp's output padding).
/// Keras's parameter count: <c>kh * kw * channels * filters</c> plus one bias per filter.
/// </summary>
internal sealed class Conv2DTransposeLayer : LayerRule<Conv2DTransposeConfig>
{
    private static readonly ArgumentSpec[] s_arguments =
    {
        new("filters", null),
        new("kernelSize", null),
        new("activation", ActivationKind.Linear),
        new("Strides", 1),
        new("StridesPerAxis", null),
        new("Padding", PaddingKind.Valid),
        new("OutputPadding", -1),
        new("DilationRate", 1),
        new("UseBias", true),
        new("Alpha", 0.2),
        new("KernelInitializer", InitializerKind.GlorotUniform),
        new("BiasInitializer", InitializerKind.Zeros),
    };

    public override LayerKind Kind => LayerKind.Conv2DTranspose;

    public override string TypeName => "Conv2DTranspose";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    protected override Conv2DTransposeConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var config = new Conv2DTransposeConfig(
            Windows.Positive(arguments, layer, "filters", "Filters"),
            Extents.Read(arguments, layer, "kernelSize", "KernelSize"),
            arguments.Enum<ActivationKind>("activation"),
            Extents.ReadWithPerAxis(arguments, layer, "Strides", "StridesPerAxis", Windows.Positive(arguments, layer, "Strides", "Strides")),
            Extents.ReadImagePadding(arguments, layer),
            arguments.Int("OutputPadding"),
            Windows.Positive(arguments, layer, "DilationRate", "DilationRate"),
            arguments.Bool("UseBias"),
            arguments.Double("Alpha"),
            arguments.Enum<InitializerKind>("KernelInitializer"),
            arguments.Enum<InitializerKind>("BiasInitializer"));
        var smallestStride = System.Math.Min(config.Strides.Height, config.Strides.Width);
        if (config.OutputPadding >= smallestStride && config.OutputPadding >= config.DilationRate)
        {
            // PyTorch's rule: the extra rows must be fewer than the stride or the dilation, else they see no input.
            var limit = $"below the stride ({config.Strides}) or the dilation ({Format.Number(config.DilationRate)}), or negative to leave it to the padding";
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "OutputPadding", -1, "OutputPadding", layer.Name, limit, Format.Number(config.OutputPadding));
            config = config with { OutputPadding = -1 };
        }

        Activations.CheckAlpha(arguments, layer, config.Activation, config.Alpha);
        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, Conv2DTransposeConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (!Windows.CheckImageWithChannels(layer, TypeName, input))
        {
            return ShapeResult.Failed;
        }

        if (!input[1].IsKnown || !input[2].IsKnown)
        {
            return ShapeResult.Dynamic(TypeName + " of " + input + " depends on the sizes known only at run time");
        }

        var height = Plan(config, input[1].Size, config.KernelSize.Height, config.Strides.Height).Output;
        var width = Plan(config, input[2].Size, config.KernelSize.Width, config.Strides.Width).Output;
        if (height < 1 || width < 1)
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Attribute, "KernelSize", layer.Name, "large enough for an output of at least one row and column from " + input, config.KernelSize.ToString());
            return ShapeResult.Failed;
        }

        return input.WithDimensions(Dimension.Known(config.Filters), Dimension.Known((int)height), Dimension.Known((int)width));
    }

    protected override ShapeResult InferFromDynamic(LayerContext layer, Conv2DTransposeConfig config, IReadOnlyList<ShapeResult> inputs)
    {
        layer.Report(ProblemKind.UnknownDimension, layer.Attribute, TypeName, layer.Name, "the number of channels of its input", "its input's shape is known only at run time (" + inputs[0].Reason + ")");
        return ShapeResult.Failed;
    }

    protected override ParameterCount CountParameters(Conv2DTransposeConfig config, IReadOnlyList<TensorType> inputs)
    {
        long filters = config.Filters;
        var count = ((long)config.KernelSize.Height * config.KernelSize.Width * inputs[0][0].Size * filters) + (config.UseBias ? filters : 0);
        return new ParameterCount(count, count);
    }

    protected override string? ModuleType(Conv2DTransposeConfig config, TensorType? input) => "TorchSharp.Modules.ConvTranspose2d";

    protected override ActivationUse? Activation(Conv2DTransposeConfig config) => new(config.Activation, config.Alpha, IsModule: false);

    protected override void EmitConstruction(ConstructionWriter writer, Conv2DTransposeConfig config, TensorType input)
    {
        var height = Plan(config, input[1].Size, config.KernelSize.Height, config.Strides.Height);
        var width = Plan(config, input[2].Size, config.KernelSize.Width, config.Strides.Width);
        var padding = new Extent2D(height.Padding, width.Padding);
        var outputPadding = new Extent2D(height.OutputPadding, width.OutputPadding);
        var dilation = Extent2D.Square(config.DilationRate);
        var tail = $"bias: {(config.UseBias ? "true" : "false")}, device: {writer.Device}, dtype: {writer.Dtype}";
        writer.Create(config.KernelSize.IsSquare && config.Strides.IsSquare && padding.IsSquare && outputPadding.IsSquare
            ? $"{TypeNames.Torch}.nn.ConvTranspose2d({Format.Number(input[0].Size)}, {Format.Number(config.Filters)}, {Format.Number(config.KernelSize.Height)}, stride: {Format.Number(config.Strides.Height)}, padding: {Format.Number(padding.Height)}, output_padding: {Format.Number(outputPadding.Height)}, dilation: {Format.Number(config.DilationRate)}, {tail})"
            : $"{TypeNames.Torch}.nn.ConvTranspose2d({Format.Number(input[0].Size)}, {Format.Number(config.Filters)}, {config.KernelSize.Tuple}, stride: {config.Strides.Tuple}, padding: {padding.Tuple}, output_padding: {outputPadding.Tuple}, dilation: {dilation.Tuple}, {tail})");
        writer.InitializeWeights(config.KernelInitializer, config.UseBias, config.BiasInitializer);
    }

    protected override string EmitCall(Conv2DTransposeConfig config, string module, IReadOnlyList<string> inputs, TensorType input)
    {
        var height = Plan(config, input[1].Size, config.KernelSize.Height, config.Strides.Height);
        var width = Plan(config, input[2].Size, config.KernelSize.Width, config.Strides.Width);
        if (height.OutputPadding != width.OutputPadding)
        {
            // TorchSharp applies only the first output padding unless the output size is given.
            var crops = height.Crop + width.Crop == 0 ? string.Empty : $", bottom: {Format.Number(height.Crop)}, right: {Format.Number(width.Crop)}";
            return $"{TypeNames.Layers}.TransposedConvolution.Sized({module}, {inputs[0]}, height: {Format.Number(height.Output + height.Crop)}, width: {Format.Number(width.Output + width.Crop)}{crops})";
        }

        return height.Crop + width.Crop == 0
            ? base.EmitCall(config, module, inputs, input)
            : $"{TypeNames.Layers}.TransposedConvolution.Crop({module}, {inputs[0]}, bottom: {Format.Number(height.Crop)}, right: {Format.Number(width.Crop)})";
    }

    protected override string Describe(Conv2DTransposeConfig config, IReadOnlyList<string> inputs)
    {
        var text = $"Conv2DTranspose({Format.Number(config.Filters)}, {config.KernelSize}";
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

    /// <summary>
    /// Keras's output size along one axis, and how TorchSharp's module gets it: its symmetric
    /// padding, its output padding (added at the end), and rows cropped from the end at run time.
    /// </summary>
    private static (long Output, int Padding, int OutputPadding, int Crop) Plan(Conv2DTransposeConfig config, long input, int kernel, int stride)
    {
        var span = (int)Windows.Span(kernel, config.DilationRate);
        if (config.OutputPadding >= 0)
        {
            var pad = config.Padding == PaddingKind.Same ? span / 2 : 0;
            return (((input - 1) * stride) + span - (2 * pad) + config.OutputPadding, pad, config.OutputPadding, 0);
        }

        if (config.Padding == PaddingKind.Valid)
        {
            var extra = System.Math.Max(stride - span, 0);
            return ((input * stride) + System.Math.Max(span - stride, 0), 0, extra, 0);
        }

        // Same: the full output, (input - 1) * stride + span, is span - stride longer than input * stride;
        // TensorFlow crops the excess, the odd row at the end, or pads a shortfall at the end.
        var excess = span - stride;
        return excess >= 0
            ? (input * stride, excess / 2, 0, excess % 2)
            : (input * stride, 0, -excess, 0);
    }
}
