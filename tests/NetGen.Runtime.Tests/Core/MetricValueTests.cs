using NetGen.Metrics;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Core;

/// <summary>Metrics against values computed by hand, accumulated over the epoch.</summary>
public sealed class MetricValueTests
{
    [Fact]
    public void AccuracyIsOverTheEpochNotAMeanOfBatches()
    {
        var accuracy = new Accuracy();
        // Batch 1: 1 of 3 right. Batch 2: 1 of 1 right. Epoch: 2/4 = 0.5 (the batch mean would be 0.667).
        accuracy.Update(tensor(new[] { 0.9f, 0.9f, 0.1f }), tensor(new[] { 1f, 0f, 1f }));
        accuracy.Update(tensor(new[] { 0.2f }), tensor(new[] { 0f }));

        Assert.Equal(0.5, accuracy.Result());
    }

    [Fact]
    public void CategoricalAccuracyWithOneHotOrClassIds()
    {
        var p = tensor(new[] { 0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f }, new long[] { 2, 3 });
        var oneHot = new Accuracy();
        var ids = new Accuracy();

        oneHot.Update(p, tensor(new[] { 1f, 0, 0, 0, 1, 0 }, new long[] { 2, 3 }));
        ids.Update(p, tensor(new long[] { 0, 2 }));

        Assert.Equal(0.5, oneHot.Result());
        Assert.Equal(1.0, ids.Result());
    }

    [Fact]
    public void RocAucIsExactWithTies()
    {
        // Pairs (positive, negative): (0.35,0.1) win, (0.35,0.4) loss, (0.8,*) two wins: 3/4.
        Assert.Equal(0.75, RocAuc.Compute(new[] { 0.1, 0.4, 0.35, 0.8 }, new[] { false, false, true, true }), 10);
        // A tie between a positive and a negative counts one half: (0.5 vs 0.5) = 0.5, (0.5 vs 0.1) = 1.
        Assert.Equal(0.75, RocAuc.Compute(new[] { 0.5, 0.5, 0.1 }, new[] { true, false, false }), 10);
        Assert.True(double.IsNaN(RocAuc.Compute(new[] { 0.1, 0.2 }, new[] { true, true })));
    }

    [Fact]
    public void RocAucAccumulatesBatches()
    {
        var auc = new RocAuc();
        auc.Update(tensor(new[] { 0.1f, 0.4f }), tensor(new[] { 0f, 0f }));
        auc.Update(tensor(new[] { 0.35f, 0.8f }), tensor(new[] { 1f, 1f }));

        Assert.Equal(0.75, auc.Result(), 6);
    }

    [Fact]
    public void MaeAndMse()
    {
        var mae = new MeanAbsoluteError();
        var mse = new MeanSquaredError();
        mae.Update(tensor(new[] { 1f, 2f }), tensor(new[] { 0f, 2f }));
        mae.Update(tensor(new[] { 4f }), tensor(new[] { 1f }));
        mse.Update(tensor(new[] { 1f, 2f, 4f }), tensor(new[] { 0f, 2f, 1f }));

        Assert.Equal(4 / 3.0, mae.Result(), 6);
        Assert.Equal(10 / 3.0, mse.Result(), 6);
    }
}
