using System;
using System.Collections.Generic;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace NetGen.Data.Images;

/// <summary>
/// Applies each image's <see cref="AffineParameters"/>: the geometric part as one bilinear warp
/// of the decoded pixels, then TorchVision's horizontal flip on the images drawn for it.
/// </summary>
/// <remarks>
/// <para>
/// As SciPy's <c>affine_transform</c> (order 1) under Keras: each output pixel takes the four
/// input pixels around the point it maps to, weighted bilinearly; a neighbour outside the image is
/// the fill value (constant) or the pixel the fill mode names, so a move by whole pixels is exact.
/// </para>
/// <para>
/// Why not TorchVision's affine transform: it takes one shift, scale and shear for a whole batch,
/// one zoom factor for both axes, and fills with a constant only, where Keras draws per image,
/// zooms each axis on its own and also fills with the nearest, reflected or wrapped pixel. Why not
/// <c>grid_sample</c>: its [-1, 1] grid makes whole-pixel moves inexact, its padding has no wrap,
/// and on a worker thread every libtorch operation over a batch starts an OpenMP team that competes
/// with training for the cores; this loop over a few thousand pixels per image costs microseconds.
/// The flip runs per image, on tensors below libtorch's parallel grain, for the same reason.
/// </para>
/// </remarks>
internal static class AffineWarp
{
    /// <summary>
    /// Warps image <paramref name="index"/> of <paramref name="pixels"/> ((N, C, H, W) values)
    /// in place; nothing happens when its parameters leave the geometry alone.
    /// </summary>
    public static void Warp(Span<float> pixels, int index, int channels, int height, int width, AffineParameters parameters, FillMode fillMode, float fillValue)
    {
        if (parameters.IsIdentityWarp)
        {
            return;
        }

        var plane = height * width;
        var image = pixels.Slice(index * channels * plane, channels * plane);
        var source = image.ToArray();
        var m = parameters.SourceMatrix(height, width);
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var x = (m[0] * column) + (m[1] * row) + m[2];
                var y = (m[3] * column) + (m[4] * row) + m[5];
                var left = (int)Math.Floor(x);
                var top = (int)Math.Floor(y);
                var wx = (float)(x - left);
                var wy = (float)(y - top);
                for (var channel = 0; channel < channels; channel++)
                {
                    var input = source.AsSpan(channel * plane, plane);
                    var value =
                        (Pixel(input, left, top, height, width, fillMode, fillValue) * (1 - wx) * (1 - wy)) +
                        (Pixel(input, left + 1, top, height, width, fillMode, fillValue) * wx * (1 - wy)) +
                        (Pixel(input, left, top + 1, height, width, fillMode, fillValue) * (1 - wx) * wy) +
                        (Pixel(input, left + 1, top + 1, height, width, fillMode, fillValue) * wx * wy);
                    image[(channel * plane) + (row * width) + column] = value;
                }
            }
        }
    }

    /// <summary>Mirrors, left to right, the images of the batch whose parameters ask for it (TorchVision's <c>hflip</c>).</summary>
    public static void FlipHorizontally(Tensor images, IReadOnlyList<AffineParameters> parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Flip)
            {
                using var image = images[i];
                using var mirrored = transforms.functional.hflip(image);
                image.copy_(mirrored);
            }
        }
    }

    /// <summary>
    /// The pixel at (<paramref name="column"/>, <paramref name="row"/>), which may be outside the
    /// image: constant kkkk|abcd|kkkk, nearest aaaa|abcd|dddd, reflect dcba|abcd|dcba, wrap abcd|abcd|abcd.
    /// </summary>
    private static float Pixel(ReadOnlySpan<float> plane, int column, int row, int height, int width, FillMode fillMode, float fillValue)
    {
        if (column >= 0 && column < width && row >= 0 && row < height)
        {
            return plane[(row * width) + column];
        }

        if (fillMode == FillMode.Constant)
        {
            return fillValue;
        }

        return plane[(Resolve(row, height, fillMode) * width) + Resolve(column, width, fillMode)];
    }

    private static int Resolve(int index, int size, FillMode fillMode)
    {
        switch (fillMode)
        {
            case FillMode.Reflect:
            {
                var folded = Modulo(index, 2 * size);
                return folded < size ? folded : (2 * size) - 1 - folded;
            }

            case FillMode.Wrap:
                return Modulo(index, size);

            default:
                return Math.Clamp(index, 0, size - 1);
        }
    }

    private static int Modulo(int value, int divisor) => ((value % divisor) + divisor) % divisor;
}
