using System;
using System.IO;
using System.Linq;
using NetGen.Samples.ImbalancedClassification;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>The class-imbalance sample on tiny settings and on its defaults (the README's run), and its confusion counts.</summary>
public sealed class ImbalancedClassificationSampleTests
{
    [Fact]
    public void MakesTheTableRareSplitsItStratifiedWeighsTheClassesAndReportsBothRuns()
    {
        var output = new StringWriter();

        var result = ImbalancedClassificationSample.Run(output, new ImbalancedClassificationOptions { Epochs = 2, Repeats = 2 });

        var text = output.ToString();
        var main = result.Main;
        // All 357 benign rows and 30 malignant ones; a quarter held out, each class keeping its share.
        Assert.Equal(387, main.Rows);
        Assert.Equal((290L, 22L, 97L, 8L), (main.TrainCount, main.TrainPositives, main.TestCount, main.TestPositives));
        Assert.Contains("387 rows, 7.8% malignant", text);

        // total / (2 x count) per class: each class then carries half of the weighted training loss.
        Assert.Equal(290 / (2.0 * 268), main.ClassWeight[0], 12);
        Assert.Equal(290 / (2.0 * 22), main.ClassWeight[1], 12);
        Assert.Equal(290, main.ClassWeight[0] * 268 + main.ClassWeight[1] * 22, 9);
        Assert.Contains("Class weights (total / (2 x count)): benign 0.5410, malignant 6.5909.", text);

        Assert.Contains("Model: \"ScreeningNet\"", text);
        foreach (var run in new[] { result.Unweighted, result.Weighted })
        {
            Assert.Equal(2, run.History.Epochs);
            var confusion = run.Confusion;
            Assert.Equal(97, confusion.Positives + confusion.Negatives);
            Assert.Equal(8, confusion.Positives);
            Assert.Equal((double)confusion.TruePositives / 8, run.Recall);
            Assert.InRange(run.RocAuc, 0, 1);
            Assert.Contains($"Malignant recall {run.Recall:F3} ({confusion.TruePositives} of 8 caught)", text);
        }

        // Same seed, same data, same initial weights: the class weights alone change the training loss.
        Assert.NotEqual(result.Unweighted.History["loss"][0], result.Weighted.History["loss"][0]);
        Assert.Contains("Run               Caught  Missed  False alarms  Recall  Precision  ROC-AUC", text);

        // The repeat draws other rows with the next seed, and the table sums both.
        Assert.Equal(new[] { 42, 43 }, result.Repeats.Select(static c => c.Seed));
        Assert.Same(main, result.Repeats[0]);
        Assert.Contains("The same comparison with 2 seeds", text);
        var caughtWithout = result.Repeats.Sum(static c => c.Unweighted.Confusion.TruePositives);
        var caughtWith = result.Repeats.Sum(static c => c.Weighted.Confusion.TruePositives);
        Assert.Contains(text.Split('\n'), line => line.StartsWith("Total", StringComparison.Ordinal) && line.Contains($"{caughtWithout} / {caughtWith}", StringComparison.Ordinal));
    }

    [Fact]
    public void ClassWeightsCatchAtLeastAsManyMalignantTumoursOnEverySeedOfTheDefaultRun()
    {
        // The README's run: five seeds, each its own rows, split and initialization. In about 150 comparisons
        // (seeds 1-9 and 42-46, 5 to 30 epochs, batches of 32 to 128, 20 to 40 malignant rows) the weighted run
        // never caught fewer; over these five seeds it catches more in total.
        var result = ImbalancedClassificationSample.Run(TextWriter.Null);

        Assert.Equal(5, result.Repeats.Count);
        foreach (var comparison in result.Repeats)
        {
            Assert.True(
                comparison.Weighted.Confusion.TruePositives >= comparison.Unweighted.Confusion.TruePositives,
                $"seed {comparison.Seed}: {comparison.Weighted.Confusion.TruePositives} caught with class weights, {comparison.Unweighted.Confusion.TruePositives} without");
        }

        Assert.True(
            result.Repeats.Sum(static c => c.Weighted.Confusion.TruePositives) > result.Repeats.Sum(static c => c.Unweighted.Confusion.TruePositives),
            "class weights caught no more malignant tumours than no weights over the five seeds");
    }

    [Fact]
    public void ConfusionCountsEachPairOfTruthAndPredictionAndFormatsRecallPerRow()
    {
        using var actual = tensor(new float[] { 0, 0, 0, 0, 1, 1, 1 }).reshape(-1, 1);
        using var predicted = tensor(new long[] { 0, 0, 0, 1, 1, 1, 0 });

        var confusion = BinaryConfusion.Compute(actual, predicted);

        Assert.Equal(new BinaryConfusion(TrueNegatives: 3, FalsePositives: 1, FalseNegatives: 1, TruePositives: 2), confusion);
        Assert.Equal(2.0 / 3, confusion.Recall);
        Assert.Equal(2.0 / 3, confusion.Precision);
        Assert.Equal(
            "true \\ predicted     benign  malignant  recall\n" +
            "benign                    3          1  0.750\n" +
            "malignant                 1          2  0.667\n",
            confusion.Format("benign", "malignant").Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(double.IsNaN(new BinaryConfusion(5, 0, 0, 0).Precision));
        using var notBinary = tensor(new long[] { 0, 2, 1, 0, 1, 1, 0 });
        Assert.Throws<ArgumentException>(() => BinaryConfusion.Compute(actual, notBinary));
    }
}
