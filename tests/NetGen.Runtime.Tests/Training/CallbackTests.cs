using System;
using System.IO;
using System.Linq;
using System.Threading;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>EarlyStopping and TerminateOnNaN with Keras's semantics.</summary>
public sealed class CallbackTests
{
    [Fact]
    public void HooksRunInKerasOrderWithTheRunningValues()
    {
        var (x, y) = ToyData.Separable(10, seed: 30);
        using var model = new TinyNet(new Sgd(learningRate: 1e-30));
        var trace = new Trace();
        var firstBatch = model.Evaluate(x[..4], y[..4]);

        var history = model.Fit(x, y, epochs: 2, batchSize: 4, shuffle: false, callbacks: [trace], verbose: Verbosity.Silent);

        Assert.Equal(
            ["train begin, lr 1E-30", "epoch 0 begins", "batch 0 begins", "batch 0 ends", "batch 1 begins", "batch 1 ends", "batch 2 begins", "batch 2 ends", "epoch 0 ends",
             "epoch 1 begins", "batch 0 begins", "batch 0 ends", "batch 1 begins", "batch 1 ends", "batch 2 begins", "batch 2 ends", "epoch 1 ends", "train end"],
            trace.Events);
        // OnBatchEnd sees the running values of the epoch: after the first batch, that batch's own.
        Assert.Equal(firstBatch.Loss, trace.FirstBatch!["loss"], 1e-6);
        Assert.Equal(firstBatch["accuracy"], trace.FirstBatch["accuracy"], 1e-12);
        Assert.Equal(new[] { "loss", "accuracy" }, trace.FirstBatch.Keys);
        Assert.Equal(history["loss"][1], trace.LastBatchLoss, 1e-12);
    }

    [Fact]
    public void EarlyStoppingStopsWhenTheLossIsFlat()
    {
        var (x, y) = ToyData.Separable(16, seed: 31);
        // A learning rate of 1e-12 leaves the loss flat: nothing beats the first epoch by 0.1.
        using var model = new TinyNet(new Sgd(learningRate: 1e-12));
        var stopping = new EarlyStopping(monitor: "loss", patience: 1, minDelta: 0.1);
        var output = new StringWriter();

        var history = model.Fit(x, y, epochs: 10, callbacks: [stopping], output: output);

        Assert.Equal(2, history.Epochs);
        Assert.Equal(0, stopping.BestEpoch);
        Assert.Equal(1, stopping.StoppedEpoch);
        Assert.Contains("Early stopping after epoch 2: loss has not improved since epoch 1.", output.ToString());
    }

    [Fact]
    public void EarlyStoppingFollowsAScriptedMetric()
    {
        var (x, y) = ToyData.Separable(8, seed: 32);
        using var model = new TinyNet();
        double[] scores = [1.0, 0.5, 0.6, 0.4, 0.45, 0.5, 0.1, 0.1];
        // Lower is better; 0.4 at epoch 3 resets the patience, then two epochs without improvement stop it.
        var stopping = new EarlyStopping(monitor: "score", mode: MonitorMode.Min, patience: 2);

        var history = model.Fit(x, y, epochs: 8, callbacks: [stopping, new ScriptedValue("score", epoch => scores[epoch])], verbose: Verbosity.Silent);

        Assert.Equal(6, history.Epochs);
        Assert.Equal(3, stopping.BestEpoch);
        Assert.Equal(5, stopping.StoppedEpoch);
    }

    [Fact]
    public void EarlyStoppingMinDeltaAndModeAndBaseline()
    {
        var (x, y) = ToyData.Separable(8, seed: 33);
        using var model = new TinyNet();

        // Max mode: 0.50 -> 0.55 is not an improvement with minDelta 0.1, so patience 0 stops after epoch 2.
        double[] rising = [0.5, 0.55, 0.9, 0.95];
        var stopping = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, minDelta: 0.1);
        Assert.Equal(2, model.Fit(x, y, epochs: 4, callbacks: [stopping, new ScriptedValue("score", e => rising[e])], verbose: Verbosity.Silent).Epochs);

