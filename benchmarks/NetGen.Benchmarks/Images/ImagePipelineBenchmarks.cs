#if !NETGEN_BEFORE
using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using NetGen.Data.Images;
using SkiaSharp;

namespace NetGen.Benchmarks.Images;

/// <summary>
/// The image-folder pipeline alone: one epoch of the training subset (read, decode, augment with
/// rotation, shifts, shear, zoom and flip, rescale, label) drained as fast as the workers make it,
/// on 28x28 grayscale and 32x32 RGB PNG folders, with one and two workers, against the same epoch
/// without augmentation (read, decode, rescale, shuffle only). Each invocation is an
/// epoch of <see cref="ImageCount"/> images, so Mean is the time per image (images/s = 1e9 / Mean in ns).
/// </summary>
[MemoryDiagnoser]
public class ImagePipelineBenchmarks
{
    private const int ImageCount = 1024;
    private const int Classes = 8;

    private static readonly ImageAugmentation s_augmentation = new()
    {
        RotationRange = 20, WidthShiftRange = 0.1, HeightShiftRange = 0.1, ShearRange = 10, ZoomRange = 0.1, HorizontalFlip = true,
    };

    private string _root = null!;
    private ImageFolder _folder = null!;

    [Params("28x28 gray", "32x32 rgb")]
    public string Images { get; set; } = "";

    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rgb = Images.EndsWith("rgb", StringComparison.Ordinal);
        var size = rgb ? 32 : 28;
        _root = Directory.CreateTempSubdirectory("netgen-image-bench-").FullName;
        var random = new Random(7);
        for (var i = 0; i < ImageCount; i++)
        {
            WritePng(Path.Combine(_root, $"class{i % Classes}", $"{i:D5}.png"), size, rgb, random);
        }

        _folder = ImageFolder.Open(_root, new ImageFolderOptions
        {
            ImageSize = (size, size),
            ColorMode = rgb ? ColorMode.Rgb : ColorMode.Grayscale,
            Rescale = 1 / 255f,
            Seed = 1,
            Workers = Workers,
            PrefetchBatches = 4,
        });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(OperationsPerInvoke = ImageCount)]
    public long AugmentedEpoch()
    {
        long images = 0;
        foreach (var batch in _folder.Training(batchSize: 64, s_augmentation))
        {
            images += batch.Size;
        }

        return images;
    }

    [Benchmark(OperationsPerInvoke = ImageCount, Baseline = true)]
    public long PlainEpoch()
    {
        long images = 0;
        foreach (var batch in _folder.Training(batchSize: 64))
        {
            images += batch.Size;
        }

        return images;
    }

    private static void WritePng(string path, int size, bool rgb, Random random)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                var gray = (byte)random.Next(256);
                bitmap.SetPixel(column, row, rgb ? new SKColor((byte)random.Next(256), gray, (byte)random.Next(256)) : new SKColor(gray, gray, gray));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
#endif
