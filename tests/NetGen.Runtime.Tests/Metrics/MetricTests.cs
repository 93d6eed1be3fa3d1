using System;
using NetGen.Metrics;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.MetricsSpecs;

/// <summary>Accuracy, ROC-AUC, MAE and MSE accumulated over an epoch.</summary>
public sealed class MetricTests
{
    private static double Result(Metric metric, params (Tensor Predictions, Tensor Targets)[] batches)
    {
        var accumulator = MetricAccumulator.For(metric);
        accumulator.Reset();
        foreach (var (p, y) in batches)
        {
            accumulator.Update(p, y);
        }

        return accumulator.Result();
    }

    private static Tensor Column(params float[] values) => tensor(values, [values.Length, 1]);

    [Fact]
    public void BinaryAccuracyThresholdsAtOneHalf()
    {
        // 0.51 -> 1 (right), 0.5 -> 0 (right: not above), 0.49 -> 0 (wrong), 0.9 -> 1 (wrong).
        Assert.Equal(0.5, Result(Metric.Accuracy, (Column(0.51f, 0.5f, 0.49f, 0.9f), Column(1, 0, 1, 0))), 10);
        // One-dimensional targets against a column.
        Assert.Equal(0.5, Result(Metric.Accuracy, (Column(0.51f, 0.5f, 0.49f, 0.9f), tensor(new float[] { 1, 0, 1, 0 }))), 10);
    }

    [Fact]
    public void AccuracyOfAMapComparesTheChannelArgmaxOfEachPixel()
    {
        // One sample, 2 classes on a 2x3 map (channels first): predicted classes per pixel 0 1 0 / 1 1 0.
        var p = tensor(new float[] { 0.9f, 0.2f, 0.6f, 0.3f, 0.1f, 0.8f, 0.1f, 0.8f, 0.4f, 0.7f, 0.9f, 0.2f }, [1, 2, 2, 3]);
        var ids = tensor(new long[] { 0, 1, 1, 1, 0, 0 }, [1, 2, 3]);
        var oneHot = nn.functional.one_hot(ids, 2).permute(0, 3, 1, 2).to_type(ScalarType.Float32);

        // Four of six pixels right, whether the labels are ids, (batch, 1, height, width) ids or one-hot maps.
        Assert.Equal(4.0 / 6, Result(Metric.Accuracy, (p, ids)), 10);
        Assert.Equal(4.0 / 6, Result(Metric.Accuracy, (p, ids.unsqueeze(1))), 10);
        Assert.Equal(4.0 / 6, Result(Metric.Accuracy, (p, oneHot)), 10);
        Assert.Throws<ArgumentException>(() => Result(Metric.Accuracy, (p, ids.reshape(1, 3, 2))));
    }

    [Fact]
    public void MultiClassAccuracyUsesTheArgmaxWithOneHotOrIntegerLabels()
    {
        var p = tensor(new float[] { 0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f, 0.2f, 0.3f, 0.5f }, [3, 3]);
        // Predicted classes 1, 0, 2.
        var oneHot = tensor(new float[] { 0, 1, 0, 0, 0, 1, 0, 0, 1 }, [3, 3]);
        Assert.Equal(2.0 / 3, Result(Metric.Accuracy, (p, oneHot)), 10);
        Assert.Equal(2.0 / 3, Result(Metric.Accuracy, (p, tensor(new long[] { 1, 2, 2 }))), 10);
        Assert.Equal(1.0, Result(Metric.Accuracy, (p, tensor(new long[] { 1, 0, 2 }, [3, 1]))), 10);
    }

    [Fact]
    public void AccuracyIsOverTheEpochNotAMeanOfBatches()
    {
        // Batch 1: 1 of 3 right; batch 2: 1 of 1 right. Epoch: 2/4 = 0.5; mean of batches would be 2/3.
        var value = Result(Metric.Accuracy, (Column(0.9f, 0.9f, 0.9f), Column(1, 0, 0)), (Column(0.1f), Column(0)));
        Assert.Equal(0.5, value, 10);
    }

    [Fact]
    public void AccuracyRejectsTargetsThatDoNotMatch()
    {
        var error = Assert.Throws<ArgumentException>(() => Result(Metric.Accuracy, (zeros(4, 3), zeros(4, 2))));
        Assert.Contains("[4, 3]", error.Message);
        Assert.Contains("[4, 2]", error.Message);
    }

    [Fact]
    public void ResetForgetsThePreviousEpoch()
    {
        var accumulator = MetricAccumulator.For(Metric.Accuracy);
        accumulator.Update(Column(0.9f), Column(0));
        accumulator.Reset();
        accumulator.Update(Column(0.9f), Column(1));
        Assert.Equal(1.0, accumulator.Result());
        accumulator.Reset();
        Assert.True(double.IsNaN(accumulator.Result()));
    }

    [Fact]
    public void RocAucIsExact()
    {
        // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered correctly.
        Assert.Equal(0.75, Result(Metric.RocAuc, (Column(0.1f, 0.4f, 0.35f, 0.8f), Column(0, 0, 1, 1))), 10);
        Assert.Equal(0.75, RocAuc.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 10);
    }

