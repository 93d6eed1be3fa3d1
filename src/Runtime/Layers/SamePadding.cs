using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Keras's <c>padding="same"</c> where TorchSharp's modules cannot express it (a stride above 1,
/// or an even window): pads the (batch, channels, height, width) input so that the output has
/// <c>ceil(input / stride)</c> rows and columns, the odd pixel at the bottom and right, then runs
/// the module, which pads nothing itself.
/// </summary>
public static class SamePadding
{
    /// <summary>Padding before and after one axis of <paramref name="size"/> values for a window of <paramref name="window"/> (dilated) values.</summary>
    public static (long Before, long After) Pads(long size, int window, int stride)
    {
        var output = (size + stride - 1) / stride;
        var total = Math.Max(((output - 1) * stride) + window - size, 0);
        return (total / 2, total - (total / 2));
    }

    /// <summary>
    /// The convolution (or max pooling) <paramref name="module"/> on <paramref name="input"/>
    /// padded with <paramref name="fill"/>: zeros for a convolution, negative infinity for max pooling.
    /// </summary>
    public static Tensor Apply(nn.Module<Tensor, Tensor> module, Tensor input, int window, int stride, double fill = 0) =>
        Apply(module, input, window, window, stride, stride, fill);

    /// <summary>
    /// <see cref="Apply(nn.Module{Tensor, Tensor}, Tensor, int, int, double)"/> for a window or
    /// stride that differs down and across: (<paramref name="windowHeight"/>, <paramref name="windowWidth"/>)
    /// moved by (<paramref name="strideHeight"/>, <paramref name="strideWidth"/>).
    /// </summary>
    public static Tensor Apply(nn.Module<Tensor, Tensor> module, Tensor input, int windowHeight, int windowWidth, int strideHeight, int strideWidth, double fill = 0)
    {
        var (top, bottom) = Pads(input.size(2), windowHeight, strideHeight);
        var (left, right) = Pads(input.size(3), windowWidth, strideWidth);
        if (top + bottom + left + right == 0)
        {
            return module.call(input);
        }

        using var padded = nn.functional.pad(input, [left, right, top, bottom], PaddingModes.Constant, fill);
        return module.call(padded);
    }

    /// <summary>
    /// Average pooling with Keras's <c>"same"</c> semantics: each window's mean over the input
    /// values it covers, the padding neither added nor counted.
    /// </summary>
    public static Tensor Average(nn.Module<Tensor, Tensor> pool, Tensor input, int window, int stride) =>
        Average(pool, input, window, window, stride, stride);

    /// <summary><see cref="Average(nn.Module{Tensor, Tensor}, Tensor, int, int)"/> for a window or stride that differs down and across.</summary>
    public static Tensor Average(nn.Module<Tensor, Tensor> pool, Tensor input, int windowHeight, int windowWidth, int strideHeight, int strideWidth)
    {
        var (top, bottom) = Pads(input.size(2), windowHeight, strideHeight);
        var (left, right) = Pads(input.size(3), windowWidth, strideWidth);
        if (top + bottom + left + right == 0)
        {
            return pool.call(input);
        }

        using var scope = NewDisposeScope();
        var padded = nn.functional.pad(input, [left, right, top, bottom]);
        var covered = nn.functional.pad(ones([1, 1, input.size(2), input.size(3)], input.dtype, input.device), [left, right, top, bottom]);
        return pool.call(padded).div_(pool.call(covered)).MoveToOuterDisposeScope();
    }
}
