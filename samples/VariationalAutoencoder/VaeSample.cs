using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetGen.Data;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Samples.VariationalAutoencoder;

/// <summary>
/// Keras's variational autoencoder on Fashion-MNIST end to end: train <see cref="FashionVae"/>
/// without targets on its two loss terms, report them on the test images, check that the trained
/// <see cref="VaeDecoder"/> alone is the full model's decoder, draw its images over a grid of latent
/// values and plot where the test images' latent means fall, by class.
/// </summary>
public static class VaeSample
{
    /// <summary>The PNG of the decoder's images over the latent grid.</summary>
    public const string GridFileName = "vae-latent-grid.png";

    /// <summary>The PNG of the test images' latent means, coloured by class.</summary>
    public const string MeansFileName = "vae-latent-means.png";

    /// <summary>What the run measured, for the sample's tests.</summary>
    /// <param name="Source">Whether the full set or the repository's subset was read.</param>
    /// <param name="TrainCount">Training images.</param>
    /// <param name="TestCount">Test images.</param>
    /// <param name="History">The loss and the two terms per epoch.</param>
    /// <param name="Summary">The full model's summary, the decoder as one row.</param>
    /// <param name="TestKl">The mean KL divergence of the test images' latent Gaussians from the prior.</param>
    /// <param name="TestReconstruction">The mean binary cross-entropy of the test images' reconstructions, summed over their pixels.</param>
    /// <param name="TestLoss">The sum of the two: the negative evidence lower bound per image, in nats (one draw per image).</param>
    /// <param name="DecoderDifference">Largest absolute difference between the full model's images and the stand-alone decoder's on the same latent draws (0: one set of weights).</param>
    /// <param name="LatentValues">The values along each axis of the latent grid.</param>
    /// <param name="GridPath">The grid's PNG file.</param>
    /// <param name="GridPixels">The grid's width and height in pixels.</param>
    /// <param name="MeansPath">The latent means' PNG file.</param>
    /// <param name="TestMeans">The test images' latent means, (images, 2).</param>
    /// <param name="TrainingTime">Wall time of <c>Fit</c>.</param>
    public sealed record Result(
        FashionMnistSource Source,
        long TrainCount,
        long TestCount,
        History History,
        string Summary,
        double TestKl,
        double TestReconstruction,
        double TestLoss,
        double DecoderDifference,
        double[] LatentValues,
        string GridPath,
        (int Width, int Height) GridPixels,
        string MeansPath,
        float[,] TestMeans,
        TimeSpan TrainingTime);