        // A baseline nothing beats: stops after epoch 2 (never on the first), best epoch none.
        var baseline = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, baseline: 2);
        Assert.Equal(2, model.Fit(x, y, epochs: 4, callbacks: [baseline, new ScriptedValue("score", e => rising[e])], verbose: Verbosity.Silent).Epochs);
        Assert.Equal(-1, baseline.BestEpoch);

        // Auto mode is Max for accuracy and AUC, Min otherwise.
        Assert.Equal(MonitorMode.Max, new EarlyStopping("val_accuracy").Mode);
        Assert.Equal(MonitorMode.Max, new EarlyStopping("auc").Mode);
        Assert.Equal(MonitorMode.Min, new EarlyStopping("val_loss").Mode);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(patience: -1));
    }

    [Fact]
    public void RestoreBestWeightsPutsBackTheBestEpoch()
    {
        var (x, y) = ToyData.Separable(32, seed: 34);
        using var model = new TinyNet(new Sgd(learningRate: 0.5));
        double[] scores = [0.3, 0.9, 0.5, 0.4, 0.2];
        var recorder = new Recorder();
        var stopping = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, patience: 2, restoreBestWeights: true);
        var output = new StringWriter();

        var history = model.Fit(x, y, epochs: 5, batchSize: 8, callbacks: [recorder, stopping, new ScriptedValue("score", epoch => scores[epoch])], output: output, seed: 1);

        Assert.Equal(4, history.Epochs);
        Assert.Equal(1, stopping.BestEpoch);
        var restored = ToyData.Floats(model.state_dict()["Output.weight"]);
        Assert.Equal(recorder.OutputWeights[1], restored);
        Assert.NotEqual(recorder.OutputWeights[^1], restored);
        Assert.Contains("Restoring weights from the end of the best epoch: 2.", output.ToString());
    }

    [Fact]
    public void WithoutRestoreBestWeightsTheLastWeightsStay()
    {
        var (x, y) = ToyData.Separable(32, seed: 35);
        using var model = new TinyNet(new Sgd(learningRate: 0.5));
        double[] scores = [0.3, 0.9, 0.5, 0.4];
        var recorder = new Recorder();

        model.Fit(x, y, epochs: 4, batchSize: 8, callbacks: [recorder, new EarlyStopping(monitor: "score", mode: MonitorMode.Max, patience: 2), new ScriptedValue("score", epoch => scores[epoch])], verbose: Verbosity.Silent);

        Assert.Equal(recorder.OutputWeights[^1], ToyData.Floats(model.state_dict()["Output.weight"]));
    }

    [Fact]
    public void AMissingMonitoredValueNamesTheLoggedOnes()
    {
        var (x, y) = ToyData.Separable(8, seed: 36);
        using var model = new TinyNet();

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, epochs: 2, callbacks: [new EarlyStopping()], verbose: Verbosity.Silent));

        Assert.Equal("EarlyStopping monitors 'val_loss', which training does not log; it logs loss, accuracy.", error.Message);
    }

    [Fact]
    public void TerminateOnNaNStopsInTheFirstEpoch()
    {
        var (x, y) = ToyData.Separable(16, seed: 37);
        x[5, 0] = tensor(float.NaN);
        using var model = new TinyNet();
        var recorder = new Recorder();
        var output = new StringWriter();

        var history = model.Fit(x, y, epochs: 5, batchSize: 4, shuffle: false, callbacks: [new TerminateOnNaN(), recorder], output: output);

        Assert.Equal(1, history.Epochs);
        // Sample 5 is in the second batch: the epoch stops there.
        Assert.Equal(new[] { 2 }, recorder.BatchesPerEpoch);
        Assert.True(double.IsNaN(history["loss"][0]));
        // Said once, after the epoch's progress line.
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        Assert.Equal("Batch 2: invalid loss NaN, terminating training.", lines[^1]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2/4 - ", lines[1]);
    }

    [Fact]
    public void WithoutTerminateOnNaNTrainingRunsOn()
    {
        var (x, y) = ToyData.Separable(16, seed: 38);
        x[5, 0] = tensor(float.NaN);
        using var model = new TinyNet();

        Assert.Equal(3, model.Fit(x, y, epochs: 3, batchSize: 4, verbose: Verbosity.Silent).Epochs);
    }

    [Fact]
    public void ANaNMonitoredValueIsNoImprovement()
    {
        var (x, y) = ToyData.Separable(8, seed: 39);
        using var model = new TinyNet();
        double[] scores = [1.0, double.NaN, double.NaN, double.NaN, double.NaN];
        var stopping = new EarlyStopping(monitor: "score", mode: MonitorMode.Min, patience: 2);

        var history = model.Fit(x, y, epochs: 5, callbacks: [stopping, new ScriptedValue("score", e => scores[e])], verbose: Verbosity.Silent);

        // Keras: comparisons with NaN are false, so a diverged run uses up its patience and stops.
        Assert.Equal(3, history.Epochs);
        Assert.Equal(0, stopping.BestEpoch);
        Assert.Equal(2, stopping.StoppedEpoch);
    }

    [Fact]
    public void StartFromEpochIgnoresTheWarmUpEpochs()
    {
        var (x, y) = ToyData.Separable(8, seed: 40);
        using var model = new TinyNet();
        double[] scores = [0.9, 0.1, 0.2, 0.3, 0.1];

        // Monitored from the start, 0.1 after 0.9 stops at once; from epoch 1, 0.1 -> 0.2 -> 0.3 improve until epoch 4.
        var immediate = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, patience: 1);
        Assert.Equal(2, model.Fit(x, y, epochs: 5, callbacks: [immediate, new ScriptedValue("score", e => scores[e])], verbose: Verbosity.Silent).Epochs);

        var warmedUp = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, patience: 1, startFromEpoch: 1);
        Assert.Equal(5, model.Fit(x, y, epochs: 5, callbacks: [warmedUp, new ScriptedValue("score", e => scores[e])], verbose: Verbosity.Silent).Epochs);
        Assert.Equal(3, warmedUp.BestEpoch);
        Assert.Equal(4, warmedUp.StoppedEpoch);
    }

    [Fact]
    public void WithABaselineNeverBeatenTheFirstMonitoredWeightsAreRestored()
    {
        var (x, y) = ToyData.Separable(32, seed: 41);
        using var model = new TinyNet(new Sgd(learningRate: 0.5));
        double[] rising = [0.5, 0.55, 0.6];
        var recorder = new Recorder();
        var stopping = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, baseline: 2, restoreBestWeights: true);

        var history = model.Fit(x, y, epochs: 3, batchSize: 8, callbacks: [recorder, stopping, new ScriptedValue("score", e => rising[e])], verbose: Verbosity.Silent, seed: 2);

        // As in Keras, the weights of the first monitored epoch are the fallback.
        Assert.Equal(2, history.Epochs);
        Assert.Equal(0, stopping.BestEpoch);
        Assert.Equal(recorder.OutputWeights[0], ToyData.Floats(model.state_dict()["Output.weight"]));
        Assert.NotEqual(recorder.OutputWeights[1], recorder.OutputWeights[0]);
    }

    [Fact]
    public void RestoreBestWeightsAtTheEndOfTrainingWithoutAStop()
    {
        var (x, y) = ToyData.Separable(32, seed: 42);
        using var model = new TinyNet(new Sgd(learningRate: 0.5));
        double[] scores = [0.3, 0.9, 0.5];
        var recorder = new Recorder();
        var stopping = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, patience: 5, restoreBestWeights: true);

        var history = model.Fit(x, y, epochs: 3, batchSize: 8, callbacks: [recorder, stopping, new ScriptedValue("score", e => scores[e])], verbose: Verbosity.Silent, seed: 3);

        Assert.Equal(3, history.Epochs);
        Assert.Equal(-1, stopping.StoppedEpoch);
        Assert.Equal(recorder.OutputWeights[1], ToyData.Floats(model.state_dict()["Output.weight"]));
    }

    [Fact]
    public void RestoreBestWeightsAlsoWhenTrainingIsCancelled()
    {
        var (x, y) = ToyData.Separable(32, seed: 44);
        using var model = new TinyNet(new Sgd(learningRate: 0.5));
        double[] scores = [0.3, 0.9, 0.5];
        var recorder = new Recorder();
        var stopping = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, patience: 5, restoreBestWeights: true);
        using var cancellation = new CancellationTokenSource();

        // Cancelled after two batches of the third epoch: those batches moved the weights on from epoch 2's.
        var cancelling = new CancelAfter(atEpoch: 2, atBatch: 1, cancellation);
        Assert.ThrowsAny<OperationCanceledException>(() => model.Fit(
            x, y, epochs: 3, batchSize: 8, callbacks: [recorder, stopping, new ScriptedValue("score", e => scores[e]), cancelling], verbose: Verbosity.Silent, seed: 3, cancellationToken: cancellation.Token));

        Assert.Equal(1, stopping.BestEpoch);
        Assert.True(cancelling.Cancelled);
        Assert.Equal(recorder.OutputWeights[1], ToyData.Floats(model.state_dict()["Output.weight"]));
    }

    private sealed class CancelAfter(int atEpoch, int atBatch, CancellationTokenSource cancellation) : Callback
    {
        private int _epoch;

        public bool Cancelled { get; private set; }

        public override void OnEpochBegin(TrainingContext context, int epoch) => _epoch = epoch;

        public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
        {
            if (_epoch == atEpoch && batch == atBatch)
            {
                cancellation.Cancel();
                Cancelled = true;
            }
        }
    }

    [Fact]
    public void RestoringBestWeightsLeavesNoTensorBehind()
    {
        var (x, y) = ToyData.Separable(16, seed: 43);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));
        double[] scores = [0.1, 0.2, 0.3, 0.4];
        model.Fit(x, y, epochs: 4, callbacks: [new EarlyStopping("score", restoreBestWeights: true), new ScriptedValue("score", e => scores[e])], verbose: Verbosity.Silent);

        var before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        model.Fit(x, y, epochs: 4, callbacks: [new EarlyStopping("score", restoreBestWeights: true), new ScriptedValue("score", e => scores[e])], verbose: Verbosity.Silent);

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    /// <summary>Writes down every hook as it runs.</summary>
    private sealed class Trace : Callback
    {
        public System.Collections.Generic.List<string> Events { get; } = new();

        public System.Collections.Generic.IReadOnlyDictionary<string, double>? FirstBatch { get; private set; }

        public double LastBatchLoss { get; private set; }

        public override void OnTrainBegin(TrainingContext context) => Events.Add(FormattableString.Invariant($"train begin, lr {context.LearningRate}"));

        public override void OnEpochBegin(TrainingContext context, int epoch) => Events.Add($"epoch {epoch} begins");

        public override void OnBatchBegin(TrainingContext context, int batch) => Events.Add($"batch {batch} begins");

        public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
        {
            Events.Add($"batch {batch} ends");
            FirstBatch ??= logs.All();
            LastBatchLoss = logs.Loss;
        }

        public override void OnEpochEnd(TrainingContext context, int epoch, System.Collections.Generic.IReadOnlyDictionary<string, double> logs) => Events.Add($"epoch {epoch} ends");

        public override void OnTrainEnd(TrainingContext context) => Events.Add("train end");
    }
}
