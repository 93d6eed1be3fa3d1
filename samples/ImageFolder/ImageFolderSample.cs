using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Data.Images;
using NetGen.Training;

namespace NetGen.Samples.ImageFolders;

/// <summary>
/// Keras's image-folder workflow end to end: write a folder of PNG files per class from
/// Fashion-MNIST (once), open it with a seeded 80/20 validation split, grey images resized to
/// 32 × 32 and rescaled to [0, 1], train a small CNN with augmentation on the training subset only,
/// validate on the validation subset, then classify single image files the network has never seen.
/// </summary>
public static class ImageFolderSample
{
    /// <summary>One unseen file, its class (its folder's name) and the predicted class.</summary>
    public sealed record Prediction(string File, string TrueClass, string PredictedClass)
    {
        public bool IsRight => TrueClass == PredictedClass;
    }

    /// <summary>What the run did and measured, for the sample's tests.</summary>
    public sealed record Result(
        string Directory,
        bool TreeWritten,
        IReadOnlyList<string> ClassNames,
        int TrainingCount,
        int ValidationCount,
        History History,
        double ValidationAccuracy,
        IReadOnlyList<Prediction> Predictions,
        TimeSpan TrainingTime)
    {
        public int RightPredictions => Predictions.Count(static p => p.IsRight);
    }

    public static Result Run(TextWriter output, ImageFolderSampleOptions? options = null)
    {
        options ??= new ImageFolderSampleOptions();
        options.Validate();

        var tree = ClothingTree.Ensure(options.ResolvedDirectory, options.ImagesPerClass, options.UnseenPerClass, options.UseFullSet, output);

        // The files are 28 x 28; the folder resizes them to the network's 32 x 32 input.
        var folderOptions = new ImageFolderOptions
        {
            ImageSize = (32, 32),
            ColorMode = ColorMode.Grayscale,
            Rescale = 1 / 255f,
            ValidationSplit = 0.2,
            Seed = options.Seed,
        };
        var folder = ImageFolder.Open(tree.Train, folderOptions);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Opened {tree.Train}: classes {string.Join(", ", folder.ClassNames)}; {folder.TrainingFiles.Count} training and {folder.ValidationFiles.Count} validation images."));

        // Clothes photographed from the front: small turns, shifts and zooms, and left-right mirror
        // images are still the same garment. The empty border Fashion-MNIST has is black, so is the fill.
        var augmentation = new ImageAugmentation
        {
            RotationRange = 10,
            WidthShiftRange = 0.1,
            HeightShiftRange = 0.1,
            ZoomRange = 0.1,
            HorizontalFlip = true,
            FillMode = FillMode.Constant,
            FillValue = 0,
        };

        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        using var model = new ClothingNet(Devices.Default, seed: options.Seed);
        output.WriteLine(model.Summary());

        var clock = Stopwatch.StartNew();
        var history = model.Fit(
            folder.Training(options.BatchSize, augmentation),
            epochs: options.Epochs,
            validationData: folder.Validation(options.BatchSize),
            output: output,
            seed: options.Seed,
            threads: threads);
        var trainingTime = clock.Elapsed;

        var validation = model.Evaluate(folder.Validation(options.BatchSize), threads: threads);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {history.Epochs} epoch(s) in {trainingTime.TotalSeconds:F1} s. Validation loss {validation.Loss:F4}, validation accuracy {validation["accuracy"]:F4} on {folder.ValidationFiles.Count} images."));

        var predictions = PredictUnseen(model, folder, tree, threads);
        output.WriteLine();
        output.WriteLine($"Single files from {tree.Unseen} (never trained or validated on):");
        foreach (var prediction in predictions)
        {
            output.WriteLine($"  {Path.GetRelativePath(tree.Unseen, prediction.File)} -> {prediction.PredictedClass}{(prediction.IsRight ? "" : $" (wrong: it is a {prediction.TrueClass})")}");
        }

        var right = predictions.Count(static p => p.IsRight);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{right} of {predictions.Count} unseen images classified right."));

        return new Result(
            tree.Root,
            tree.Written,
            folder.ClassNames,
            folder.TrainingFiles.Count,
            folder.ValidationFiles.Count,
            history,
            validation["accuracy"],
            predictions,
            trainingTime);
    }

    /// <summary>Each unseen file loaded as the folder loads its images and classified alone; its true class is its folder's name.</summary>
    private static List<Prediction> PredictUnseen(ClothingNet model, ImageFolder folder, ClothingTree.Tree tree, ThreadPolicy? threads)
    {
        var predictions = new List<Prediction>();
        foreach (var trueClass in folder.ClassNames)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(tree.Unseen, trueClass), "*.png").Order(StringComparer.Ordinal))
            {
                using var image = folder.LoadImage(file);
                using var predicted = model.PredictClasses(image, threads: threads);
                predictions.Add(new Prediction(file, trueClass, folder.ClassNames[(int)predicted.item<long>()]));
            }
        }

        return predictions;
    }
}
