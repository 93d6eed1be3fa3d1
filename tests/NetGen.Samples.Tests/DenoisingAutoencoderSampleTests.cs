using System;
using System.Globalization;
using System.IO;
using NetGen.Samples.DenoisingAutoencoder;
using SkiaSharp;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>The denoising autoencoder sample on tiny settings (the full run is the README's command), its corruption and its networks' noise layers.</summary>
public sealed class DenoisingAutoencoderSampleTests
{
    [Fact]
    public void SampleTrainsBothDenoisersAndMeasuresNoisyAndDenoisedImagesAgainstTheCleanOnes()
    {
        var directory = Path.Combine(Path.GetTempPath(), "netgen-denoising-test-" + Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        try
        {
            var result = DenoisingSample.Run(output, new DenoisingOptions
            {
                Epochs = 1, BatchSize = 50, MaxTrainCount = 300, MaxTestCount = 40, ProgressEvery = 3,
                UseFullSet = false, Threads = 1, OutputDirectory = directory,
            });

            var text = output.ToString();
            Assert.Equal((300L, 40L), (result.TrainCount, result.TestCount));
            Assert.Equal(1, result.DenseHistory.Epochs);
            Assert.Equal(1, result.ConvHistory.Epochs);
            Assert.True(double.IsFinite(result.DenseHistory["loss"][0]) && double.IsFinite(result.ConvHistory["loss"][0]));
            Assert.Contains("  step     3: loss ", text);

            // Both summaries are printed: the dense one with its sub-networks as rows, the convolutional
            // one with Keras's example's count (320 + 9,248 + 9,248 + 9,248 + 289).
            Assert.Contains(result.DenseSummary.Split('\n'), static row => row.StartsWith(" Encode (DenseEncoder)", StringComparison.Ordinal) && row.TrimEnd().EndsWith("217,408", StringComparison.Ordinal));
            Assert.Contains(result.DenseSummary.Split('\n'), static row => row.StartsWith(" Corrupt (GaussianNoise)", StringComparison.Ordinal));
            Assert.Equal(28_353, ConvDenoiser.ParameterCount);
            Assert.Contains(result.ConvSummary, text);
            Assert.Contains(result.DenseSummary, text);

            // The noisy images are the clean ones plus noise of stddev 0.4 clipped to [0, 1]: their error is
            // below 0.4² and far above 0. Each network's error is its own measurement, printed in the table.
            Assert.InRange(result.NoisyMse, 0.03, 0.16);
            Assert.InRange(result.DenseMse, 1e-4, 0.3);
            Assert.InRange(result.ConvMse, 1e-4, 0.3);
            Assert.NotEqual(result.NoisyMse, result.DenseMse);
            Assert.NotEqual(result.DenseMse, result.ConvMse);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"noisy                        {result.NoisyMse,13:F5}"), text);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"denoised by DenseDenoiser    {result.DenseMse,13:F5}"), text);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"denoised by ConvDenoiser     {result.ConvMse,13:F5}"), text);

            // Predict skips the noise layers: the dense network equals its encoder and decoder alone.
            Assert.Equal(0, result.DenseNoiseFreeDifference);

            // Four rows of ten 56 × 56 images with 2 pixels between and around them.
            Assert.Equal(Path.Combine(directory, "denoising.png"), result.GridPath);
            Assert.Equal((10 * 56 + 11 * 2, 4 * 56 + 5 * 2), result.GridSize);
            using var png = SKBitmap.Decode(result.GridPath);
            Assert.NotNull(png);
            Assert.Equal((582, 234), (png.Width, png.Height));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void CorruptAddsNoiseOfTheGivenStddevOnceFromTheSeedAndClipsToTheUnitRange()
    {
        using var scope = NewDisposeScope();
        var grey = full(new long[] { 200, 1, 28, 28 }, 0.5f);

        var first = DenoisingSample.Corrupt(grey, 0.1, seed: 7);
        var again = DenoisingSample.Corrupt(grey, 0.1, seed: 7);
        var other = DenoisingSample.Corrupt(grey, 0.1, seed: 8);
        var strong = DenoisingSample.Corrupt(grey, 3.0, seed: 7);

        Assert.True(first.eq(again).all().item<bool>(), "the same seed gives the same noise");
        Assert.False(first.eq(other).all().item<bool>(), "another seed gives other noise");
        Assert.Equal(0.1, (first - grey).std().item<float>(), 2);
        Assert.Equal(0.5, first.mean().item<float>(), 2);
        Assert.True(strong.min().item<float>() == 0 && strong.max().item<float>() == 1, "strong noise is clipped to [0, 1]");
        Assert.True(DenoisingSample.Corrupt(grey, 0, seed: 7).eq(grey).all().item<bool>());
        Assert.Equal(grey.shape, first.shape);
    }

    [Fact]
    public void TheConvolutionalDenoiserAddsNoiseInTrainingOnlyAndPredictIsDeterministic()
    {
        using var network = new ConvDenoiser(device: null, seed: 3);
        using var scope = NewDisposeScope();
        var images = rand(4, 1, 28, 28);

        network.train();
        Tensor first, second;
        using (no_grad())
        {
            first = network.forward(images);
            second = network.forward(images);
        }

        var predicted = network.Predict(images);
        var predictedAgain = network.Predict(images);
        network.eval();
        Tensor evaluated;
        using (no_grad())
        {
            evaluated = network.forward(images);
        }

        Assert.False(first.eq(second).all().item<bool>(), "each training forward draws new noise");
        Assert.True(predicted.eq(predictedAgain).all().item<bool>(), "Predict adds no noise");
        Assert.True(predicted.eq(evaluated).all().item<bool>(), "Predict is the network in inference mode");
        Assert.Equal(new long[] { 4, 1, 28, 28 }, predicted.shape);
        Assert.True(predicted.min().item<float>() >= 0 && predicted.max().item<float>() <= 1, "the sigmoid keeps pixels in [0, 1]");
    }

    [Fact]
    public void MeanSquaredErrorIsPerPixelAndRefusesMismatchedShapes()
    {
        using var predicted = tensor(new float[,] { { 0, 1 }, { 1, 1 } });
        using var actual = tensor(new float[,] { { 0, 0 }, { 1, 0 } });
        Assert.Equal(0.5, DenoisingSample.MeanSquaredError(predicted, actual));
        var error = Assert.Throws<ArgumentException>(() => DenoisingSample.MeanSquaredError(predicted, actual.flatten()));
        Assert.Contains("(2, 2)", error.Message);
    }
}
