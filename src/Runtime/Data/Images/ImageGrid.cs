using System;
using System.IO;
using System.Runtime.InteropServices;
using NetGen.IO;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Writes a batch of images as one PNG grid, row by row (torchvision's <c>save_image</c> with
/// <c>make_grid</c>): reconstructions next to originals, a generator's samples, a decoder's
/// outputs over a grid of latent values.
/// </summary>
public static class ImageGrid
{
    /// <summary>
    /// Saves <paramref name="images"/> as a PNG grid of <paramref name="columns"/> images per row.
    /// The file is replaced whole (never left half-written), and its directory is created.
    /// </summary>
    /// <param name="images">
    /// Images shaped (N, C, H, W) with 1 (grey) or 3 (RGB) channels, or (N, H, W) for grey images,
    /// on any device and of any floating type, with values in [0, 1] (values outside are clamped).
    /// </param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="columns">Images per row; 0 puts them in the squarest grid that holds them all.</param>
    /// <param name="padding">Pixels between the images and around the grid.</param>
    /// <param name="scale">Each image pixel becomes <paramref name="scale"/> × <paramref name="scale"/> pixels (nearest neighbour), so 28 × 28 images stay readable.</param>
    /// <param name="paddingValue">The brightness of the padding, in [0, 1] (1 is white).</param>
    /// <returns>The grid's width and height in pixels.</returns>
    /// <exception cref="ArgumentException">The images are not shaped as described, are empty, are not floating point or contain NaN.</exception>
    public static (int Width, int Height) Save(Tensor images, string path, int columns = 0, int padding = 2, int scale = 1, double paddingValue = 1.0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var png = Encode(images, columns, padding, scale, paddingValue, out var width, out var height);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.Write(path, stream => stream.Write(png));
        return (width, height);
    }

    /// <summary>The PNG bytes <see cref="Save"/> writes.</summary>
    /// <inheritdoc cref="Save"/>
    public static byte[] Encode(Tensor images, int columns = 0, int padding = 2, int scale = 1, double paddingValue = 1.0) =>
        Encode(images, columns, padding, scale, paddingValue, out _, out _);

    private static byte[] Encode(Tensor images, int columns, int padding, int scale, double paddingValue, out int width, out int height)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        if (!(paddingValue >= 0 && paddingValue <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(paddingValue), paddingValue, "The padding's brightness must be in [0, 1].");
        }

        var shape = images.shape;
        if (shape.Length is not (3 or 4) || (shape.Length == 4 && shape[1] is not (1 or 3)))
        {
            throw new ArgumentException(
                $"Images must be shaped (N, C, H, W) with 1 or 3 channels, or (N, H, W); got {Shape.Format(shape)}. Reshape flat images first, e.g. x.view(-1, 1, 28, 28).",
                nameof(images));
        }

        if (!images.is_floating_point())
        {
            throw new ArgumentException($"Images must hold floating-point values in [0, 1]; got {images.dtype}.", nameof(images));
        }

        var count = shape[0];
        var channels = shape.Length == 4 ? (int)shape[1] : 1;
        var imageHeight = shape[^2];
        var imageWidth = shape[^1];
        if (count == 0 || imageHeight == 0 || imageWidth == 0)
        {
            throw new ArgumentException($"There is nothing to draw: the images are shaped {Shape.Format(shape)}.", nameof(images));
        }

        using var scope = NewDisposeScope();
        var pixels = images.detach().to(CPU).to_type(ScalarType.Float32).reshape(count, channels, imageHeight, imageWidth);
        if (pixels.isnan().any().item<bool>())
        {
            throw new ArgumentException("The images contain NaN; a network that diverged gives no picture.", nameof(images));
        }

        var perRow = columns > 0 ? Math.Min(columns, count) : (long)Math.Ceiling(Math.Sqrt(count));
        var rows = (count + perRow - 1) / perRow;
        var cellHeight = imageHeight * scale;
        var cellWidth = imageWidth * scale;
        var totalHeight = rows * cellHeight + (rows + 1) * padding;
        var totalWidth = perRow * cellWidth + (perRow + 1) * padding;
        if (totalHeight * totalWidth > int.MaxValue / 4)
        {
            throw new ArgumentException($"A grid of {rows} × {perRow} images of {cellHeight} × {cellWidth} pixels is too large for one PNG.", nameof(images));
        }

        var scaled = scale == 1 ? pixels : pixels.repeat_interleave(scale, 2).repeat_interleave(scale, 3);
        using var background = paddingValue.ToScalar();
        var grid = full([channels, totalHeight, totalWidth], background, ScalarType.Float32);
        for (long i = 0; i < count; i++)
        {
            var top = padding + (i / perRow) * (cellHeight + padding);
            var left = padding + (i % perRow) * (cellWidth + padding);
            grid[TensorIndex.Colon, TensorIndex.Slice(top, top + cellHeight), TensorIndex.Slice(left, left + cellWidth)] = scaled[i];
        }

        // Rounded to the nearest of 256 levels, as an 8-bit PNG stores them; RGBA for colour.
        using var zero = 0.ToScalar();
        using var levels = 255.ToScalar();
        var bytes = grid.clamp(zero, Scalars.One).mul(levels).round().to_type(ScalarType.Byte);
        var interleaved = channels == 1
            ? bytes[0]
            : cat([bytes, full([1, totalHeight, totalWidth], levels, ScalarType.Byte)], 0).permute(1, 2, 0);
        var data = interleaved.contiguous().data<byte>().ToArray();

        width = (int)totalWidth;
        height = (int)totalHeight;
        var info = new SKImageInfo(width, height, channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var bytesPerPixel = channels == 1 ? 1 : 4;
        var rowBytes = width * bytesPerPixel;
        var target = bitmap.GetPixels();
        for (var row = 0; row < height; row++)
        {
            Marshal.Copy(data, row * rowBytes, target + row * bitmap.RowBytes, rowBytes);
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the grid as PNG.");
        return encoded.ToArray();
    }
}
