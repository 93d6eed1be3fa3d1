using System;
using System.IO;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>Fashion-MNIST from the repository's subset, the full set, or a directory; whole, by classes, or the first few.</summary>
public sealed class FashionMnistTests
{
    private static readonly string SubsetDirectory = SampleData.PathOf("fashion-mnist");

    [Fact]
    public void TheRepositorySubsetHoldsTwoHundredTrainingAndFiftyTestImagesPerClass()
    {
        using var data = FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory });

        Assert.Equal(FashionMnistSource.Directory, data.Source);
        Assert.Equal(SubsetDirectory, data.Directory);
        Assert.Equal(new long[] { 2000, 1, 28, 28 }, data.Train.Images.shape);
        Assert.Equal(new long[] { 500, 1, 28, 28 }, data.Test.Images.shape);
        Assert.Equal(Enumerable.Repeat(200L, 10), data.Train.CountPerClass());
        Assert.Equal(Enumerable.Repeat(50L, 10), data.Test.CountPerClass());
        Assert.Equal(ScalarType.Float32, data.Train.Images.dtype);
        Assert.Equal(0f, data.Train.Images.min().item<float>());
        Assert.Equal(1f, data.Train.Images.max().item<float>());
        Assert.Equal(new[] { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" }, data.ClassNames);

        // The first training image of Fashion-MNIST is an ankle boot, and so is the subset's.
        Assert.Equal(9, data.Train.Labels[0].item<long>());
        Assert.Equal($"files from {SubsetDirectory}: 2,000 training and 500 test images, 10 classes", data.Description);
    }

    [Fact]
    public void TheDescriptionCountsOneTestImageInTheSingular()
    {
        using var data = FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory, MaxTrainCount = 20, MaxTestCount = 1 });

        Assert.Equal($"files from {SubsetDirectory}: 20 training and 1 test image, 10 classes", data.Description);
    }

    [Fact]
    public void WithoutTheFullSetTheSubsetIsUsedAndSaysSo()
    {
        using var data = FashionMnist.Load(new FashionMnistOptions { UseFullSet = false, SubsetDirectory = SubsetDirectory, MaxTrainCount = 10, MaxTestCount = 0 });

        Assert.Equal(FashionMnistSource.Subset, data.Source);
        Assert.Equal(10, data.Train.Count);
        Assert.Equal(0, data.Test.Count);
        Assert.StartsWith("subset shipped with NetGen from ", data.Description);
    }

    [Fact]
    public void SelectingClassesRelabelsThemInTheGivenOrderAndKeepsTheirImages()
    {
        using var all = FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory });
        using var shoes = FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory, Classes = [9, 5, 7], MaxTrainCount = 500 });

        Assert.Equal(new[] { "Ankle boot", "Sandal", "Sneaker" }, shoes.ClassNames);
        Assert.Equal(500, shoes.Train.Count);
        Assert.Equal(150, shoes.Test.Count);

        // The same images in the same order, with labels 9 -> 0, 5 -> 1, 7 -> 2.
        var originalLabels = all.Train.Labels.data<long>().ToArray();
        var rows = Enumerable.Range(0, originalLabels.Length).Where(r => originalLabels[r] is 5 or 7 or 9).Take(500).Select(static r => (long)r).ToArray();
        using var index = tensor(rows);
        using var expectedImages = all.Train.Images.index_select(0, index);
        Assert.Equal(expectedImages.shape, shoes.Train.Images.shape);
        Assert.True(expectedImages.equal(shoes.Train.Images).all().item<bool>());
        Assert.Equal(rows.Select(r => originalLabels[r] switch { 9 => 0L, 5 => 1L, _ => 2L }), shoes.Train.Labels.data<long>().ToArray());
    }

    [Fact]
    public void BytesAreKeptWhenAsked()
    {
        using var rescaled = FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory, MaxTrainCount = 20, MaxTestCount = 1 });
        using var bytes = FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory, MaxTrainCount = 20, MaxTestCount = 1, Pixels = PixelValues.Bytes });

        Assert.Equal(ScalarType.Byte, bytes.Train.Images.dtype);
        using var scaled = bytes.Train.Images.to_type(ScalarType.Float32).div(255f);
        Assert.True(scaled.equal(rescaled.Train.Images).all().item<bool>());
    }

    [Fact]
    public void MissingOrIncompleteDirectoriesNameWhatIsMissing()
    {
        using var files = new TempFiles();
        File.Copy(Path.Combine(SubsetDirectory, FashionMnist.TrainImagesFile), files.PathOf(FashionMnist.TrainImagesFile));
        File.Copy(Path.Combine(SubsetDirectory, FashionMnist.TestLabelsFile), files.PathOf(FashionMnist.TestLabelsFile));
        var nowhere = files.PathOf("nowhere");

        var incomplete = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(new FashionMnistOptions { Directory = files.Directory }));
        var absent = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(new FashionMnistOptions { UseFullSet = false, SubsetDirectory = nowhere }));

        Assert.Equal(
            $"Fashion-MNIST in FashionMnistOptions.Directory '{files.Directory}' is incomplete: train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz are missing (expected train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz).",
            incomplete.Message);
        Assert.Contains("install the Debian package dataset-fashion-mnist", absent.Message);
        Assert.Contains($"the subset directory '{nowhere}' does not exist", absent.Message);
    }

    [Fact]
    public void BadSelectionsAreRejected()
    {
        var repeated = Assert.Throws<ArgumentException>(() => FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory, Classes = [1, 1] }));
        var outside = Assert.Throws<ArgumentException>(() => FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory, Classes = [10] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory, MaxTestCount = -1 }));

        Assert.StartsWith("Class 1 (Trouser) is selected twice.", repeated.Message);
        Assert.StartsWith("Class 10 is not one of the 10 classes (0 to 9).", outside.Message);
    }

    [FashionMnistFullSetFact]
    public void TheFullSetIsUsedWhenInstalledAndTheSubsetIsItsFirstTwoHundredImagesPerClass()
    {
        using var full = FashionMnist.Load(new FashionMnistOptions { Pixels = PixelValues.Bytes });
        using var subset = FashionMnist.Load(new FashionMnistOptions { Directory = SubsetDirectory, Pixels = PixelValues.Bytes });

        Assert.Equal(FashionMnistSource.FullSet, full.Source);
        Assert.Equal(FashionMnist.FullSetDirectory, full.Directory);
        Assert.Equal(new long[] { 60000, 1, 28, 28 }, full.Train.Images.shape);
        Assert.Equal(new long[] { 10000, 1, 28, 28 }, full.Test.Images.shape);
        Assert.Equal(Enumerable.Repeat(6000L, 10), full.Train.CountPerClass());
        Assert.Equal(Enumerable.Repeat(1000L, 10), full.Test.CountPerClass());

        foreach (var (fullSplit, subsetSplit, perClass) in new[] { (full.Train, subset.Train, 200), (full.Test, subset.Test, 50) })
        {
            var labels = fullSplit.Labels.data<long>().ToArray();
            var rows = Enumerable.Range(0, labels.Length)
                .GroupBy(r => labels[r]).SelectMany(g => g.Take(perClass)).Order().Select(static r => (long)r).ToArray();
            using var index = tensor(rows);
            using var expected = fullSplit.Images.index_select(0, index);
            Assert.Equal(expected.shape, subsetSplit.Images.shape);
            Assert.True(expected.equal(subsetSplit.Images).all().item<bool>());
            Assert.Equal(rows.Select(r => labels[r]), subsetSplit.Labels.data<long>().ToArray());
        }
    }
}
