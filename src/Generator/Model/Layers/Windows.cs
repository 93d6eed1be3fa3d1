using System;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>
/// The sliding-window arithmetic convolutions and pooling share, with PyTorch's formulas: a
/// window of <c>k</c> values dilated by <c>d</c> spans <c>(k - 1) d + 1</c>; <c>Valid</c> gives
/// <c>floor((input - span) / stride) + 1</c>, <c>Same</c> gives <c>ceil(input / stride)</c> (Keras).
/// </summary>
internal static class Windows
{
    /// <summary>How many input values one window covers, dilation included.</summary>
    public static long Span(int window, int dilation) => ((long)(window - 1) * dilation) + 1;

    /// <summary>The output size along one axis, or 0 when the window does not fit the input.</summary>
    public static long OutputSize(long input, int window, int stride, int dilation, PaddingKind padding)
    {
        if (padding == PaddingKind.Same)
        {
            return (input + stride - 1) / stride;
        }

        var span = Span(window, dilation);
        return input < span ? 0 : ((input - span) / stride) + 1;
    }

    /// <summary>
    /// Whether <c>Same</c> padding must be done at run time (<c>NetGen.Layers.SamePadding</c>):
    /// TorchSharp pads both sides alike, which is Keras's padding only for a stride of 1 and an odd span.
    /// </summary>
    public static bool PadsAtRunTime(PaddingKind padding, int window, int stride, int dilation) =>
        padding == PaddingKind.Same && (stride != 1 || (Span(window, dilation) - 1) % 2 != 0);

    /// <summary>Whether <see cref="PadsAtRunTime(PaddingKind, int, int, int)"/> holds along either axis of an image.</summary>
    public static bool PadsAtRunTime(PaddingKind padding, Extent2D window, Extent2D stride, Extent2D dilation) =>
        PadsAtRunTime(padding, window.Height, stride.Height, dilation.Height) || PadsAtRunTime(padding, window.Width, stride.Width, dilation.Width);

    /// <summary>How many input values one window covers along each axis, dilation included.</summary>
    public static Extent2D Span(Extent2D window, Extent2D dilation) => new((int)Span(window.Height, dilation.Height), (int)Span(window.Width, dilation.Width));

    /// <summary>
    /// The output image type of a window over an image input, or a failure reported at the layer:
    /// the input must be (channels, height, width), and the window must fit it.
    /// </summary>
    public static ShapeResult Slide(LayerContext layer, string typeName, TensorType input, Dimension channels, string windowArgument, Extent2D window, Extent2D stride, Extent2D dilation, PaddingKind padding)
    {
        var sides = new[] { input[1], input[2] };
        if (sides.Any(static side => !side.IsKnown))
        {
            if (padding == PaddingKind.Same && stride == Extent2D.Square(1))
            {
                return input.WithDimensions(channels, input[1], input[2]);
            }

            return ShapeResult.Dynamic(typeName + " of " + input + " depends on " + Format.Quoted(sides.Where(static s => !s.IsKnown).Select(static s => s.Name!)));
        }

        var height = OutputSize(input[1].Size, window.Height, stride.Height, dilation.Height, padding);
        var width = OutputSize(input[2].Size, window.Width, stride.Width, dilation.Width, padding);
        if (height < 1 || width < 1)
        {
            var span = Span(window, dilation);
            var dilated = dilation == Extent2D.Square(1) ? string.Empty : $" (with DilationRate {dilation} it spans {span})";
            var limit = window.IsSquare
                ? $"at most {Format.Number(Math.Min(input[1].Size, input[2].Size))}, the smaller side of its input {input}{dilated}"
                : $"at most ({Format.Number(input[1].Size)}, {Format.Number(input[2].Size)}), the (height, width) of its input {input}{dilated}";
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Attribute, windowArgument, layer.Name, limit, window.ToString());
            return ShapeResult.Failed;
        }

        return input.WithDimensions(channels, Dimension.Known((int)height), Dimension.Known((int)width));
    }

    /// <summary>
    /// The window and stride arguments of <c>NetGen.Layers.SamePadding</c>: <c>3, 2</c> when both are
    /// square, else <c>3, 5, 2, 1</c> (window height and width, stride height and width).
    /// </summary>
    public static string WindowArguments(Extent2D window, Extent2D stride) =>
        window.IsSquare && stride.IsSquare
            ? Format.Number(window.Height) + ", " + Format.Number(stride.Height)
            : string.Join(", ", new[] { window.Height, window.Width, stride.Height, stride.Width }.Select(Format.Number));

    /// <summary>Reports a rank other than (channels, height, width); true when the rank is right.</summary>
    public static bool CheckImage(LayerContext layer, string typeName, TensorType input)
    {
        if (input.Rank == 3)
        {
            return true;
        }

        var hint = input.Rank == 1
            ? "; a flat vector must be reshaped first, e.g. Reshape(1, 28, 28)"
            : input.Rank == 2 ? "; an (height, width) image needs a channel axis first, e.g. Reshape(1, height, width)" : string.Empty;
        layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, typeName, layer.Name, input.ToString(), "(channels, height, width)" + hint);
        return false;
    }

    /// <summary>Reports a non-positive size argument; the value is used as 1 afterwards.</summary>
    public static int Positive(ArgumentReader arguments, LayerContext layer, string argument, string property)
    {
        var value = arguments.Int(argument);
        if (value > 0)
        {
            return value;
        }

        arguments.Report(ProblemKind.InvalidLayerHyperparameter, argument, -1, property, layer.Name, "a positive number", Format.Number(value));
        return 1;
    }
}
