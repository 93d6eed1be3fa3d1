using System;
using System.IO;
using System.Linq;
using NetGen.Samples.Autoencoder;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>The autoencoder sample on tiny settings (the full run is the README's command) and its PCA baseline.</summary>
public sealed class AutoencoderSampleTests
{
    [Fact]
    public void SampleTrainsTheFullModelComparesWithPcaAndEmbedsWithTheEncoderAlone()
    {
        var output = new StringWriter();
        var directory = Directory.CreateTempSubdirectory("netgen-autoencoder-test-").FullName;

        var result = AutoencoderSample.Run(output, new AutoencoderOptions { Epochs = 2, BatchSize = 64, MaxTrainCount = 600, MaxTestCount = 200, ProgressEvery = 5, UseFullSet = false, Threads = 1, OutputDirectory = directory, GridImages = 6 });

        var text = output.ToString();
        Assert.Equal((600L, 200L), (result.TrainCount, result.TestCount));
        Assert.Equal(2, result.History.Epochs);
        Assert.True(result.History["loss"][1] < result.History["loss"][0], "the loss did not fall in the second epoch");
        Assert.Contains("  step     5: loss ", text);

        // The summary has the sub-networks as rows: 784*256+256 + 256*64+64 and 64*256+256 + 256*784+784.
        Assert.Contains(result.Summary.Split('\n'), static row => row.StartsWith(" Encode (Encoder)", StringComparison.Ordinal) && row.TrimEnd().EndsWith("217,408", StringComparison.Ordinal));
        Assert.Contains(result.Summary.Split('\n'), static row => row.StartsWith(" Decode (Decoder)", StringComparison.Ordinal) && row.TrimEnd().EndsWith("218,128", StringComparison.Ordinal));
        Assert.Equal(217_408 + 218_128, ImageAutoencoder.ParameterCount);

        // Pixels are in [0, 1], so any reconstruction error is too; PCA with 64 components keeps most of it.
        Assert.InRange(result.TestMse, 1e-4, 0.2);
        Assert.InRange(result.PcaMse, 1e-4, 0.05);
        Assert.InRange(result.PcaExplainedVariance, 0.5, 1.0);
        Assert.Contains("PCA with 64 components", text);

        // The stand-alone encoder is the full model's encoder.
        Assert.Equal(new long[] { 200, 64 }, result.CodeShape);
        Assert.Equal(0, result.SharedWeightsDifference);

        // Three rows (originals, autoencoder, PCA) of six 56-pixel images with 2-pixel padding.
        Assert.Equal(Path.Combine(directory, "reconstructions.png"), result.GridPath);
        using (var grid = SkiaSharp.SKBitmap.Decode(result.GridPath))
        {
            Assert.Equal((6 * 56 + 7 * 2, 3 * 56 + 4 * 2), (grid.Width, grid.Height));
        }

        Assert.Contains(result.GridPath, text);
        Directory.Delete(directory, recursive: true);
        Assert.InRange(result.CentroidAccuracy, 0.0, 1.0);
    }

    [Fact]
    public void PcaRebuildsRowsOnItsSubspaceExactlyAndCentresThem()
    {
        // Rows on a 2-dimensional plane through (5, 5, 5, 5): two components rebuild them exactly,
        // one does not, and without centring no 2-dimensional subspace through 0 would hold them.
        using var generator = new Generator(11);
        using var coordinates = randn(50, 2, dtype: ScalarType.Float64, generator: generator);
        using var basis = tensor(new double[,] { { 1, 0, 1, 0 }, { 0, 1, 0, -1 } });
        using var rows = coordinates.matmul(basis) + 5;

        using var two = Pca.Fit(rows, 2);
        using var one = Pca.Fit(rows, 1);
        using var rebuiltByTwo = two.Reconstruct(rows);
        using var rebuiltByOne = one.Reconstruct(rows);

        Assert.True(rebuiltByTwo.allclose(rows, rtol: 0, atol: 1e-10));
        Assert.Equal(1.0, two.ExplainedVariance, 10);
        Assert.True(AutoencoderSample.MeanSquaredError(rebuiltByOne, rows) > 0.01);
        Assert.InRange(one.ExplainedVariance, 0.3, 0.99);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(rows, 5));
        Assert.Throws<ArgumentException>(() => Pca.Fit(rows.flatten(), 1));
    }

    [Fact]
    public void PcaFromTheScatterMatrixAgreesWithTheThinSvdOfTheCentredRows()
    {
        // 5,000 rows, more than one block of the scatter sum (4,096), so the last block is short;
        // six directions of decreasing spread plus noise, so the first four are well separated.
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        var spread = tensor(new double[] { 10, 8, 6, 4, 2, 1 });
        var latent = randn(5000, 6, dtype: ScalarType.Float64, generator: generator) * spread;
        var mixing = randn(6, 20, dtype: ScalarType.Float64, generator: generator);
        var rows = latent.matmul(mixing) + (0.05 * randn(5000, 20, dtype: ScalarType.Float64, generator: generator)) + 3;

        using var pca = Pca.Fit(rows, 4);

        var mean = rows.mean([0L], keepdim: true);
        var (_, singular, vh) = linalg.svd(rows - mean, fullMatrices: false);
        var components = vh.narrow(0, 0, 4);
        var expected = (rows - mean).matmul(components.t()).matmul(components) + mean;
        var variance = singular.square();
        Assert.Equal((variance.narrow(0, 0, 4).sum() / variance.sum()).item<double>(), pca.ExplainedVariance, 12);
        Assert.True(pca.Reconstruct(rows).allclose(expected, rtol: 0, atol: 1e-9), "the scatter matrix's components rebuild the rows differently from the SVD's");
        Assert.Equal(4, pca.Dimension);
    }

    [Fact]
    public void MeanSquaredErrorAndNearestCentroidMeasureWhatTheySay()
    {
        using var predicted = tensor(new float[,] { { 0, 1 }, { 1, 1 } });
        using var actual = tensor(new float[,] { { 0, 0 }, { 1, 0 } });
        Assert.Equal(0.5, AutoencoderSample.MeanSquaredError(predicted, actual));
        Assert.Throws<ArgumentException>(() => AutoencoderSample.MeanSquaredError(predicted, actual.flatten()));

        using var trainCodes = tensor(new float[,] { { 0, 0 }, { 0, 2 }, { 10, 10 }, { 10, 12 } });
        using var trainLabels = tensor(new long[] { 0, 0, 1, 1 });
        using var testCodes = tensor(new float[,] { { 1, 1 }, { 9, 9 }, { 9, 11 } });
        using var testLabels = tensor(new long[] { 0, 1, 0 });
        Assert.Equal(2.0 / 3, AutoencoderSample.NearestCentroidAccuracy(trainCodes, trainLabels, testCodes, testLabels, 2), 10);
    }
}
