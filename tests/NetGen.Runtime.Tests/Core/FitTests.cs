using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Core;

/// <summary>Fit, Evaluate and Predict on a small separable problem.</summary>
public sealed class FitTests
{
    [Fact]
    public void TrainingLowersTheLossAndRecordsEveryMetric()
    {
        var (x, y) = BinaryNet.Data(128, seed: 1);
        using var model = new BinaryNet();

        var history = model.Fit(x, y, epochs: 8, batchSize: 16, validationSplit: 0.25, verbose: Verbosity.Silent, seed: 1);

        Assert.Equal(8, history.Epochs);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, history.Values.Keys);
        Assert.True(history["loss"][^1] < history["loss"][0] * 0.7, $"loss {history["loss"][0]} -> {history["loss"][^1]}");
        Assert.True(history["val_accuracy"][^1] > 0.85);
    }

    [Fact]
    public void ProgressLinesAreInvariantAndCountTrainingBatchesOnly()
    {
        var (x, y) = BinaryNet.Data(100, seed: 2);
        using var model = new BinaryNet();
        var output = new StringWriter();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            model.Fit(x, y, epochs: 2, batchSize: 32, validationSplit: 0.2, output: output, seed: 2);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var lines = output.ToString().Split('\n');
        Assert.Equal("Epoch 1/2", lines[0]);
        // 80 training samples in batches of 32: 3 steps; validation uses the last 20 samples.
        Assert.StartsWith("3/3 - ", lines[1]);
        Assert.Matches(@"loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}", lines[1]);
    }

    [Fact]
    public void ValidationSplitTakesTheLastSamples()
    {
        var (x, y) = BinaryNet.Data(50, seed: 3);
        using var first = new BinaryNet();
        using var second = new BinaryNet();
        second.load_state_dict(first.state_dict());

        var split = first.Fit(x, y, epochs: 1, batchSize: 50, shuffle: false, validationSplit: 0.2, verbose: Verbosity.Silent);
        var given = second.Fit(x[..40], y[..40], epochs: 1, batchSize: 50, shuffle: false, validationData: (x[40..], y[40..]), verbose: Verbosity.Silent);

        Assert.Equal(given["val_loss"][0], split["val_loss"][0], 6);
    }

    [Fact]
    public void EvaluateMatchesTheLossComputedByHand()
    {
        var (x, y) = BinaryNet.Data(20, seed: 4);
        using var model = new BinaryNet();

        var result = model.Evaluate(x, y, batchSize: 7);

        using var p = model.Predict(x).clamp(1e-7, 1 - 1e-7);
        var expected = -(y * p.log() + (1 - y) * (1 - p).log()).mean().item<float>();
        Assert.Equal(expected, result.Loss, 5);
        Assert.InRange(result["accuracy"], 0, 1);
    }

    [Fact]
    public void PredictAndPredictClassesRestoreTheModeAndThreshold()
    {
        var (x, _) = BinaryNet.Data(10, seed: 5);
        using var model = new BinaryNet();
        model.train();

        var probabilities = model.Predict(x, batchSize: 3);
        var classes = model.PredictClasses(x, threshold: 0.5);

        Assert.True(model.training);
        Assert.Equal(new long[] { 10, 1 }, probabilities.shape);
        Assert.Equal(probabilities.reshape(-1).gt(0.5).to_type(ScalarType.Int64).data<long>().ToArray(), classes.data<long>().ToArray());
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        var (x, y) = BinaryNet.Data(10, seed: 6);
        using var model = new BinaryNet();

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, epochs: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, validationSplit: 1));
        Assert.Throws<ArgumentException>(() => model.Fit(x, y, validationSplit: 0.2, validationData: (x, y)));
        Assert.Contains("one row per sample", Assert.Throws<ArgumentException>(() => model.Fit(x, y[..5])).Message);
        var shape = Assert.Throws<ArgumentException>(() => model.Fit(zeros(10, 5), y)).Message;
        Assert.Contains("BinaryNet takes samples shaped (None, 4)", shape);
        Assert.Contains("samples shaped (None, 5)", shape);
        Assert.Contains("BinaryNet takes samples shaped (None, 4); the inputs are [3, 2, 2]", Assert.Throws<ArgumentException>(() => model.Predict(zeros(3, 2, 2))).Message);
    }

    [Fact]
    public void CompileReplacesLossMetricsAndOptimizer()
    {
        var (x, y) = BinaryNet.Data(16, seed: 7);
        using var model = new BinaryNet();
        var before = model.state_dict()["Output.bias"].clone();

        model.Compile(optimizer: new Sgd(learningRate: 1e-30), loss: Loss.MeanSquaredError, metrics: [Metric.Mae]);
        var history = model.Fit(x, y, epochs: 1, verbose: Verbosity.Silent);

        Assert.Equal(new[] { "loss", "mae" }, history.Values.Keys);
        Assert.True(before.allclose(model.state_dict()["Output.bias"]), "a negligible learning rate barely moves the weights");
    }

    [Fact]
    public void MemoryStaysFlatAcrossEpochs()
    {
        var (x, y) = BinaryNet.Data(256, seed: 8);
        using var model = new BinaryNet(metrics: [Metric.Accuracy, Metric.RocAuc]);
        var live = new LiveTensorProbe();

        model.Fit(x, y, epochs: 6, batchSize: 16, validationSplit: 0.25, callbacks: [live], verbose: Verbosity.Silent);

        // Every step runs in a dispose scope: after warm-up, no epoch leaves a tensor behind.
        Assert.Equal(6, live.Counts.Count);
        Assert.Equal(live.Counts[1], live.Counts[5]);
    }

    private sealed class LiveTensorProbe : Callback
    {
        public List<long> Counts { get; } = new();

        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs) =>
            Counts.Add(DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}
