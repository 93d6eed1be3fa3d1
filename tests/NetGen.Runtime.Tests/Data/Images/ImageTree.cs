using System;
using System.IO;
using SkiaSharp;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>A temporary image folder the tests fill with PNG and JPEG files drawn pixel by pixel with SkiaSharp.</summary>
internal sealed class ImageTree : IDisposable
{
    public ImageTree() => Root = Directory.CreateTempSubdirectory("netgen-images-").FullName;

    public string Root { get; }

    /// <summary>Writes a gray image whose pixel (row, column) is <paramref name="value"/>(row, column).</summary>
    public string Gray(string relativePath, int height, int width, Func<int, int, byte> value) =>
        Rgb(relativePath, height, width, (row, column) => { var v = value(row, column); return (v, v, v); });

    /// <summary>Writes an RGB image: PNG, or JPEG (quality 100) or WebP by extension.</summary>
    public string Rgb(string relativePath, int height, int width, Func<int, int, (byte R, byte G, byte B)> value)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var (r, g, b) = value(row, column);
                bitmap.SetPixel(column, row, new SKColor(r, g, b));
            }
        }

        var format = Path.GetExtension(relativePath).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => SKEncodedImageFormat.Jpeg,
            ".webp" => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Png,
        };
        using var data = bitmap.Encode(format, 100);
        return WriteBytes(relativePath, data.ToArray());
    }

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A uniform gray square: <paramref name="count"/> of them per class, value per class.</summary>
    public void Classes(int count, int size, params (string Name, byte Value)[] classes)
    {
        foreach (var (name, value) in classes)
        {
            for (var i = 0; i < count; i++)
            {
                Gray($"{name}/{name}{i:D3}.png", size, size, (_, _) => value);
            }
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
