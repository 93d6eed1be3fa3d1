using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Data;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Samples.Autoencoder;

/// <summary>
/// A dense autoencoder on Fashion-MNIST end to end: train <see cref="ImageAutoencoder"/> (an
/// <see cref="Encoder"/> and a <see cref="Decoder"/> as sub-networks) to give back its input,
/// report the test reconstruction error next to PCA's with the same 64 dimensions, and use the
/// trained encoder on its own to embed the test images.
/// </summary>
public static class AutoencoderSample
{
    /// <summary>The code size shared by the encoder's output and the PCA baseline.</summary>
    public const int CodeSize = 64;

    /// <summary>What the run measured, for the sample's tests.</summary>
    /// <param name="Source">Whether the full set or the repository's subset was read.</param>
    /// <param name="TrainCount">Training images.</param>
    /// <param name="TestCount">Test images.</param>
    /// <param name="History">The training loss per epoch.</param>
    /// <param name="Summary">The full model's summary, one row per sub-network.</param>
    /// <param name="TestMse">Mean squared error per pixel of the autoencoder's reconstructions of the test images.</param>
    /// <param name="PcaMse">The same for PCA with <see cref="CodeSize"/> components fitted on the training images.</param>
    /// <param name="PcaExplainedVariance">The share of the training variance PCA's components explain.</param>
    /// <param name="CodeShape">The shape of the test images' codes from the stand-alone encoder.</param>
    /// <param name="SharedWeightsDifference">Largest absolute difference between the full model's output and the decoder applied to the stand-alone encoder's codes (0: one set of weights).</param>
    /// <param name="CentroidAccuracy">Test accuracy of the nearest class centroid of the training codes, a measure of what the codes keep.</param>
    /// <param name="TrainingTime">Wall time of <c>Fit</c>.</param>
    /// <param name="GridPath">The PNG of the first test images (top row), the autoencoder's reconstructions and PCA's.</param>
    public sealed record Result(
        FashionMnistSource Source,
        long TrainCount,
        long TestCount,
        History History,
        string Summary,
        double TestMse,
        double PcaMse,
        double PcaExplainedVariance,
        long[] CodeShape,
        double SharedWeightsDifference,
        double CentroidAccuracy,
        TimeSpan TrainingTime,
        string GridPath);

    public static Result Run(TextWriter output, AutoencoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new AutoencoderOptions();
        options.Validate();

        using var data = FashionMnist.Load(new FashionMnistOptions
        {
            UseFullSet = options.UseFullSet,
            MaxTrainCount = options.MaxTrainCount,
            MaxTestCount = options.MaxTestCount,
        });
        output.WriteLine($"Fashion-MNIST: {data.Description}.");

        // The dense layers read each image as one row of 784 pixels in [0, 1].
        using var xTrain = data.Train.Images.flatten(1);
        using var xTest = data.Test.Images.flatten(1);

        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        using var model = new ImageAutoencoder(Devices.Default, seed: options.Seed);
        var summary = model.Summary();
        output.WriteLine(summary);

        // The target is the input itself.
        var clock = Stopwatch.StartNew();
        var history = model.Fit(
            xTrain,
            xTrain,
            epochs: options.Epochs,
            batchSize: options.BatchSize,
            callbacks: options.ProgressEvery > 0 ? [new StepProgress(options.ProgressEvery)] : [],
            output: output,
            seed: options.Seed,
            threads: threads);
        var trainingTime = clock.Elapsed;

        using var reconstructed = model.Predict(xTest, batchSize: 256, threads: threads);
        var testMse = MeanSquaredError(reconstructed, xTest);

        var pcaClock = Stopwatch.StartNew();
        using var pca = Pca.Fit(xTrain, CodeSize);
        using var pcaReconstructed = pca.Reconstruct(xTest);
        var pcaMse = MeanSquaredError(pcaReconstructed, xTest);
        var pcaTime = pcaClock.Elapsed;

        // Originals on top, the autoencoder's reconstructions under them, PCA's at the bottom.
        var shown = Math.Min(options.GridImages, xTest.shape[0]);
        var gridPath = Path.Combine(options.OutputDirectory, "reconstructions.png");
        using (NewDisposeScope())
        {
            var rows = cat(new[] { xTest, reconstructed, pcaReconstructed }.Select(images => images.narrow(0, 0, shown).to_type(ScalarType.Float32)).ToArray());
            ImageGrid.Save(rows.view(-1, 1, 28, 28), gridPath, columns: (int)shown, scale: 2);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {history.Epochs} epoch(s) in {trainingTime.TotalSeconds:F1} s. Final training loss (binary cross-entropy) {history["loss"][^1]:F4}."));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Test reconstruction MSE per pixel on {data.Test.Count:N0} images: autoencoder {testMse:F5}, PCA with {CodeSize} components {pcaMse:F5} (explains {pca.ExplainedVariance * 100:F1}% of the training variance; fitted in {pcaTime.TotalSeconds:F1} s)."));
        output.WriteLine($"Originals, the autoencoder's and PCA's reconstructions of {shown} test images: {gridPath}");

