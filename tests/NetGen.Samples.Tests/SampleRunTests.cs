using System.IO;
using NetGen.Samples.BreastCancer;

namespace NetGen.Samples.Tests;

/// <summary>The main sample runs end to end (a few epochs here; the full run is the README's command).</summary>
public sealed class SampleRunTests
{
    [Fact]
    public void BreastCancerSampleTrainsEvaluatesSavesAndReloads()
    {
        var output = new StringWriter();
        var directory = Directory.CreateTempSubdirectory("netgen-sample-").FullName;

        var result = BreastCancerSample.Run(output, maxEpochs: 5, workDirectory: directory);

        var text = output.ToString();
        Assert.Contains("Loaded 569 samples with 30 features", text);
        Assert.Contains("Epoch 5/5", text);
        Assert.True(result.PredictionsEqualAfterReload);
        Assert.True(File.Exists(result.WeightsPath));
        // Five epochs on standardized data already separate the classes well above chance.
        Assert.InRange(result.TestAccuracy, 0.8, 1.0);
        Assert.InRange(result.TestRocAuc, 0.85, 1.0);
    }
}