    [Fact]
    public void RocAucCountsTiesAsOneHalf()
    {
        Assert.Equal(0.5, RocAuc.Compute([0.5, 0.5], [false, true]), 10);
        // Positive 0.5 beats 0.2 and ties 0.5 (1.5); positive 0.9 beats both (2): 3.5 / 4.
        Assert.Equal(0.875, RocAuc.Compute([0.2, 0.5, 0.5, 0.9], [false, false, true, true]), 10);
        // A tie of three (two negatives, one positive) among others: positive 0.3 gets 1 + 0.5 + 0.5, positive 0.7 gets 3. 5 / 6.
        Assert.Equal(5.0 / 6, RocAuc.Compute([0.3, 0.3, 0.3, 0.7, 0.1], [false, true, false, true, false]), 10);
    }

    [Fact]
    public void RocAucAccumulatesAcrossBatches()
    {
        // The same four samples split 3 + 1: the epoch value, not a mean of (undefined) batch AUCs.
        Assert.Equal(0.75, Result(Metric.RocAuc, (Column(0.1f, 0.4f, 0.35f), Column(0, 0, 1)), (Column(0.8f), Column(1))), 10);
    }

    [Fact]
    public void RocAucIsNaNWhenAClassIsAbsent()
    {
        Assert.True(double.IsNaN(Result(Metric.RocAuc, (Column(0.1f, 0.7f), Column(1, 1)))));
        Assert.True(double.IsNaN(Result(Metric.RocAuc, (Column(0.1f, 0.7f), Column(0, 0)))));
        Assert.True(double.IsNaN(MetricAccumulator.For(Metric.RocAuc).Result()));
    }

    [Fact]
    public void MaeAndMseAverageEveryOutput()
    {
        var p = (Column(1, 2, 3), Column(1, 0, 5));
        Assert.Equal(4.0 / 3, Result(Metric.Mae, p), 10);
        Assert.Equal(8.0 / 3, Result(Metric.Mse, p), 10);
        // Split over two batches of different sizes, still one epoch value.
        Assert.Equal(8.0 / 3, Result(Metric.Mse, (Column(1, 2), Column(1, 0)), (Column(3), Column(5))), 10);
        Assert.Throws<ArgumentException>(() => Result(Metric.Mae, (Column(1, 2), Column(1))));
    }

    [Fact]
    public void NewInstanceKeepsTheConfigurationAndNothingAccumulated()
    {
        var prototype = new Accuracy(threshold: 0.3);
        prototype.Update(Column(0.9f), Column(0));

        var copy = Assert.IsType<Accuracy>(prototype.NewInstance());

        Assert.NotSame(prototype, copy);
        Assert.Equal(0.3, copy.Threshold);
        Assert.True(double.IsNaN(copy.Result()));
        // 0.4 is above the copy's threshold of 0.3.
        copy.Update(Column(0.4f), Column(1));
        Assert.Equal(1.0, copy.Result());
        Assert.Equal(0.0, prototype.Result());
        Assert.All(new MetricAccumulator[] { new RocAuc(), new MeanAbsoluteError(), new MeanSquaredError() },
            metric => Assert.Equal(metric.GetType(), metric.NewInstance().GetType()));
    }

    [Fact]
    public void TrainingAccumulatesIntoCopiesNotIntoTheCompiledMetrics()
    {
        // The compiled metrics are prototypes: two runs (or two threads) never share their totals.
        var (x, y) = Infrastructure.ToyData.Separable(12, seed: 211);
        var accuracy = new Accuracy(threshold: 0.5);
        using var model = new Infrastructure.TinyNet(new NetGen.Optimizers.Sgd(), accuracy);

        var history = model.Fit(x, y, epochs: 2, batchSize: 4, validationData: (x, y), verbose: Training.Verbosity.Silent);

        Assert.True(double.IsNaN(accuracy.Result()));
        Assert.Equal(model.Evaluate(x, y)["accuracy"], history["val_accuracy"][1]);
    }

    [Fact]
    public void MetricValuesStandForTheirAccumulators()
    {
        MetricAccumulator accuracy = Metric.Accuracy;
        MetricAccumulator auc = Metric.RocAuc;

        Assert.IsType<Accuracy>(accuracy);
        Assert.IsType<RocAuc>(auc);
        Assert.Equal(0.5, ((Accuracy)accuracy).Threshold);
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => MetricAccumulator.For((Metric)99)).ParamName);
    }

    [Fact]
    public void NamesAreKeras()
    {
        Assert.Equal("accuracy", MetricAccumulator.For(Metric.Accuracy).Name);
        Assert.Equal("auc", MetricAccumulator.For(Metric.RocAuc).Name);
        Assert.Equal("mae", MetricAccumulator.For(Metric.Mae).Name);
        Assert.Equal("mse", MetricAccumulator.For(Metric.Mse).Name);
    }
}
