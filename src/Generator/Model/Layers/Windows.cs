using System;
using System.Collections.Generic;
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
            var size = Format.Number(window.Height) + "x" + Format.Number(window.Width)
                + (dilation == Extent2D.Square(1) ? string.Empty : " (spanning " + Format.Number(span.Height) + "x" + Format.Number(span.Width) + " with DilationRate " + dilation + ")");
            layer.Report(ProblemKind.WindowLargerThanInput, layer.Attribute, typeName, layer.Name, size, input.ToString(), layer.SpatialTrace());
            return ShapeResult.Failed;
        }

        if (padding == PaddingKind.Valid)
        {
            ReportDroppedEdge(layer, typeName, input, Span(window, dilation), stride, height, width);
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

    /// <summary>
    /// NG0113: with <c>Valid</c> padding, the last <c>(input - span) % stride</c> rows (or columns)
    /// fit no window, so nothing after the layer ever sees them.
    /// </summary>
    private static void ReportDroppedEdge(LayerContext layer, string typeName, TensorType input, Extent2D span, Extent2D stride, long height, long width)
    {
        // With a stride beyond the span, rows between windows go unread anyway (NG0115, or by
        // design for a 1x1 window): a tail no longer than that gap is nothing special.
        var rows = UnreadTail(input[1].Size, span.Height, stride.Height);
        var columns = UnreadTail(input[2].Size, span.Width, stride.Width);
        if (rows == 0 && columns == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (rows > 0)
        {
            parts.Add(rows == 1 ? "row" : Format.Number(rows) + " rows");
        }

        if (columns > 0)
        {
            parts.Add(columns == 1 ? "column" : Format.Number(columns) + " columns");
        }

        layer.Report(ProblemKind.WindowDropsEdge, layer.Attribute, typeName, layer.Name, "the last " + string.Join(" and the last ", parts), input.ToString(), "(" + Format.Number(height) + ", " + Format.Number(width) + ")");
    }

    /// <summary>
    /// How many values at the end of an axis of <paramref name="size"/> no <c>Valid</c> window reads;
    /// 0 when that tail is no longer than the gap a stride beyond the span leaves between windows
    /// anyway (NG0115, or by design for a one-value window).
    /// </summary>
    public static long UnreadTail(long size, long span, int stride)
    {
        var tail = (size - span) % stride;
        return tail > Math.Max(0, stride - span) ? tail : 0;
    }

    /// <summary>NG0114: a convolution kernel of even size (along either axis) has no centre pixel.</summary>
    public static void ReportEvenKernel(LayerContext layer, string typeName, string argument, Extent2D kernelSize)
    {
        if (kernelSize.Height % 2 == 0 || kernelSize.Width % 2 == 0)
        {
            layer.Report(ProblemKind.EvenKernelSize, layer.Argument(argument), typeName, layer.Name, kernelSize.ToString());
        }
    }

    /// <summary>
    /// NG0115: a stride longer than the window's span (along either axis) skips values no window
    /// covers; reported at <paramref name="argument"/>, <c>Strides</c> or <c>StridesPerAxis</c>. An
    /// axis the window covers with one value is exempt: a strided 1x1 convolution subsamples by
    /// design (ResNet's projection shortcut).
    /// </summary>
    public static void ReportStrideBeyondWindow(LayerContext layer, string typeName, Extent2D window, Extent2D stride, Extent2D dilation, string argument = "Strides")
    {
        var span = Span(window, dilation);
        foreach (var (axisStride, axisSpan) in new[] { (stride.Height, span.Height), (stride.Width, span.Width) })
        {
            if (axisStride > axisSpan && axisSpan > 1)
            {
                layer.Report(ProblemKind.StrideLargerThanWindow, layer.Argument(argument), typeName, layer.Name, Format.Number(axisStride), Format.Number(axisSpan), Format.Number(axisStride - axisSpan));
                return;
            }
        }
    }

    /// <summary>
    /// <see cref="CheckImage"/>, and a channel count known at compile time, which a layer with
    /// weights over the channels (a convolution, a backbone) needs; true when both hold.
    /// </summary>
    public static bool CheckImageWithChannels(LayerContext layer, string typeName, TensorType input)
    {
        if (!CheckImage(layer, typeName, input))
        {
            return false;
        }

        if (!input[0].IsKnown)
        {
            layer.Report(ProblemKind.UnknownDimension, layer.Attribute, typeName, layer.Name, "the number of channels of its input", "it is '" + input[0] + "' in " + input);
            return false;
        }

        return true;
    }

    /// <summary>Reports a rank other than (channels, height, width); true when the rank is right.</summary>
    public static bool CheckImage(LayerContext layer, string typeName, TensorType input)
    {
        if (input.Rank == 3)
        {
            return true;
        }

        if (input.Rank is 1 or 2)
        {
            var hint = input.Rank == 1
                ? "a flat vector must be reshaped into an image first: " + ReshapeHint(input[0])
                : "an (height, width) image needs a channel axis first: [Reshape(1, " + input[0] + ", " + input[1] + ")]";
            layer.Report(ProblemKind.MissingChannelAxis, layer.Attribute, typeName, layer.Name, input.ToString(), hint);
            return false;
        }

        layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, typeName, layer.Name, input.ToString(), "(channels, height, width)");
        return false;
    }

    /// <summary>The Reshape that turns a flat vector of <paramref name="size"/> values into a square image, when there is one.</summary>
    private static string ReshapeHint(Dimension size)
    {
        if (size.IsKnown)
        {
            foreach (var channels in new[] { 1, 3 })
            {
                var side = (long)Math.Round(Math.Sqrt(size.Size / (double)channels));
                if (side * side * channels == size.Size)
                {
                    return "[Reshape(" + Format.Number(channels) + ", " + Format.Number(side) + ", " + Format.Number(side) + ")]";
                }
            }
        }

        return "[Reshape(channels, height, width)] with as many values as it has";
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
