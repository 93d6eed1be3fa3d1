using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A pooling layer's configuration; <see cref="Strides"/> is the pool size when the attribute leaves it at 0.</summary>
internal sealed record Pooling2DConfig(Extent2D PoolSize, Extent2D Strides, PaddingKind Padding) : LayerConfig;

/// <summary>
/// MaxPooling2D and AveragePooling2D over a (channels, height, width) input: the channels stay,
/// height and width follow the window arithmetic of <see cref="Windows"/>. <c>Same</c> padding is
/// done at run time (<c>NetGen.Layers.SamePadding</c>), with Keras's semantics: padding never
/// wins a maximum and is not counted in a mean.
/// </summary>
internal abstract class Pooling2DLayer : LayerRule<Pooling2DConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("poolSize", 2), new("Strides", 0), new("StridesPerAxis", null), new("Padding", PaddingKind.Valid) };

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    /// <summary>The TorchSharp module, e.g. <c>MaxPool2d</c>.</summary>
    protected abstract string Module { get; }

    protected override Pooling2DConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var poolSize = Extents.Read(arguments, layer, "poolSize", "PoolSize");
        var strides = arguments.Int("Strides");
        if (strides < 0)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "Strides", -1, "Strides", layer.Name, "a positive number, or 0 for the pool size", Format.Number(strides));
        }

        var square = strides > 0 ? Extent2D.Square(strides) : poolSize;
        var perAxis = Extents.ReadWithPerAxis(arguments, layer, "Strides", "StridesPerAxis", 0);
        var config = new Pooling2DConfig(poolSize, perAxis == Extent2D.Square(0) ? square : perAxis, Extents.ReadImagePadding(arguments, layer));
        Windows.ReportStrideBeyondWindow(layer, TypeName, config.PoolSize, config.Strides, Extent2D.Square(1), StridesArgument(arguments));
        return config;
    }

    /// <summary>Where a stride finding goes: the per-axis property when it was written.</summary>
    internal static string StridesArgument(ArgumentReader arguments) => arguments.Has("StridesPerAxis") ? "StridesPerAxis" : "Strides";

    protected override ShapeResult InferShape(LayerContext layer, Pooling2DConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        return Windows.CheckImage(layer, TypeName, input)
            ? Windows.Slide(layer, TypeName, input, input[0], "PoolSize", config.PoolSize, config.Strides, Extent2D.Square(1), config.Padding)
            : ShapeResult.Failed;
    }

    protected override string? ModuleType(Pooling2DConfig config, TensorType? input) => "TorchSharp.Modules." + Module;

    protected override void EmitConstruction(ConstructionWriter writer, Pooling2DConfig config, TensorType input) =>
        writer.Create(config.PoolSize.IsSquare && config.Strides.IsSquare
            ? $"{TypeNames.Torch}.nn.{Module}({Format.Number(config.PoolSize.Height)}, stride: {Format.Number(config.Strides.Height)})"
            : $"{TypeNames.Torch}.nn.{Module}({config.PoolSize.Tuple}, stride: {config.Strides.Tuple})");

    protected override string Describe(Pooling2DConfig config, IReadOnlyList<string> inputs)
    {
        var text = TypeName + "(" + config.PoolSize;
        if (config.Strides != config.PoolSize)
        {
            text += ", Strides = " + config.Strides;
        }

        return (config.Padding == PaddingKind.Valid ? text : text + ", Same") + ")";
    }
}

/// <summary>MaxPooling2D: the largest value of each window.</summary>
internal sealed class MaxPooling2DLayer : Pooling2DLayer
{
    public override LayerKind Kind => LayerKind.MaxPooling2D;

    public override string TypeName => "MaxPooling2D";

    protected override string Module => "MaxPool2d";

    protected override string EmitCall(Pooling2DConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        config.Padding == PaddingKind.Same
            ? $"{TypeNames.Layers}.SamePadding.Apply({module}, {inputs[0]}, {Windows.WindowArguments(config.PoolSize, config.Strides)}, double.NegativeInfinity)"
            : base.EmitCall(config, module, inputs, input);
}

/// <summary>AveragePooling2D: the mean of each window.</summary>
internal sealed class AveragePooling2DLayer : Pooling2DLayer
{
    public override LayerKind Kind => LayerKind.AveragePooling2D;

    public override string TypeName => "AveragePooling2D";

    protected override string Module => "AvgPool2d";

    protected override string EmitCall(Pooling2DConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        config.Padding == PaddingKind.Same
            ? $"{TypeNames.Layers}.SamePadding.Average({module}, {inputs[0]}, {Windows.WindowArguments(config.PoolSize, config.Strides)})"
            : base.EmitCall(config, module, inputs, input);
}

/// <summary>GlobalAveragePooling2D and GlobalMaxPooling2D: one value per channel, (channels, height, width) to (channels).</summary>
internal abstract class GlobalPooling2DLayer : LayerRule<NoConfig>
{
    public override IReadOnlyList<ArgumentSpec> Arguments => new ArgumentSpec[0];

    protected override NoConfig ReadConfig(LayerContext layer) => NoConfig.Instance;

    protected override ShapeResult InferShape(LayerContext layer, NoConfig config, IReadOnlyList<TensorType> inputs) =>
        Windows.CheckImage(layer, TypeName, inputs[0]) ? inputs[0].WithDimensions(inputs[0][0]) : ShapeResult.Failed;

    protected override string? ModuleType(NoConfig config, TensorType? input) => "NetGen.Layers." + TypeName;

    protected override void EmitConstruction(ConstructionWriter writer, NoConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.{TypeName}()");

    protected override string Describe(NoConfig config, IReadOnlyList<string> inputs) => TypeName + "()";
}

/// <summary>GlobalAveragePooling2D: the mean of each channel.</summary>
internal sealed class GlobalAveragePooling2DLayer : GlobalPooling2DLayer
{
    public override LayerKind Kind => LayerKind.GlobalAveragePooling2D;

    public override string TypeName => "GlobalAveragePooling2D";
}

/// <summary>GlobalMaxPooling2D: the largest value of each channel.</summary>
internal sealed class GlobalMaxPooling2DLayer : GlobalPooling2DLayer
{
    public override LayerKind Kind => LayerKind.GlobalMaxPooling2D;

    public override string TypeName => "GlobalMaxPooling2D";
}
