using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using NetGen.Samples.VariationalAutoencoder;

namespace NetGen.Samples.Tests;

/// <summary>The variational autoencoder sample on tiny settings (the full run is the README's command) and its latent grid.</summary>
[Collection(nameof(GlobalRandomState))]
public sealed class VaeSampleTests
{
    [Fact]
    public void SampleTrainsOnTheLossTermsAndDrawsTheDecoderAloneOverTheLatentGrid()
    {
        var directory = Path.Combine(Path.GetTempPath(), "netgen-vae-test-" + Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        try
        {
            var result = VaeSample.Run(output, new VaeOptions { Epochs = 1, BatchSize = 50, MaxTrainCount = 300, MaxTestCount = 100, ProgressEvery = 3, UseFullSet = false, Threads = 1, OutputDirectory = directory });

            var text = output.ToString();
            Assert.Equal((300L, 100L), (result.TrainCount, result.TestCount));

            // Fit(x) without targets logs the two terms, and the loss is their sum.
            Assert.Equal(["kl_loss", "loss", "reconstruction_loss"], result.History.Values.Keys.Order());
            Assert.Equal(result.History["kl_loss"][0] + result.History["reconstruction_loss"][0], result.History["loss"][0], 3);
            Assert.Contains("  step     3: loss ", text);
            Assert.Contains(", kl_loss ", text);

            // The test terms: KL of a Gaussian from the prior is never negative, and a binary
            // cross-entropy summed over 784 pixels in [0, 1] is positive and far below 784 * ln 2 * 10.
            Assert.True(result.TestKl >= 0, $"KL {result.TestKl}");
            Assert.InRange(result.TestReconstruction, 1.0, 5000.0);
            Assert.Equal(result.TestKl + result.TestReconstruction, result.TestLoss, 3);

            // The summary shows the decoder as one row: 2*512+512 + 512*784+784 parameters.
            Assert.Contains(result.Summary.Split('\n'), static row => row.StartsWith(" Decode (VaeDecoder)", StringComparison.Ordinal) && row.Contains(" 403,728 ", StringComparison.Ordinal));
            Assert.Contains(result.Summary.Split('\n'), static row => row.StartsWith(" Sample (Lambda)", StringComparison.Ordinal));
            Assert.DoesNotContain("KlDivergence", result.Summary);
            Assert.Equal(784 * 512 + 512 + 2 * (512 * 2 + 2) + 403_728, FashionVae.ParameterCount);

            // The decoder alone is the full model's decoder: same draws, same images.
            Assert.Equal(0, result.DecoderDifference);

            // 15 x 15 images of 28 x 28 pixels, scaled by 2, without padding.
            Assert.Equal((840, 840), result.GridPixels);
            Assert.Equal((840, 840), PngSize(result.GridPath));
            Assert.True(File.Exists(result.MeansPath));
            Assert.True(PngSize(result.MeansPath).Width > 0);
            Assert.Equal((100, 2), (result.TestMeans.GetLength(0), result.TestMeans.GetLength(1)));
            Assert.All(result.TestMeans.Cast<float>(), static value => Assert.True(float.IsFinite(value)));
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
    public void LatentValuesAreNormalQuantilesAndTheGridPutsLargeZ2OnTop()
    {
        var values = VaeSample.LatentValues(15);

        // Probabilities 0.05, 0.1125, ..., 0.95: the quantiles are symmetric, the middle one is 0.
        Assert.Equal(15, values.Length);
        Assert.Equal(-1.6448536, values[0], 6);
        Assert.Equal(1.6448536, values[^1], 6);
        Assert.Equal(0, values[7], 10);
        Assert.True(values.Zip(values.Skip(1)).All(static pair => pair.First < pair.Second));

        using var grid = VaeSample.LatentGrid(3);
        var points = grid.data<float>().ToArray();
        var three = VaeSample.LatentValues(3);
        Assert.Equal(new long[] { 9, 2 }, grid.shape);
        // Row 0 (top): z2 largest; column 0: z1 smallest. The last point is the bottom right.
        Assert.Equal(new[] { (float)three[0], (float)three[2] }, points[..2]);
        Assert.Equal(new[] { (float)three[1], (float)three[2] }, points[2..4]);
        Assert.Equal(new[] { (float)three[2], (float)three[0] }, points[^2..]);
        Assert.Throws<ArgumentOutOfRangeException>(() => VaeSample.LatentValues(1));
    }

    // A PNG's IHDR chunk holds the width and the height, big-endian, at bytes 16 and 20.
    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
