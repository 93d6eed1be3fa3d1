using System;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data;

public sealed class DataSplitTests
{
    [Fact]
    public void SameSeedSameSplitAndEveryRowOnce()
    {
        var x = arange(20, dtype: ScalarType.Float32).reshape(10, 2);
        var y = arange(10, dtype: ScalarType.Float32);

        var first = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 5);
        var second = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 5);
        var other = DataSplit.TrainTestSplit(x, y, testFraction: 0.3, seed: 6);

        Assert.Equal(3, first.XTest.shape[0]);
        Assert.Equal(7, first.XTrain.shape[0]);
        Assert.Equal(first.YTest.data<float>().ToArray(), second.YTest.data<float>().ToArray());
        Assert.NotEqual(first.YTest.data<float>().ToArray(), other.YTest.data<float>().ToArray());
        var all = first.YTrain.data<float>().Concat(first.YTest.data<float>()).OrderBy(static v => v);
        Assert.Equal(Enumerable.Range(0, 10).Select(static v => (float)v), all);
        // Rows stay paired with their labels.
        Assert.Equal(first.YTest.data<float>().Select(static v => 2 * v).ToArray(), first.XTest[.., 0].data<float>().ToArray());
    }

    [Fact]
    public void WithoutShuffleTheTestPartIsTheFirstRows()
    {
        var y = arange(4, dtype: ScalarType.Float32);

        var split = DataSplit.TrainTestSplit(y.reshape(4, 1), y, testFraction: 0.25, shuffle: false);

        Assert.Equal(new[] { 0f }, split.YTest.data<float>().ToArray());
    }

    [Fact]
    public void BadArguments()
    {
        var x = zeros(4, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainTestSplit(x, zeros(4), testFraction: 1.0));
        Assert.Contains("Features have 4 rows but labels have 3", Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(x, zeros(3))).Message);
    }
}
