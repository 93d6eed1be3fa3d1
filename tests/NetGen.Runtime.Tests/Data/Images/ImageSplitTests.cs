using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data.Images;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>Seeded training and validation subsets of one folder, and the training subset's shuffling.</summary>
public sealed class ImageSplitTests
{
    [Fact]
    public void TheSubsetsOfOneSeedAreDisjointAndTogetherEveryFile()
    {
        using var tree = new ImageTree();
        tree.Classes(10, 2, ("a", 1), ("b", 2), ("c", 3));
        var options = new ImageFolderOptions { ImageSize = (2, 2), ValidationSplit = 0.2, Seed = 7 };

        var folder = ImageFolder.Open(tree.Root, options);
        var training = folder.TrainingFiles.Select(f => f.Path).ToHashSet();
        var validation = folder.ValidationFiles.Select(f => f.Path).ToHashSet();

        Assert.Equal(24, training.Count);
        Assert.Equal(6, validation.Count);
        Assert.Empty(training.Intersect(validation));
        Assert.Equal(folder.Files.Select(f => f.Path).Order(), training.Concat(validation).Order());

        // What the batches yield is exactly those files' labels.
        Assert.Equal(folder.ValidationFiles.Select(f => (long)f.Label), Labels(folder.Validation(batchSize: 4)));
        Assert.Equal(folder.TrainingFiles.Select(f => (long)f.Label).Order(), Labels(folder.Training(batchSize: 5)).Order());
    }

    [Fact]
    public void TheSameSeedGivesTheSameSplitAndAnotherSeedAnother()
    {
        using var tree = new ImageTree();
        tree.Classes(10, 2, ("a", 1), ("b", 2));
        var options = new ImageFolderOptions { ImageSize = (2, 2), ValidationSplit = 0.25, Seed = 3 };

        var first = ImageFolder.Open(tree.Root, options).ValidationFiles;
        var again = ImageFolder.Open(tree.Root, options).ValidationFiles;
        var other = ImageFolder.Open(tree.Root, options with { Seed = 4 }).ValidationFiles;

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(f => f.Path).Order(), other.Select(f => f.Path).Order());
    }

    [Fact]
    public void TrainingIsReshuffledEveryEpochAndValidationKeepsItsOrder()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 40; i++)
        {
            tree.Gray($"c{i % 4}/img{i:D2}.png", 2, 2, (_, _) => (byte)i);
        }

        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (2, 2), ColorMode = ColorMode.Grayscale, ValidationSplit = 0.25, Seed = 11 });
        var training = folder.Training(batchSize: 8);
        var validation = folder.Validation(batchSize: 8);

        var epoch1 = Pixels(training);
        var epoch2 = Pixels(training);
        Assert.NotEqual(epoch1, epoch2);
        Assert.Equal(epoch1.Order(), epoch2.Order());
        Assert.Equal(Pixels(validation), Pixels(validation));
        Assert.Equal(folder.ValidationFiles.Select(f => (float)int.Parse(f.Path[^6..^4], System.Globalization.CultureInfo.InvariantCulture)), Pixels(validation));
    }

    [Fact]
    public void ASubsetTheFolderDoesNotHaveIsAnError()
    {
        using var tree = new ImageTree();
        tree.Classes(4, 2, ("a", 1));

        var whole = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (2, 2) });
        var split = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (2, 2), ValidationSplit = 0.5, Seed = 1 });

        Assert.StartsWith($"The image folder '{tree.Root}' was opened without a validation split", Assert.Throws<InvalidOperationException>(() => whole.Validation()).Message, StringComparison.Ordinal);
        Assert.StartsWith($"The image folder '{tree.Root}' is split into training and validation subsets", Assert.Throws<InvalidOperationException>(() => split.All()).Message, StringComparison.Ordinal);
        Assert.Equal(4, whole.TrainingFiles.Count);
        Assert.Contains("leaves no validation images", Assert.Throws<ArgumentException>(() => ImageFolder.Open(tree.Root, new ImageFolderOptions { ValidationSplit = 0.1 })).Message, StringComparison.Ordinal);
    }

    private static List<long> Labels(ImageBatches batches) =>
        batches.SelectMany(b => b.Targets[0].data<long>().ToArray()).ToList();

    /// <summary>The first pixel of every image, which the tests make unique per file.</summary>
    private static List<float> Pixels(ImageBatches batches) =>
        batches.SelectMany(b => Enumerable.Range(0, (int)b.Size).Select(i => b.Inputs[0][i, 0, 0, 0].item<float>())).ToList();
}
