using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetGen.Data;
using NetGen.Training;

namespace NetGen.Samples.FashionCnn;

/// <summary>
/// The guide's CIFAR-10 CNN on Fashion-MNIST end to end: load the images (the full set when
/// Debian's dataset-fashion-mnist is installed, else the repository's subset), hold out a
/// stratified validation part of the training images, train with RMSprop, report test accuracy
/// and a confusion matrix with class names, and plot the learning curves to a PNG.
/// </summary>
public static class FashionCnnSample
{
    /// <summary>What the run measured, for the sample's tests.</summary>
    public sealed record Result(
        FashionMnistSource Source,
        long TrainCount,
        long ValidationCount,
        long TestCount,
        History History,
        double TestLoss,
        double TestAccuracy,
        ConfusionMatrix ConfusionMatrix,
        TimeSpan TrainingTime,
        string CurvesPath);

    public static Result Run(TextWriter output, FashionCnnOptions? options = null)
    {
        options ??= new FashionCnnOptions();
        options.Validate();

        using var data = FashionMnist.Load(new FashionMnistOptions
        {
            UseFullSet = options.UseFullSet,
            MaxTrainCount = options.MaxTrainCount,
            MaxTestCount = options.MaxTestCount,
        });
        output.WriteLine($"Fashion-MNIST: {data.Description}.");

        // Validation images come out of the training images, never the test split, which stays
        // untouched until the final evaluation. Stratified, so every class is validated.
        using var split = DataSplit.TrainTestSplit(data.Train.Images, data.Train.Labels, options.ValidationFraction, seed: options.Seed, stratify: data.Train.Labels);
        var (xTrain, xValidation, yTrain, yValidation) = (split.XTrain, split.XTest, split.YTrain, split.YTest);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Training on {xTrain.shape[0]:N0} images, validating on {xValidation.shape[0]:N0} held out from them, testing on {data.Test.Count:N0}."));

        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        using var model = new FashionNet(Devices.Default, seed: options.Seed);
        output.WriteLine(model.Summary());

        var clock = Stopwatch.StartNew();
        var history = model.Fit(
            xTrain,
            yTrain,
            epochs: options.Epochs,
            batchSize: options.BatchSize,
            validationData: (xValidation, yValidation),
            callbacks: options.ProgressEvery > 0 ? [new StepProgress(options.ProgressEvery)] : [],
            output: output,
            seed: options.Seed,
            threads: threads);
        var trainingTime = clock.Elapsed;

        var evaluation = model.Evaluate(data.Test.Images, data.Test.Labels, batchSize: 256, threads: threads);
        using var predicted = model.PredictClasses(data.Test.Images, batchSize: 256, threads: threads);
        var matrix = ConfusionMatrix.Compute(data.Test.Labels, predicted, data.ClassNames);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {history.Epochs} epoch(s) in {trainingTime.TotalSeconds:F1} s. Test loss {evaluation.Loss:F4}, test accuracy {evaluation["accuracy"]:F4} on {data.Test.Count:N0} images."));
        output.WriteLine();
        output.WriteLine("Confusion matrix on the test images (rows: true class, columns: predicted class):");
        output.WriteLine(matrix.ToString());

        var directory = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "netgen-fashion-cnn");
        Directory.CreateDirectory(directory);
        var curves = Path.Combine(directory, "learning-curves.png");
        LearningCurves.Save(history, curves);
        output.WriteLine($"Learning curves written to {curves}.");

        return new Result(
            data.Source,
            xTrain.shape[0],
            xValidation.shape[0],
            data.Test.Count,
            history,
            evaluation.Loss,
            evaluation["accuracy"],
            matrix,
            trainingTime,
            curves);
    }
}
