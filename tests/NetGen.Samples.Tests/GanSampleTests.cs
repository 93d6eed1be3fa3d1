using System;
using System.IO;
using System.Linq;
using NetGen.Samples.Gans;

namespace NetGen.Samples.Tests;

/// <summary>The dense GAN sample on tiny settings (the full run is the README's command).</summary>
public sealed class GanSampleTests
{
    [Fact]
    public void SampleTrainsBothNetworksAndSavesTheGrids()
    {
        var output = new StringWriter();
        var directory = Path.Combine(Path.GetTempPath(), $"netgen-gan-sample-{Guid.NewGuid():N}");
        try
        {
            var result = GanSample.Run(output, new GanOptions { Epochs = 3, BatchSize = 64, MaxTrainCount = 320, SampleEvery = 2, ProgressEvery = 2, UseFullSet = false, OutputDirectory = directory });

            var text = output.ToString();
            Assert.Equal(320L, result.TrainCount);
            Assert.Equal(new[] { "d_loss", "g_loss", "d_real_accuracy", "d_fake_accuracy" }, result.History.Values.Keys);
            Assert.Equal(3, result.History.Epochs);
            Assert.Contains("  step     2: d_loss ", text);
            Assert.Contains("Model: \"FashionGenerator\"", text);
            Assert.Contains("Model: \"FashionDiscriminator\"", text);

            // 100*256+256, 2*2*256 (batch norm), 256*512+512, 2*2*512, 512*784+784 | 784*512+512, 512*256+256, 256+1.
            Assert.Contains(result.Summary.Split('\n'), static row => row.StartsWith(" Generator (FashionGenerator)", StringComparison.Ordinal) && row.Contains("562,704", StringComparison.Ordinal));
            Assert.Contains(result.Summary.Split('\n'), static row => row.StartsWith(" Discriminator (FashionDiscriminator)", StringComparison.Ordinal) && row.Contains("533,505", StringComparison.Ordinal));
            Assert.Equal(562_704, FashionGenerator.ParameterCount);
            Assert.Equal(533_505, FashionDiscriminator.ParameterCount);

            Assert.All(new[] { result.DiscriminatorLoss, result.GeneratorLoss }, value => Assert.True(value > 0 && double.IsFinite(value)));
            Assert.InRange(result.RealAccuracy, 0, 1);
            Assert.InRange(result.FakeAccuracy, 0, 1);

            // Epochs 2 and 3 (the last), then the final grid of 10 x 10 images of 56 pixels with 2 of padding.
            Assert.Equal(new[] { "samples-epoch-002.png", "samples-epoch-003.png" }, result.EpochGrids.Select(Path.GetFileName));
            Assert.All(result.EpochGrids.Append(result.FinalGrid), path => Assert.True(File.Exists(path), path));
            using var final = SkiaSharp.SKBitmap.Decode(result.FinalGrid);
            Assert.Equal((10 * 56) + (11 * 2), final.Width);
            Assert.Equal(final.Width, final.Height);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
