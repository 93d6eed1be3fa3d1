using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// Fit's initialEpoch, Keras's initial_epoch: epochs is the final epoch, the run numbers its
/// epochs on, and a resumed run trains as the uninterrupted one.
/// </summary>
public sealed class InitialEpochTests
{
    [Fact]
    public void AResumedRunNumbersItsEpochsOn()
    {
        var (x, y) = ToyData.Separable(12, seed: 321);
        using var model = new TinyNet(seed: 41);
        var seen = new EpochRecorder();
        var output = new StringWriter();

        var history = model.Fit(x, y, epochs: 5, batchSize: 4, shuffle: false, callbacks: [seen], output: output, initialEpoch: 2);

        Assert.Equal(3, history.Epochs);
        Assert.Equal(new[] { 2, 3, 4 }, history.EpochIndices);
        Assert.Equal(3, history["loss"].Count);
        Assert.Equal(new[] { 2, 3, 4 }, seen.Began);
        Assert.Equal(new[] { 2, 3, 4 }, seen.Ended);
        Assert.Equal((5, 2), seen.Range);
        var headers = output.ToString().Split('\n').Where(static line => line.StartsWith("Epoch ", StringComparison.Ordinal)).Select(static line => line.TrimEnd('\r'));
        Assert.Equal(new[] { "Epoch 3/5", "Epoch 4/5", "Epoch 5/5" }, headers);
    }

    [Fact]
    public void ScheduleCallbacksReadTheResumedEpoch()
    {
        var (x, y) = ToyData.Separable(8, seed: 322);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));
        var schedule = new LearningRateScheduler((epoch, _) => 0.01 * (epoch + 1));

        var history = model.Fit(x, y, epochs: 4, batchSize: 4, shuffle: false, callbacks: [schedule], verbose: Verbosity.Silent, initialEpoch: 2);

        Assert.Equal(new[] { 0.03, 0.04 }, history["learning_rate"], new ToleranceComparer(1e-12));
    }

    [Fact]
    public void AnInitialEpochAtOrPastTheLastTrainsNothing()
    {
        var (x, y) = ToyData.Separable(8, seed: 323);
        using var model = new TinyNet(seed: 42);
        var before = ToyData.State(model);

        var history = model.Fit(x, y, epochs: 3, verbose: Verbosity.Silent, initialEpoch: 3);

        Assert.Equal(0, history.Epochs);
        Assert.Empty(history.EpochIndices);
        Assert.True(ToyData.SameState(before, ToyData.State(model)));
    }

    [Fact]
    public void ANegativeInitialEpochIsRejected()
    {
        var (x, y) = ToyData.Separable(8, seed: 324);
        using var model = new TinyNet();

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, epochs: 3, verbose: Verbosity.Silent, initialEpoch: -1));

        Assert.Equal("initialEpoch", negative.ParamName);
        Assert.Equal(-1, negative.ActualValue);
    }

    /// <summary>The epochs callbacks see, and the range the context reports.</summary>
    private sealed class EpochRecorder : Callback
    {
        public List<int> Began { get; } = new();

        public List<int> Ended { get; } = new();

        public (int Epochs, int InitialEpoch) Range { get; private set; }

        public override void OnTrainBegin(TrainingContext context) => Range = (context.Epochs, context.InitialEpoch);

        public override void OnEpochBegin(TrainingContext context, int epoch) => Began.Add(epoch);

        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs) => Ended.Add(epoch);
    }
}

/// <summary>
/// A run resumed at initialEpoch with the same seed shuffles as the uninterrupted run did. It
/// seeds TorchSharp's process-wide generator, so it runs apart from the parallel tests.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class ResumedRunTests
{
    [Fact]
    public void AResumedRunTrainsTheSameWeightsAsAnUninterruptedOne()
    {
        var (x, y) = ToyData.Separable(23, seed: 325);
        using var uninterrupted = new TinyNet(seed: 43);
        using var resumed = new TinyNet(seed: 43);
        using var restarted = new TinyNet(seed: 43);

        var whole = uninterrupted.Fit(x, y, epochs: 4, batchSize: 5, verbose: Verbosity.Silent, seed: 9);
        var first = resumed.Fit(x, y, epochs: 2, batchSize: 5, verbose: Verbosity.Silent, seed: 9);
        var rest = resumed.Fit(x, y, epochs: 4, batchSize: 5, verbose: Verbosity.Silent, seed: 9, initialEpoch: 2);

        Assert.Equal(whole["loss"], first["loss"].Concat(rest["loss"]));
        Assert.True(ToyData.SameState(ToyData.State(uninterrupted), ToyData.State(resumed)));

        // The shuffle order is what makes it so: two plain runs of two epochs shuffle alike and end elsewhere.
        restarted.Fit(x, y, epochs: 2, batchSize: 5, verbose: Verbosity.Silent, seed: 9);
        restarted.Fit(x, y, epochs: 2, batchSize: 5, verbose: Verbosity.Silent, seed: 9);
        Assert.False(ToyData.SameState(ToyData.State(uninterrupted), ToyData.State(restarted)));
    }
}
