using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using NetGen.Data;
using SkiaSharp;
using static TorchSharp.torch;

namespace NetGen.Samples.ImageFolders;

/// <summary>
/// The sample's image folder, written once from Fashion-MNIST as PNG files:
/// <c>train/&lt;class&gt;/0000.png</c> (training images, the folder that is opened and split) and
/// <c>unseen/&lt;class&gt;/00.png</c> (test images, predicted one file at a time). A small text file
/// records what was asked for; a later run asking the same reuses the tree.
/// </summary>
internal static class ClothingTree
{
    /// <summary>Fashion-MNIST's labels of the four classes (Trouser, Pullover, Sneaker, Bag): names without a '/', unlike T-shirt/top.</summary>
    public static readonly int[] FashionMnistClasses = [1, 2, 7, 8];

    public const string TrainFolder = "train";
    public const string UnseenFolder = "unseen";
    public const string RecordFile = "netgen-image-tree.txt";

    /// <summary>Where the tree is and whether this call wrote it.</summary>
    public sealed record Tree(string Root, IReadOnlyList<string> ClassNames, bool Written)
    {
        public string Train => Path.Combine(Root, TrainFolder);

        public string Unseen => Path.Combine(Root, UnseenFolder);
    }

    /// <summary>Reuses the tree in <paramref name="root"/> when it records the same request, else writes it.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="root"/> holds files that this sample did not write.</exception>
    public static Tree Ensure(string root, int imagesPerClass, int unseenPerClass, bool useFullSet, TextWriter output)
    {
        root = Path.GetFullPath(root);
        var classNames = FashionMnistClasses.Select(static c => FashionMnist.ClassNames[c]).ToArray();
        var record = Record(classNames, imagesPerClass, unseenPerClass, useFullSet);
        var recordPath = Path.Combine(root, RecordFile);
        var recorded = File.Exists(recordPath) ? File.ReadAllText(recordPath) : null;

        if (recorded == record && classNames.All(name => Directory.Exists(Path.Combine(root, TrainFolder, name)) && Directory.Exists(Path.Combine(root, UnseenFolder, name))))
        {
            output.WriteLine($"Reusing the image folder in {root} (written by an earlier run with the same settings; delete it to write it again).");
            return new Tree(root, classNames, Written: false);
        }

        if (recorded is null && Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new InvalidOperationException(
                $"The directory '{root}' is not empty and has no {RecordFile}, so this sample did not write it and will not overwrite it; choose another directory (--dir) or empty it.");
        }

        // Written beside the target and moved into place at the end, so an interrupted run leaves no half tree to reuse.
        var partial = root + ".partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        using (var data = FashionMnist.Load(new FashionMnistOptions { UseFullSet = useFullSet, Classes = FashionMnistClasses, Pixels = PixelValues.Bytes }))
        {
            output.WriteLine($"Writing the image folder from Fashion-MNIST ({data.Description}).");
            var written = WriteImages(data.Train, Path.Combine(partial, TrainFolder), imagesPerClass, "D4");
            var unseen = WriteImages(data.Test, Path.Combine(partial, UnseenFolder), unseenPerClass, "D2");
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {string.Join(", ", classNames.Select((name, c) => $"{written[c]} {name}"))} training images and {unseen.Sum()} unseen ones as 28 x 28 grey PNG files."));
            if (written.Any(count => count < imagesPerClass))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (Fewer than the {imagesPerClass} per class asked for: that is all this copy of Fashion-MNIST has.)"));
            }
        }

        File.WriteAllText(Path.Combine(partial, RecordFile), record);
        if (Directory.Exists(root))
        {
            // Either empty, or an earlier run's tree (it has the record file) with other settings.
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(root)!);
        Directory.Move(partial, root);
        output.WriteLine($"Image folder: {root}");
        return new Tree(root, classNames, Written: true);
    }

    private static string Record(IReadOnlyList<string> classNames, int imagesPerClass, int unseenPerClass, bool useFullSet) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        Written by NetGen's image-folder sample from Fashion-MNIST; delete this directory to write it again.
        classes: {string.Join(", ", classNames)}
        training images per class: {imagesPerClass}
        unseen images per class: {unseenPerClass}
        full set when installed: {useFullSet}

        """);

    /// <summary>The first <paramref name="perClass"/> images of each class as <c>directory/&lt;class&gt;/NNNN.png</c>; returns the counts written.</summary>
    private static int[] WriteImages(LabeledImages images, string directory, int perClass, string numberFormat)
    {
        var (height, width) = ((int)images.Images.shape[2], (int)images.Images.shape[3]);
        var pixels = images.Images.cpu().to_type(ScalarType.Byte).data<byte>().ToArray();
        var labels = images.Labels.cpu().data<long>().ToArray();
        var written = new int[images.ClassNames.Count];
        foreach (var name in images.ClassNames)
        {
            Directory.CreateDirectory(Path.Combine(directory, name));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            var label = (int)labels[i];
            if (written[label] == perClass)
            {
                continue;
            }

            var path = Path.Combine(directory, images.ClassNames[label], written[label].ToString(numberFormat, CultureInfo.InvariantCulture) + ".png");
            WritePng(path, pixels.AsSpan(i * height * width, height * width), height, width);
            written[label]++;
        }

        return written;
    }

    private static void WritePng(string path, ReadOnlySpan<byte> grey, int height, int width)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        var rows = bitmap.GetPixels();
        for (var row = 0; row < height; row++)
        {
            // Skia may pad rows, so each one is copied to its own offset.
            Marshal.Copy(grey.Slice(row * width, width).ToArray(), 0, rows + (row * bitmap.RowBytes), width);
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode '{path}' as PNG.");
        File.WriteAllBytes(path, encoded.ToArray());
    }
}