        // The trained encoder on its own: the same module the full model calls, so decoding its
        // codes gives the full model's reconstructions exactly.
        using var codes = model.Encode.Predict(xTest, batchSize: 256, threads: threads);
        using var decoded = model.Decode.Predict(codes, batchSize: 256, threads: threads);
        var sharedDifference = LargestDifference(decoded, reconstructed);
        using var trainCodes = model.Encode.Predict(xTrain, batchSize: 256, threads: threads);
        var centroidAccuracy = NearestCentroidAccuracy(trainCodes, data.Train.Labels, codes, data.Test.Labels, data.ClassNames.Count);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"The trained encoder alone embeds the test images as ({string.Join(", ", codes.shape)}) codes; the decoder on them gives the full model's output (largest difference {sharedDifference:G3}). Nearest class centroid of the training codes: test accuracy {centroidAccuracy:F4}."));

        return new Result(
            data.Source,
            xTrain.shape[0],
            xTest.shape[0],
            history,
            summary,
            testMse,
            pcaMse,
            pca.ExplainedVariance,
            codes.shape,
            sharedDifference,
            centroidAccuracy,
            trainingTime,
            gridPath);
    }

    /// <summary>The mean over every pixel of every image of the squared difference.</summary>
    public static double MeanSquaredError(Tensor predicted, Tensor actual)
    {
        if (!predicted.shape.SequenceEqual(actual.shape))
        {
            throw new ArgumentException($"Predictions of shape ({string.Join(", ", predicted.shape)}) cannot be compared with targets of shape ({string.Join(", ", actual.shape)}).", nameof(predicted));
        }

        // A scope, so the double-precision copies (63 MB each for 10,000 images) are freed now, not by the finalizer.
        using var scope = NewDisposeScope();
        return (predicted.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64)).square().mean().item<double>();
    }

    private static float LargestDifference(Tensor first, Tensor second)
    {
        using var scope = NewDisposeScope();
        return (first - second).abs().max().item<float>();
    }

    /// <summary>Classifies each test code by the nearest mean of the training codes of each class.</summary>
    public static double NearestCentroidAccuracy(Tensor trainCodes, Tensor trainLabels, Tensor testCodes, Tensor testLabels, int classCount)
    {
        using var scope = NewDisposeScope();
        var labels = trainLabels.to_type(ScalarType.Int64);
        var centroids = stack(Enumerable.Range(0, classCount).Select(c => trainCodes[labels == c].mean([0L])).ToArray());
        var nearest = cdist(testCodes, centroids).argmin(1);
        return (nearest == testLabels.to_type(ScalarType.Int64)).to_type(ScalarType.Float64).mean().item<double>();
    }
}
