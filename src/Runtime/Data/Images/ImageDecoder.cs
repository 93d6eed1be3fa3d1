using System;
using System.IO;
using SkiaSharp;

namespace NetGen.Data.Images;

/// <summary>
/// Reads image files with SkiaSharp into channels-first bytes: decoded as 8-bit RGBA (alpha not
/// premultiplied, so colours are the file's), resized to the target size, then reduced to RGB or
/// to one gray channel. Every failure is an <see cref="UnreadableImageException"/> naming the file.
/// </summary>
internal sealed class ImageDecoder
{
    private readonly int _height;
    private readonly int _width;
    private readonly ColorMode _colorMode;
    private readonly SKSamplingOptions _sampling;

    public ImageDecoder(int height, int width, ColorMode colorMode, ImageInterpolation interpolation)
    {
        _height = height;
        _width = width;
        _colorMode = colorMode;
        _sampling = interpolation switch
        {
            ImageInterpolation.Nearest => new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None),
            ImageInterpolation.Bilinear => new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None),
            ImageInterpolation.Bicubic => new SKSamplingOptions(SKCubicResampler.CatmullRom),
            _ => throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "Unknown interpolation."),
        };
    }

    public int Channels => _colorMode == ColorMode.Rgb ? 3 : 1;

    /// <summary>Values per image: channels x height x width.</summary>
    public int ImageLength => Channels * _height * _width;

    /// <summary>
    /// Checks that <paramref name="path"/> opens and has an image header SkiaSharp can decode,
    /// without decoding the pixels; the problem, or null.
    /// </summary>
    public static string? ProbeHeader(string path)
    {
        try
        {
            // SkiaSharp owns (and on failure disposes) the stream it is given.
            var stream = File.OpenRead(path);
            var length = stream.Length;
            using var codec = SKCodec.Create(stream, out var result);
            return codec is null ? DescribeHeader(result, length) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "the file cannot be read (" + e.Message + ")";
        }
    }

    /// <summary>Decodes <paramref name="path"/> into <paramref name="destination"/> (channels, height, width) as bytes 0-255 in floats.</summary>
    public void Decode(string path, Span<float> destination)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableImageException(path, "the file cannot be read (" + e.Message + ")", e);
        }

        using var decoded = DecodeRgba(path, data);
        using var resized = decoded.Width == _width && decoded.Height == _height ? null : Resize(path, decoded);
        var pixels = (resized ?? decoded).GetPixelSpan();
        Planarize(pixels, destination);
    }

    private SKBitmap DecodeRgba(string path, byte[] data)
    {
        using var stream = new MemoryStream(data, writable: false);
        using var codec = SKCodec.Create(stream, out var created);
        if (codec is null)
        {
            throw new UnreadableImageException(path, DescribeHeader(created, data.Length));
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new UnreadableImageException(path, DescribePixels(result));
        }

        return bitmap;
    }

    private SKBitmap Resize(string path, SKBitmap decoded)
    {
        var target = new SKImageInfo(_width, _height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return decoded.Resize(target, _sampling)
            ?? throw new UnreadableImageException(path, $"SkiaSharp could not resize it from {decoded.Width}x{decoded.Height} to {_width}x{_height}");
    }

    /// <summary>Interleaved RGBA to planar RGB, or to one ITU-R 601-2 luma plane rounded as PIL does.</summary>
    private void Planarize(ReadOnlySpan<byte> rgba, Span<float> destination)
    {
        var plane = _height * _width;
        if (_colorMode == ColorMode.Rgb)
        {
            for (var i = 0; i < plane; i++)
            {
                destination[i] = rgba[4 * i];
                destination[plane + i] = rgba[(4 * i) + 1];
                destination[(2 * plane) + i] = rgba[(4 * i) + 2];
            }
        }
        else
        {
            for (var i = 0; i < plane; i++)
            {
                destination[i] = ((rgba[4 * i] * 299) + (rgba[(4 * i) + 1] * 587) + (rgba[(4 * i) + 2] * 114) + 500) / 1000;
            }
        }
    }

    private static string DescribeHeader(SKCodecResult result, long length) => length == 0
        ? "the file is empty"
        : "it is not a PNG, JPEG, BMP, GIF or WebP image, or its header is cut short (SkiaSharp: " + result + ")";

    private static string DescribePixels(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "the data is truncated (SkiaSharp: IncompleteInput)",
        SKCodecResult.ErrorInInput => "the data is corrupt (SkiaSharp: ErrorInInput)",
        _ => "SkiaSharp could not decode its pixels (" + result + ")",
    };
}
