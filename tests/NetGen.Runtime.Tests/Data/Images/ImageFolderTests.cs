using System;
using System.IO;
using System.Linq;
using NetGen.Data.Images;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>Classes from folder names, the file list, decoding, resizing, rescaling and labels.</summary>
public sealed class ImageFolderTests
{
    [Fact]
    public void ClassesAreTheSubFoldersInOrdinalOrderAndLabelTheirFiles()
    {
        using var tree = new ImageTree();
        tree.Gray("dog/b.png", 4, 4, (_, _) => 1);
        tree.Gray("Cat/a.png", 4, 4, (_, _) => 2);
        tree.Gray("cat/nested/c.jpg", 4, 4, (_, _) => 3);
        tree.Gray("cat/a.png", 4, 4, (_, _) => 4);
        tree.WriteBytes("cat/notes.txt", [1, 2, 3]);

        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (4, 4) });

        Assert.Equal(["Cat", "cat", "dog"], folder.ClassNames);
        Assert.Equal(
            [("Cat/a.png", 0), ("cat/a.png", 1), ("cat/nested/c.jpg", 1), ("dog/b.png", 2)],
            folder.Files.Select(f => (Path.GetRelativePath(tree.Root, f.Path), f.Label)));
    }

    [Fact]
    public void ClassNamesGivenInTheOptionsChooseAndOrderTheClasses()
    {
        using var tree = new ImageTree();
        tree.Classes(2, 4, ("a", 10), ("b", 20), ("c", 30));

        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (4, 4), ClassNames = ["c", "a"] });

        Assert.Equal(["c", "a"], folder.ClassNames);
        Assert.Equal([0, 0, 1, 1], folder.Files.Select(f => f.Label));
        Assert.All(folder.Files.Take(2), f => Assert.Contains("/c/", f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void BatchesAreChannelsFirstFloatImagesWithInt64LabelsAndAKnownCount()
    {
        using var tree = new ImageTree();
        tree.Classes(3, 5, ("a", 10), ("b", 20));
        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (5, 5), ColorMode = ColorMode.Grayscale });

        var batches = folder.All(batchSize: 4);
        var shapes = batches.Select(b => (Shape(b.Inputs[0]), b.Inputs[0].dtype, Shape(b.Targets[0]), b.Targets[0].dtype)).ToList();

        Assert.Equal(2, batches.Count);
        Assert.Equal(
            [("4x1x5x5", ScalarType.Float32, "4", ScalarType.Int64), ("2x1x5x5", ScalarType.Float32, "2", ScalarType.Int64)],
            shapes);
    }

    [Fact]
    public void PixelValuesAreTheFilesBytesTimesTheRescaleFactorInRgbOrder()
    {
        using var tree = new ImageTree();
        tree.Rgb("x/one.png", 2, 3, (row, column) => ((byte)(10 * row + column), (byte)(100 + column), (byte)(200 + row)));
        var options = new ImageFolderOptions { ImageSize = (2, 3), Rescale = 1 / 255f, DisposeBatches = false };

        var batch = ImageFolder.Open(tree.Root, options).All().Single();

        float[] expected =
        [
            0, 1, 2, 10, 11, 12,            // red
            100, 101, 102, 100, 101, 102,   // green
            200, 200, 200, 201, 201, 201,   // blue
        ];
        Assert.Equal(expected.Select(v => v * (1 / 255f)), batch.Inputs[0].data<float>().ToArray());
    }

    [Fact]
    public void GrayscaleIsTheRoundedLumaOfTheColours()
    {
        using var tree = new ImageTree();
        tree.Rgb("x/colours.png", 1, 4, (_, column) => column switch
        {
            0 => ((byte)255, (byte)0, (byte)0),
            1 => ((byte)0, (byte)255, (byte)0),
            2 => ((byte)0, (byte)0, (byte)255),
            _ => ((byte)77, (byte)77, (byte)77),
        });

        using var image = ImageFolder.LoadImage(Path.Combine(tree.Root, "x/colours.png"), new ImageFolderOptions { ImageSize = (1, 4), ColorMode = ColorMode.Grayscale });

        Assert.Equal([1L, 1, 1, 4], image.shape);
        Assert.Equal([76f, 150f, 29f, 77f], image.data<float>().ToArray());
    }

    [Fact]
    public void ImagesAreResizedToTheTargetSizeWithTheChosenInterpolation()
    {
        using var tree = new ImageTree();
        var path = tree.Gray("x/checker.png", 2, 2, (row, column) => (byte)(row == column ? 200 : 0));

        using var nearest = ImageFolder.LoadImage(path, new ImageFolderOptions { ImageSize = (4, 4), ColorMode = ColorMode.Grayscale, Interpolation = ImageInterpolation.Nearest });
        using var bilinear = ImageFolder.LoadImage(path, new ImageFolderOptions { ImageSize = (4, 4), ColorMode = ColorMode.Grayscale, Interpolation = ImageInterpolation.Bilinear });

        Assert.Equal(
            [200f, 200, 0, 0, 200, 200, 0, 0, 0, 0, 200, 200, 0, 0, 200, 200],
            nearest.data<float>().ToArray());
        Assert.Equal([1L, 1, 4, 4], bilinear.shape);
        var blended = bilinear.data<float>().ToArray();
        Assert.Contains(blended, v => v is > 0 and < 200);
        Assert.Equal(200f, blended[0]);
    }

    [Theory]
    [InlineData("png", 0)]
    [InlineData("jpg", 12)]
    [InlineData("webp", 12)]
    [InlineData("bmp", 0)]
    public void EachFormatDecodesToThePixelsWritten(string extension, int tolerance)
    {
        using var tree = new ImageTree();
        // Four blocks of brightness with one tint: lossy formats keep the chroma they would blur at colour edges.
        Func<int, int, (byte, byte, byte)> colour = (row, column) =>
        {
            var v = (row < 4 ? 150 : 60) + (column < 4 ? 40 : 0);
            return ((byte)(v + 30), (byte)v, (byte)(v - 30));
        };
        var path = extension == "bmp"
            ? tree.WriteBytes("x/image.bmp", Bmp(8, 8, colour))
            : tree.Rgb($"x/image.{extension}", 8, 8, colour);

        using var image = ImageFolder.LoadImage(path, new ImageFolderOptions { ImageSize = (8, 8) });

        var pixels = image.data<float>().ToArray();
        for (var i = 0; i < 64; i++)
        {
            var (r, g, b) = colour(i / 8, i % 8);
            Assert.InRange(pixels[i], r - tolerance, r + tolerance);
            Assert.InRange(pixels[64 + i], g - tolerance, g + tolerance);
            Assert.InRange(pixels[128 + i], b - tolerance, b + tolerance);
        }
    }

    [Fact]
    public void LoadImageIsTheImageABatchHolds()
    {
        using var tree = new ImageTree();
        var path = tree.Rgb("x/a.png", 6, 6, (row, column) => ((byte)(row * 40), (byte)(column * 40), 7));
        var options = new ImageFolderOptions { ImageSize = (3, 3), Rescale = 0.5f, DisposeBatches = false };
        var folder = ImageFolder.Open(tree.Root, options);

        using var single = folder.LoadImage(path);
        var batch = folder.All().Single();

        Assert.Equal([1L, 3, 3, 3], single.shape);
        Assert.Equal(batch.Inputs[0].data<float>().ToArray(), single.data<float>().ToArray());
    }

    [Fact]
    public void CategoricalLabelsAreOneHotRowsAndBinaryLabelsAColumnOfZerosAndOnes()
    {
        using var tree = new ImageTree();
        tree.Classes(1, 2, ("a", 1), ("b", 2));

        var categorical = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (2, 2), LabelMode = LabelMode.Categorical, DisposeBatches = false }).All().Single();
        var binary = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (2, 2), LabelMode = LabelMode.Binary, DisposeBatches = false }).All().Single();

        Assert.Equal([2L, 2], categorical.Targets[0].shape);
        Assert.Equal([1f, 0, 0, 1], categorical.Targets[0].data<float>().ToArray());
        Assert.Equal([2L, 1], binary.Targets[0].shape);
        Assert.Equal([0f, 1], binary.Targets[0].data<float>().ToArray());
    }

    [Fact]
    public void AnOutputNameMakesBatchesByName()
    {
        using var tree = new ImageTree();
        tree.Classes(1, 2, ("a", 1));

        var batch = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (2, 2), InputName = "pixels", OutputName = "Label", DisposeBatches = false }).All().First();

        var description = new NetworkDescription(
            "Net",
            [new InputDescription("pixels", ElementType.Float32, new NetGen.Shape(3, 2, 2))],
            [new LayerDescription("Label", "Dense", new NetGen.Shape(1), 13, 13, ["pixels"])],
            [new OutputDescription("Label", new NetGen.Shape(1), Activation.Linear)]);
        var resolved = batch.Resolve(description, needsTargets: true);
        Assert.Equal([1L, 3, 2, 2], resolved.Input("pixels").shape);
        Assert.Equal([1L], resolved.Target("Label").shape);
    }

    [Fact]
    public void AFolderThatCannotBeUsedIsAnErrorNamingIt()
    {
        using var tree = new ImageTree();
        var missing = Path.Combine(tree.Root, "nowhere");

        Assert.Equal($"The image folder '{missing}' does not exist.", Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Open(missing)).Message);
        Assert.StartsWith($"The image folder '{tree.Root}' has no class folders", Assert.Throws<ArgumentException>(() => ImageFolder.Open(tree.Root)).Message, StringComparison.Ordinal);

        tree.Classes(1, 2, ("a", 1), ("b", 2), ("c", 3));
        Assert.StartsWith(
            $"Binary labels need exactly two classes; '{tree.Root}' has 3: 'a', 'b', 'c'.",
            Assert.Throws<ArgumentException>(() => ImageFolder.Open(tree.Root, new ImageFolderOptions { LabelMode = LabelMode.Binary })).Message,
            StringComparison.Ordinal);
        Assert.Equal(
            $"The class folder 'd' is not in '{tree.Root}'.",
            Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Open(tree.Root, new ImageFolderOptions { ClassNames = ["a", "d"] })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (0, 4) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFolder.Open(tree.Root, new ImageFolderOptions { Workers = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFolder.Open(tree.Root).Training(batchSize: 0));
    }

    private static string Shape(Tensor t) => string.Join("x", t.shape);

    /// <summary>A 24-bit uncompressed BMP (SkiaSharp encodes none): 54-byte header, bottom-up BGR rows padded to 4 bytes.</summary>
    private static byte[] Bmp(int height, int width, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        var stride = ((width * 3) + 3) / 4 * 4;
        var bytes = new byte[54 + (stride * height)];
        "BM"u8.CopyTo(bytes);
        BitConverter.TryWriteBytes(bytes.AsSpan(2), bytes.Length);
        BitConverter.TryWriteBytes(bytes.AsSpan(10), 54);
        BitConverter.TryWriteBytes(bytes.AsSpan(14), 40);
        BitConverter.TryWriteBytes(bytes.AsSpan(18), width);
        BitConverter.TryWriteBytes(bytes.AsSpan(22), height);
        BitConverter.TryWriteBytes(bytes.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(bytes.AsSpan(28), (short)24);
        BitConverter.TryWriteBytes(bytes.AsSpan(34), stride * height);
        for (var row = 0; row < height; row++)
        {
            var offset = 54 + ((height - 1 - row) * stride);
            for (var column = 0; column < width; column++)
            {
                var (r, g, b) = colour(row, column);
                bytes[offset + (3 * column)] = b;
                bytes[offset + (3 * column) + 1] = g;
                bytes[offset + (3 * column) + 2] = r;
            }
        }

        return bytes;
    }
}
