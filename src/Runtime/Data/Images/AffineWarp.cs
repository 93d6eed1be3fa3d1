using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;
using static TorchSharp.torchvision;

namespace NetGen.Data.Images;

/// <summary>
/// Applies each image's <see cref="AffineParameters"/> to a batch (N, C, H, W): one bilinear warp
/// for the geometric part, then TorchVision's horizontal flip. TorchVision's affine transform is not
/// used: it takes one shift, scale and shear for a whole batch, one zoom factor for both axes, and
/// fills with a constant only, where Keras draws per image, zooms each axis on its own and also
/// fills with the nearest, reflected or wrapped pixel. Nor is <c>grid_sample</c>: its [-1, 1] grid
/// makes whole-pixel moves inexact and its padding has no wrap.
/// </summary>
/// <remarks>
/// As SciPy's <c>affine_transform</c> (order 1) under Keras: each output pixel takes the four
/// input pixels around the point it maps to, weighted bilinearly; a neighbour outside the image is
/// the fill value (constant) or the pixel the fill mode names, so a move by whole pixels is exact.
/// </remarks>
internal static class AffineWarp
{
    public static Tensor Apply(Tensor images, IReadOnlyList<AffineParameters> parameters, FillMode fillMode, double fillValue)
    {
        var (count, height, width) = ((int)images.shape[0], (int)images.shape[2], (int)images.shape[3]);
        var result = images;
        if (parameters.Any(static p => !p.IsIdentityWarp))
        {
            result = Warp(images, parameters, fillMode, fillValue, height, width);
        }

        var flipped = Enumerable.Range(0, count).Where(i => parameters[i].Flip).Select(static i => (long)i).ToArray();
        if (flipped.Length > 0)
        {
            using var index = tensor(flipped, ScalarType.Int64, result.device);
            using var selected = result.index_select(0, index);
            using var mirrored = transforms.functional.hflip(selected);
            result = result.index_copy(0, index, mirrored);
        }

        return result;
    }

    private static Tensor Warp(Tensor images, IReadOnlyList<AffineParameters> parameters, FillMode fillMode, double fillValue, int height, int width)
    {
        var (count, channels) = (parameters.Count, images.shape[1]);
        var matrices = new double[count * 6];
        for (var i = 0; i < count; i++)
        {
            parameters[i].SourceMatrix(height, width).CopyTo(matrices, i * 6);
        }

        // The input point of every output pixel, (N, H*W) each, in pixels (x = column, y = row).
        using var scope = NewDisposeScope();
        var affine = tensor(matrices, [count, 2, 3], ScalarType.Float64, images.device);
        var rows = arange(height, ScalarType.Float64, images.device).view(height, 1).expand(height, width).reshape(1, -1);
        var columns = arange(width, ScalarType.Float64, images.device).view(1, width).expand(height, width).reshape(1, -1);
        var x = (affine[.., 0, 0].unsqueeze(1) * columns) + (affine[.., 0, 1].unsqueeze(1) * rows) + affine[.., 0, 2].unsqueeze(1);
        var y = (affine[.., 1, 0].unsqueeze(1) * columns) + (affine[.., 1, 1].unsqueeze(1) * rows) + affine[.., 1, 2].unsqueeze(1);

        var x0 = x.floor();
        var y0 = y.floor();
        var wx = (x - x0).to_type(images.dtype).unsqueeze(1);
        var wy = (y - y0).to_type(images.dtype).unsqueeze(1);
        var left = x0.to_type(ScalarType.Int64);
        var top = y0.to_type(ScalarType.Int64);
        var flat = images.reshape(count, channels, height * width);

        Tensor Pixel(Tensor column, Tensor row)
        {
            var (c, cInside) = Resolve(column, width, fillMode);
            var (r, rInside) = Resolve(row, height, fillMode);
            var index = ((r * width) + c).unsqueeze(1).expand(count, channels, height * width);
            var values = flat.gather(2, index);
            return fillMode == FillMode.Constant ? where((cInside & rInside).unsqueeze(1), values, fillValue) : values;
        }

        var warped =
            (Pixel(left, top) * (1 - wx) * (1 - wy)) +
            (Pixel(left + 1, top) * wx * (1 - wy)) +
            (Pixel(left, top + 1) * (1 - wx) * wy) +
            (Pixel(left + 1, top + 1) * wx * wy);
        return warped.reshape(count, channels, height, width).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A pixel index, possibly outside [0, size), as the index the fill mode reads (and, for the
    /// constant mode, whether it was inside): nearest aaaa|abcd|dddd, reflect dcba|abcd|dcba,
    /// wrap abcd|abcd|abcd.
    /// </summary>
    private static (Tensor Index, Tensor Inside) Resolve(Tensor index, int size, FillMode fillMode)
    {
        var inside = index.ge(0) & index.lt(size);
        switch (fillMode)
        {
            case FillMode.Reflect:
            {
                var folded = remainder(index, 2 * size);
                return (where(folded.lt(size), folded, (2 * size) - 1 - folded), inside);
            }

            case FillMode.Wrap:
                return (remainder(index, size), inside);

            default:
                // Nearest reads the edge; constant reads anything valid and is replaced by the value.
                return (index.clamp(0, size - 1), inside);
        }
    }
}
