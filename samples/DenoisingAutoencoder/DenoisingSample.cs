using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Data;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Samples.DenoisingAutoencoder;

/// <summary>
/// Denoising autoencoders on Fashion-MNIST end to end: train <see cref="DenseDenoiser"/> and
/// <see cref="ConvDenoiser"/> on clean images (their noise layers corrupt the inputs in training
/// only; the targets stay clean), then corrupt the test images once with a fixed seed and measure
/// how far the noisy and the denoised images are from the clean ones, and draw them.
/// </summary>
public static class DenoisingSample
{
    /// <summary>Images per row of the PNG grid: one row each of clean, noisy, dense-denoised and conv-denoised images.</summary>
    public const int GridColumns = 10;

    /// <summary>Each pixel of the grid's 28 × 28 images is drawn this many pixels wide and high.</summary>
    public const int GridScale = 2;

    /// <summary>What the run measured, for the sample's tests.</summary>
    /// <param name="Source">Whether the full set or the repository's subset was read.</param>
    /// <param name="TrainCount">Training images.</param>
    /// <param name="TestCount">Test images.</param>
    /// <param name="DenseHistory">The dense network's training loss per epoch.</param>
    /// <param name="ConvHistory">The convolutional network's training loss per epoch.</param>
    /// <param name="DenseSummary">The dense network's summary, the encoder and decoder as rows.</param>
    /// <param name="ConvSummary">The convolutional network's summary.</param>
    /// <param name="NoisyMse">Mean squared error per pixel between the corrupted test images and the clean ones.</param>
    /// <param name="DenseMse">The same for the dense network's outputs on the corrupted images.</param>
    /// <param name="ConvMse">The same for the convolutional network's outputs.</param>
    /// <param name="DenseNoiseFreeDifference">Largest absolute difference between the dense network's <c>Predict</c> and its encoder and decoder applied alone (0: the noise layers do nothing at inference).</param>
    /// <param name="GridPath">The PNG grid of clean, noisy and denoised test images.</param>
    /// <param name="GridSize">The grid's width and height in pixels.</param>
    /// <param name="DenseTrainingTime">Wall time of the dense network's <c>Fit</c>.</param>
    /// <param name="ConvTrainingTime">Wall time of the convolutional network's <c>Fit</c>.</param>
    public sealed record Result(
        FashionMnistSource Source,
        long TrainCount,
        long TestCount,
        History DenseHistory,
        History ConvHistory,
        string DenseSummary,
        string ConvSummary,
        double NoisyMse,
        double DenseMse,
        double ConvMse,
        double DenseNoiseFreeDifference,
        string GridPath,
        (int Width, int Height) GridSize,
        TimeSpan DenseTrainingTime,
        TimeSpan ConvTrainingTime);

