using System;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data;

// One test checks that splitting leaves TorchSharp's global generator alone.
[Collection(Infrastructure.ProcessWideState.Name)]
public sealed class DataSplitTests
{
    private static (Tensor X, Tensor Y) Rows(int count)
    {
        // Feature row i is (2i, 2i + 1) and its label is i, so pairing can be checked after a split.
        var y = arange(count, dtype: ScalarType.Float32);
        return (arange(2 * count, dtype: ScalarType.Float32).reshape(count, 2), y);
    }

    [Fact]
    public void SameSeedSameSplitAndEveryRowOnceWithItsLabel()
    {
        var (x, y) = Rows(10);

        using var first = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 5);
        using var second = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 5);
        using var other = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 6);

        Assert.Equal(3, first.XTest.shape[0]);
        Assert.Equal(7, first.XTrain.shape[0]);
        Assert.Equal(first.YTest.data<float>().ToArray(), second.YTest.data<float>().ToArray());
        Assert.NotEqual(first.YTest.data<float>().ToArray(), other.YTest.data<float>().ToArray());
        var all = first.YTrain.data<float>().Concat(first.YTest.data<float>()).OrderBy(static v => v);
        Assert.Equal(Enumerable.Range(0, 10).Select(static v => (float)v), all);
        Assert.Equal(first.YTest.data<float>().Select(static v => 2 * v).ToArray(), first.XTest[.., 0].data<float>().ToArray());
        Assert.Equal(first.YTrain.data<float>().Select(static v => 2 * v).ToArray(), first.XTrain[.., 0].data<float>().ToArray());
    }

    [Fact]
    public void TheSplitForASeedIsFixedForever()
    {
        // A golden value: if this changes, every user's seeded split (and reported score) changes.
        var (x, y) = Rows(10);

        var (_, _, yTrain, yTest) = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 42);

        Assert.Equal(GoldenTest, yTest.data<float>().ToArray());
        Assert.Equal(7, yTrain.shape[0]);
    }

    [Fact]
    public void TorchSharpsGlobalGeneratorNeitherChangesNorIsConsumed()
    {
        var (x, y) = Rows(10);
        manual_seed(1);
        var expectedNext = rand(3).data<float>().ToArray();

        manual_seed(123);
        var (_, _, _, afterOtherSeed) = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 42);
        manual_seed(1);
        DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 42);

        Assert.Equal(GoldenTest, afterOtherSeed.data<float>().ToArray());
        Assert.Equal(expectedNext, rand(3).data<float>().ToArray());
    }

    [Fact]
    public void WithoutShuffleTheTestPartIsTheLastRowsAsScikitLearns()
    {
        var (x, y) = Rows(8);

        var split = DataSplit.TrainTestSplit(x, y, testFraction: 0.25, shuffle: false);

        // scikit-learn: train_test_split(range(8), test_size=0.25, shuffle=False) -> [0..5], [6, 7].
        Assert.Equal(new[] { 6f, 7f }, split.YTest.data<float>().ToArray());
        Assert.Equal(new[] { 0f, 1f, 2f, 3f, 4f, 5f }, split.YTrain.data<float>().ToArray());
    }

    [Fact]
    public void StratifiedSplitKeepsEachClassShare()
    {
        // 30 samples: 20 of class 0 and 10 of class 1, interleaved so an unstratified split could drift.
        var labels = Enumerable.Range(0, 30).Select(static i => i % 3 == 0 ? 1f : 0f).ToArray();
        var y = tensor(labels);
        var x = arange(30, dtype: ScalarType.Float32).reshape(30, 1);

        for (var seed = 0; seed < 5; seed++)
        {
            using var split = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: seed, stratify: y);

            Assert.Equal(9, split.YTest.shape[0]);
            Assert.Equal(3f, split.YTest.sum().item<float>());
            Assert.Equal(7f, split.YTrain.sum().item<float>());
            var rows = split.XTest[.., 0].data<float>().Concat(split.XTrain[.., 0].data<float>()).Select(static v => (int)v).OrderBy(static v => v);
            Assert.Equal(Enumerable.Range(0, 30), rows);
            Assert.Equal(split.XTest[.., 0].data<float>().Select(v => labels[(int)v]).ToArray(), split.YTest.data<float>().ToArray());
        }

        using var again = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 3, stratify: y);
        using var same = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 3, stratify: y);
        Assert.Equal(again.XTest.data<float>().ToArray(), same.XTest.data<float>().ToArray());
    }

    [Fact]
    public void StratifiedRoundingKeepsTheRequestedTestSize()
    {
        // Classes of 5, 4 and 3 with 25 %: shares 1.25, 1.0, 0.75 must add up to ceil(0.25 * 12) = 3.
        var y = tensor(new long[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2 });
        var x = zeros(12, 2);

        using var split = DataSplit.TrainTestSplit(x, y, testFraction: 0.25, seed: 1, stratify: y);

        Assert.Equal(new[] { 0L, 1L, 2L }, split.YTest.data<long>().OrderBy(static v => v).ToArray());
    }

    [Fact]
    public void BadArguments()
    {
        var x = zeros(4, 2);
        var classes = tensor(new long[] { 0, 0, 1, 0 });

        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainTestSplit(x, zeros(4), testFraction: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainTestSplit(x, zeros(4), testFraction: 0));
        Assert.Contains("Features have 4 rows but labels have 3", Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(x, zeros(3))).Message);
        Assert.Contains("leaves no training samples", Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(x, zeros(4), testFraction: 0.8)).Message);
        Assert.Contains("Class 1 has only one sample", Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(x, zeros(4), stratify: classes)).Message);
        Assert.Contains("needs shuffle: true", Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(x, zeros(4), shuffle: false, stratify: classes)).Message);
        Assert.Contains("one class label per sample (4)", Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(x, zeros(4), stratify: zeros(3))).Message);
    }

    private static readonly float[] GoldenTest = [0f, 9f, 5f];
}