    public static Result Run(TextWriter output, VaeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new VaeOptions();
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
        using var model = new FashionVae(Devices.Default, seed: options.Seed);
        var summary = model.Summary();
        output.WriteLine(summary);

        // No targets: the loss is the sum of the two [LossTerm] methods.
        var clock = Stopwatch.StartNew();
        var history = model.Fit(
            xTrain,
            epochs: options.Epochs,
            batchSize: options.BatchSize,
            callbacks: options.ProgressEvery > 0 ? [new StepProgress(options.ProgressEvery)] : [],
            output: output,
            seed: options.Seed,
            threads: threads);
        var trainingTime = clock.Elapsed;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {history.Epochs} epoch(s) in {trainingTime.TotalSeconds:F1} s. Last epoch: loss {history["loss"][^1]:F2}, kl_loss {history["kl_loss"][^1]:F2}, reconstruction_loss {history["reconstruction_loss"][^1]:F2}."));

        // The terms on the test images; the latent draws are seeded, so the estimate repeats.
        manual_seed(options.Seed);
        var test = model.Evaluate(xTest, batchSize: 256, threads: threads);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Test set ({xTest.shape[0]:N0} images, one latent draw each): kl_loss {test["kl_loss"]:F2}, reconstruction_loss {test["reconstruction_loss"]:F2}, loss {test.Loss:F2} nats per image."));

        var decoderDifference = CompareWithDecoderAlone(model, xTest, options.Seed, threads);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"The trained decoder alone, on the full model's latent draws, gives its images (largest difference {decoderDifference:G3})."));

        Directory.CreateDirectory(options.ResolvedOutputDirectory);
        using var latent = LatentGrid(options.GridSize);
        var latentValues = LatentValues(options.GridSize);
        using var drawn = model.Decode.Predict(latent, batchSize: 256, threads: threads);
        var gridPath = Path.Combine(options.ResolvedOutputDirectory, GridFileName);
        var gridPixels = ImageGrid.Save(drawn.view(-1, 1, 28, 28), gridPath, columns: options.GridSize, padding: 0, scale: 2);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Decoder's images over a {options.GridSize} × {options.GridSize} grid of latent values (standard normal quantiles {latentValues[0]:F2} to {latentValues[^1]:F2}, z1 left to right, z2 bottom to top): {gridPath} ({gridPixels.Width} × {gridPixels.Height})."));

        // The test images' latent means are the model's first output.
        var predicted = model.Predict(new Dictionary<string, Tensor> { ["input"] = xTest }, batchSize: 256, threads: threads);
        float[,] means;
        try
        {
            means = ToMatrix(predicted[nameof(FashionVae.Mean)]);
        }
        finally
        {
            foreach (var tensor in predicted.Values)
            {
                tensor.Dispose();
            }
        }

        var meansPath = Path.Combine(options.ResolvedOutputDirectory, MeansFileName);
        LatentPlot.Save(means, data.Test.Labels, data.ClassNames, meansPath);
        output.WriteLine($"Test images' latent means by class: {meansPath}.");

        return new Result(
            data.Source,
            xTrain.shape[0],
            xTest.shape[0],
            history,
            summary,
            test["kl_loss"],
            test["reconstruction_loss"],
            test.Loss,
            decoderDifference,
            latentValues,
            gridPath,
            gridPixels,
            meansPath,
            means,
            trainingTime);
    }

    /// <summary>
    /// The values along each axis of the latent grid: standard normal quantiles at evenly spaced
    /// probabilities from 0.05 to 0.95 (the first Keras VAE example's grid), so the grid covers
    /// where the prior puts most of its mass.
    /// </summary>
    public static double[] LatentValues(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        using var scope = NewDisposeScope();
        var probabilities = linspace(0.05, 0.95, size, dtype: ScalarType.Float64);
        // The standard normal's inverse CDF: sqrt(2) erfinv(2p - 1).
        return (Math.Sqrt(2) * (2 * probabilities - 1).erfinv()).data<double>().ToArray();
    }

    /// <summary>
    /// The latent points of a <paramref name="size"/> × <paramref name="size"/> grid, row by row as
    /// <see cref="ImageGrid"/> draws them: z1 grows to the right, z2 grows upwards (from the last row).
    /// </summary>
    public static Tensor LatentGrid(int size)
    {
        var values = LatentValues(size);
        var points = new float[size * size * 2];
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                points[(row * size + column) * 2] = (float)values[column];
                points[(row * size + column) * 2 + 1] = (float)values[size - 1 - row];
            }
        }

        return tensor(points, [size * size, 2]);
    }

    /// <summary>
    /// Runs the full model on a batch of test images with the latent draws seeded, draws the same
    /// epsilon again, and decodes mean + sigma * epsilon with the stand-alone decoder.
    /// </summary>
    private static double CompareWithDecoderAlone(FashionVae model, Tensor images, int seed, ThreadPolicy? threads)
    {
        using var scope = NewDisposeScope();
        var batch = images.narrow(0, 0, Math.Min(256, images.shape[0]));

        // One batch, so the model draws epsilon once, with the shape the second draw has.
        manual_seed(seed);
        var full = model.Predict(new Dictionary<string, Tensor> { ["input"] = batch }, batchSize: (int)batch.shape[0], threads: threads);
        manual_seed(seed);
        var mean = full[nameof(FashionVae.Mean)];
        var epsilon = randn_like(mean);
        var z = mean + exp(0.5 * full[nameof(FashionVae.LogVariance)]) * epsilon;
        var alone = model.Decode.Predict(z, batchSize: (int)batch.shape[0], threads: threads);
        return (alone - full[nameof(FashionVae.Decode)]).abs().max().item<float>();
    }

    private static float[,] ToMatrix(Tensor rows)
    {
        var values = rows.to(CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var matrix = new float[rows.shape[0], rows.shape[1]];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(float));
        return matrix;
    }
}
