using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NetGen.Data;

/// <summary>
/// Fashion-MNIST (Zalando Research, MIT licence): 28 × 28 grey images of ten kinds of clothing,
/// 60,000 for training and 10,000 for testing, in IDX files. <see cref="Load"/> uses the full set
/// from Debian's <c>dataset-fashion-mnist</c> package when it is installed and otherwise the small
/// subset shipped with NetGen, and says which one it used.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the full set.</summary>
    public const string FullSetDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The file names, as published by Zalando Research and installed by Debian.</summary>
    public const string TrainImagesFile = "train-images-idx3-ubyte.gz";

    /// <inheritdoc cref="TrainImagesFile"/>
    public const string TrainLabelsFile = "train-labels-idx1-ubyte.gz";

    /// <inheritdoc cref="TrainImagesFile"/>
    public const string TestImagesFile = "t10k-images-idx3-ubyte.gz";

    /// <inheritdoc cref="TrainImagesFile"/>
    public const string TestLabelsFile = "t10k-labels-idx1-ubyte.gz";

    private static readonly string[] Files = [TrainImagesFile, TrainLabelsFile, TestImagesFile, TestLabelsFile];

    /// <summary>The ten classes, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// Reads the training and test splits: from <see cref="FashionMnistOptions.Directory"/> when set,
    /// else the full set when installed (and <see cref="FashionMnistOptions.UseFullSet"/>), else the subset.
    /// </summary>
    /// <param name="options">Where to look, which classes and how many images; the defaults read everything.</param>
    /// <exception cref="FileNotFoundException">None of the places holds the four files, or a directory holds only some of them.</exception>
    /// <exception cref="DataFormatException">A file is broken (see <see cref="IdxLoader"/>) or has a label above 9.</exception>
    /// <exception cref="ArgumentException">The selected classes are not distinct classes 0 to 9, or a maximum count is negative.</exception>
    /// <remarks>The training images and labels have the <see cref="DataRole.Training"/> role, the test ones <see cref="DataRole.Test"/> (see <see cref="DataRoles"/>).</remarks>
    public static FashionMnistData Load(FashionMnistOptions? options = null)
    {
        options ??= new FashionMnistOptions();
        if (options.MaxTrainCount < 0 || options.MaxTestCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxTrainCount and MaxTestCount cannot be negative.");
        }

        var (directory, source) = Locate(options);
        var train = LoadSplit(directory, TrainImagesFile, TrainLabelsFile, options, options.MaxTrainCount);
        try
        {
            var test = LoadSplit(directory, TestImagesFile, TestLabelsFile, options, options.MaxTestCount);
            return new FashionMnistData(train.WithRole(DataRole.Training), test.WithRole(DataRole.Test), source, directory);
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    /// <summary>Whether the full set is installed in <see cref="FullSetDirectory"/>.</summary>
    public static bool IsFullSetInstalled => Files.All(static f => File.Exists(Path.Combine(FullSetDirectory, f)));

    private static (string Directory, FashionMnistSource Source) Locate(FashionMnistOptions options)
    {
        if (options.Directory is { } chosen)
        {
            RequireAllFiles(chosen, "FashionMnistOptions.Directory");
            return (chosen, FashionMnistSource.Directory);
        }

        if (options.UseFullSet && Files.Any(static f => File.Exists(Path.Combine(FullSetDirectory, f))))
        {
            // Some files but not all is a broken installation: say so rather than quietly train on the subset.
            RequireAllFiles(FullSetDirectory, "the dataset-fashion-mnist package's directory");
            return (FullSetDirectory, FashionMnistSource.FullSet);
        }

        if (!Directory.Exists(options.SubsetDirectory))
        {
            throw new FileNotFoundException(
                $"Fashion-MNIST was not found: the full set is not in {FullSetDirectory} (install the Debian package dataset-fashion-mnist) and the subset directory '{options.SubsetDirectory}' does not exist (copy the repository's samples/Data/fashion-mnist there, or set FashionMnistOptions.SubsetDirectory).",
                Path.Combine(options.SubsetDirectory, TrainImagesFile));
        }

        RequireAllFiles(options.SubsetDirectory, "the subset directory");
        return (options.SubsetDirectory, FashionMnistSource.Subset);
    }

    private static void RequireAllFiles(string directory, string what)
    {
        var missing = Files.Where(f => !File.Exists(Path.Combine(directory, f))).ToArray();
        if (missing.Length > 0)
        {
            throw new FileNotFoundException(
                $"Fashion-MNIST in {what} '{directory}' is incomplete: {string.Join(", ", missing)} {(missing.Length == 1 ? "is" : "are")} missing (expected {string.Join(", ", Files)}).",
                Path.Combine(directory, missing[0]));
        }
    }

    private static LabeledImages LoadSplit(string directory, string imagesFile, string labelsFile, FashionMnistOptions options, int? maxCount)
    {
        var all = IdxLoader.Load(Path.Combine(directory, imagesFile), Path.Combine(directory, labelsFile), ClassNames, options.Pixels);
        var selected = all;
        try
        {
            if (options.Classes is { } classes)
            {
                selected = all.SelectClasses(classes);
                all.Dispose();
            }

            if (maxCount is { } max && max < selected.Count)
            {
                var first = selected.Take(max);
                selected.Dispose();
                selected = first;
            }

            return selected;
        }
        catch
        {
            all.Dispose();
            if (!ReferenceEquals(selected, all))
            {
                selected.Dispose();
            }

            throw;
        }
    }

}