    public static Result Run(TextWriter output, DenoisingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new DenoisingOptions();
        options.Validate();

        using var data = FashionMnist.Load(new FashionMnistOptions
        {
            UseFullSet = options.UseFullSet,
            MaxTrainCount = options.MaxTrainCount,
            MaxTestCount = options.MaxTestCount,
        });
        output.WriteLine($"Fashion-MNIST: {data.Description}.");

        // Images are (samples, 1, 28, 28) in [0, 1]; the dense network reads each as one row of 784 pixels.
        var images = data.Train.Images;
        var testImages = data.Test.Images;
        using var noisyTest = Corrupt(testImages, options.NoiseStddev, options.Seed);
        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;

        // The inputs are the clean images and so are the targets: the noise layers corrupt the
        // inputs inside the network, a new draw each step, and only while training.
        using var dense = new DenseDenoiser(Devices.Default, seed: options.Seed);
        var denseSummary = dense.Summary();
        output.WriteLine(denseSummary);
        using var flatImages = images.flatten(1);
        var (denseHistory, denseTime) = Train(dense, flatImages, options, threads, output);

        using var conv = new ConvDenoiser(Devices.Default, seed: options.Seed);
        var convSummary = conv.Summary();
        output.WriteLine(convSummary);
        var (convHistory, convTime) = Train(conv, images, options, threads, output);

        using var flatNoisy = noisyTest.flatten(1);
        using var denseFlat = dense.Predict(flatNoisy, batchSize: 256, threads: threads);
        using var denseDenoised = denseFlat.view(-1, 1, 28, 28);
        using var convDenoised = conv.Predict(noisyTest, batchSize: 256, threads: threads);

        var noisyMse = MeanSquaredError(noisyTest, testImages);
        var denseMse = MeanSquaredError(denseDenoised, testImages);
        var convMse = MeanSquaredError(convDenoised, testImages);

        // At inference the noise layers are the identity (and the clip leaves pixels in [0, 1] as
        // they are): the encoder and decoder alone give the full network's output.
        using var codes = dense.Encode.Predict(flatNoisy, batchSize: 256, threads: threads);
        using var decoded = dense.Decode.Predict(codes, batchSize: 256, threads: threads);
        using var noiseFreeDifference = (decoded - denseFlat).abs().max();
        var denseNoiseFreeDifference = noiseFreeDifference.item<float>();

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Test images corrupted once (seed {options.Seed}): Gaussian noise of stddev {options.NoiseStddev}, clipped to [0, 1]; {data.Test.Count:N0} images."));
        output.WriteLine("Test images                  MSE per pixel  Epochs  Training");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"noisy                        {noisyMse,13:F5}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"denoised by DenseDenoiser    {denseMse,13:F5}  {denseHistory.Epochs,6}  {denseTime.TotalSeconds,6:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"denoised by ConvDenoiser     {convMse,13:F5}  {convHistory.Epochs,6}  {convTime.TotalSeconds,6:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Predict runs the dense network without its noise layers: largest difference from its encoder and decoder alone {denseNoiseFreeDifference:G3}."));

        var directory = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "netgen-denoising");
        var gridPath = Path.Combine(directory, "denoising.png");
        var shown = (int)Math.Min(GridColumns, testImages.shape[0]);
        using var grid = cat([testImages[..shown], noisyTest[..shown], denseDenoised[..shown], convDenoised[..shown]], 0);
        var gridSize = ImageGrid.Save(grid, gridPath, columns: shown, scale: GridScale);
        output.WriteLine($"Rows: clean, noisy, denoised by the dense network, by the convolutional one: {gridPath} ({gridSize.Width} × {gridSize.Height}).");

        return new Result(
            data.Source,
            images.shape[0],
            testImages.shape[0],
            denseHistory,
            convHistory,
            denseSummary,
            convSummary,
            noisyMse,
            denseMse,
            convMse,
            denseNoiseFreeDifference,
            gridPath,
            gridSize,
            denseTime,
            convTime);
    }

    /// <summary>
    /// The images with Gaussian noise of <paramref name="stddev"/> added once from a generator seeded
    /// with <paramref name="seed"/>, clipped to [0, 1] as Keras's denoising example does.
    /// </summary>
    public static Tensor Corrupt(Tensor images, double stddev, long seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var generator = new Generator(unchecked((ulong)seed));
        using var scope = NewDisposeScope();
        var noise = randn(images.shape, dtype: images.dtype, generator: generator).to(images.device);
        using var scale = stddev.ToScalar();
        using var one = 1.ToScalar();
        return Noise.Clip(images.add(noise.mul(scale), one)).MoveToOuterDisposeScope();
    }

    /// <summary>The mean over every pixel of every image of the squared difference.</summary>
    public static double MeanSquaredError(Tensor predicted, Tensor actual)
    {
        if (!predicted.shape.SequenceEqual(actual.shape))
        {
            throw new ArgumentException($"Predictions of shape ({string.Join(", ", predicted.shape)}) cannot be compared with targets of shape ({string.Join(", ", actual.shape)}).", nameof(predicted));
        }

        using var difference = predicted.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64);
        using var squared = difference.square();
        using var mean = squared.mean();
        return mean.item<double>();
    }

    private static (History History, TimeSpan Time) Train(INetwork network, Tensor images, DenoisingOptions options, ThreadPolicy? threads, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var history = network.Fit(
            images,
            images,
            epochs: options.Epochs,
            batchSize: options.BatchSize,
            callbacks: options.ProgressEvery > 0 ? [new StepProgress(options.ProgressEvery)] : [],
            output: output,
            seed: options.Seed,
            threads: threads);
        return (history, clock.Elapsed);
    }
}
