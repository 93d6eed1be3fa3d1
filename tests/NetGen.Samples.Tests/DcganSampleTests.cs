using System;
using System.IO;
using System.Linq;
using NetGen.Samples.Dcgan;

namespace NetGen.Samples.Tests;

/// <summary>The DCGAN sample on tiny settings (the full run is the README's command).</summary>
public sealed class DcganSampleTests
{
    [Fact]
    public void SampleTrainsBothConvolutionalNetworksAndSavesTheGrids()
    {
        var output = new StringWriter();
        var directory = Path.Combine(Path.GetTempPath(), $"netgen-dcgan-sample-{Guid.NewGuid():N}");
        try
        {
            var result = DcganSample.Run(output, new DcganOptions { Epochs = 2, BatchSize = 32, MaxTrainCount = 96, SampleEvery = 1, ProgressEvery = 2, Threads = 1, UseFullSet = false, OutputDirectory = directory });

            var text = output.ToString();
            Assert.Equal(96L, result.TrainCount);
            Assert.Equal(new[] { "d_loss", "g_loss", "d_real_accuracy", "d_fake_accuracy" }, result.History.Values.Keys);
            Assert.Equal(2, result.History.Epochs);
            Assert.Contains("  step     2: d_loss ", text);
            Assert.Contains("Model: \"ConvGenerator\"", text);
            Assert.Contains("Model: \"ConvDiscriminator\"", text);
            Assert.Contains(" ToMap (Reshape)", text);
            Assert.Contains("(None, 64, 14, 14)", text);

            // 100*6272 (no bias), 4*6272 (batch norm), 128*64*4*4 (no bias), 4*64, 64*1*4*4+1
            // | 1*64*5*5+64, 64*128*5*5 (no bias), 4*128, 6272+1.
            Assert.Contains(result.Summary.Split('\n'), static row => row.StartsWith(" Generator (ConvGenerator)", StringComparison.Ordinal) && row.Contains("784,641", StringComparison.Ordinal));
            Assert.Contains(result.Summary.Split('\n'), static row => row.StartsWith(" Discriminator (ConvDiscriminator)", StringComparison.Ordinal) && row.Contains("213,249", StringComparison.Ordinal));
            Assert.Equal(784_641, ConvGenerator.ParameterCount);
            Assert.Equal(213_249, ConvDiscriminator.ParameterCount);

            Assert.All(new[] { result.DiscriminatorLoss, result.GeneratorLoss }, value => Assert.True(value > 0 && double.IsFinite(value)));
            Assert.InRange(result.RealAccuracy, 0, 1);
            Assert.InRange(result.FakeAccuracy, 0, 1);

            // Epochs 1 and 2, then the final grid of 10 x 10 images of 56 pixels with 2 of padding.
            Assert.Equal(new[] { "samples-epoch-001.png", "samples-epoch-002.png" }, result.EpochGrids.Select(Path.GetFileName));
            Assert.All(result.EpochGrids.Append(result.FinalGrid), path => Assert.True(File.Exists(path), path));
            using var final = SkiaSharp.SKBitmap.Decode(result.FinalGrid);
            Assert.Equal((10 * 56) + (11 * 2), final.Width);
            Assert.Equal(final.Width, final.Height);

            // The grid is not one flat value (as a generator gone to NaN or to a constant would give).
            Assert.True(final.Pixels.Select(static p => p.Red).Distinct().Count() > 10);
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
    public void OptionsRejectAnEpochCountBelowOne()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DcganSample.Run(TextWriter.Null, new DcganOptions { Epochs = 0 }));
        Assert.Equal("Epochs", error.ParamName);
    }
}
