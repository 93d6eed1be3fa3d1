using System;
using System.IO;
using System.Linq;
using NetGen.Data.Images;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>Corrupt, truncated and unreadable files: a clear error naming the file, or skipped with a warning and counted.</summary>
public sealed class UnreadableImageTests
{
    [Fact]
    public void AFileThatIsNotAnImageIsReportedWhenTheFolderIsOpened()
    {
        using var tree = new ImageTree();
        tree.Classes(2, 4, ("a", 1));
        var path = tree.WriteBytes("a/fake.png", System.Text.Encoding.ASCII.GetBytes(new string('x', 200)));

        var error = Assert.Throws<UnreadableImageException>(() => ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (4, 4) }));

        Assert.Equal(path, error.FilePath);
        Assert.StartsWith($"Cannot load image '{path}': it is not a PNG, JPEG, BMP, GIF or WebP image, or its header is cut short (SkiaSharp: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileIsReportedAsEmpty()
    {
        using var tree = new ImageTree();
        var path = tree.WriteBytes("a/empty.jpg", []);

        var error = Assert.Throws<UnreadableImageException>(() => ImageFolder.Open(tree.Root));

        Assert.Equal($"Cannot load image '{path}': the file is empty.", error.Message);
    }

    [Fact]
    public void ATruncatedFileIsReportedWhenItsBatchIsDecoded()
    {
        using var tree = new ImageTree();
        tree.Classes(3, 16, ("a", 1));
        var path = Truncated(tree, "a/cut.png");
        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (16, 16) });

        var error = Assert.Throws<UnreadableImageException>(() => folder.All(batchSize: 2).ToList());

        Assert.Equal(path, error.FilePath);
        Assert.Equal($"Cannot load image '{path}': the data is truncated (SkiaSharp: IncompleteInput).", error.Message);
        Assert.Throws<UnreadableImageException>(() => folder.LoadImage(path));
    }

    [Fact]
    public void SkippedFilesAreLeftOutWithOneWarningEachAndCounted()
    {
        using var tree = new ImageTree();
        tree.Classes(3, 16, ("a", 1), ("b", 2));
        var fake = tree.WriteBytes("b/fake.png", "garbage"u8.ToArray()); // too short to hold any image header
        var cut = Truncated(tree, "a/cut.png");
        var warnings = new StringWriter();
        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (16, 16), UnreadableFiles = UnreadableImagePolicy.Skip, Warnings = warnings });

        var sizes1 = folder.All(batchSize: 4).Select(b => b.Size).ToList();
        var sizes2 = folder.All(batchSize: 4).Select(b => b.Size).ToList();

        Assert.Equal(7, folder.Files.Count);      // the fake left out when opening, the truncated one found by decoding
        Assert.Equal([3L, 3], sizes1);   // a000-a002 and the truncated a/cut.png, then b000-b002
        Assert.Equal(sizes1, sizes2);
        Assert.Equal([cut, fake], folder.SkippedFiles.Select(s => s.Path));
        Assert.Equal(
            [
                $"warning: skipping image '{fake}': it is not a PNG, JPEG, BMP, GIF or WebP image, or its header is cut short (SkiaSharp: IncompleteInput).",
                $"warning: skipping image '{cut}': the data is truncated (SkiaSharp: IncompleteInput).",
            ],
            warnings.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A PNG of noise cut at half its length: its header decodes, its pixels do not.</summary>
    private static string Truncated(ImageTree tree, string relativePath)
    {
        var path = tree.Rgb(relativePath, 16, 16, (row, column) => ((byte)(row * 37 % 251), (byte)(column * 91 % 253), (byte)((row * column) % 255)));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }
}
