using System;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>LearningRateScheduler, StepDecay and ExponentialDecay: the rate each step used and the rate each epoch logged.</summary>
public sealed class LearningRateScheduleTests
{
    // ScalarNet (w = 1) on four samples x = 1, y = 0.
    private static (Tensor X, Tensor Y) Ones() => (ones(4, 1), zeros(4, 1));

    [Fact]
    public void LearningRateSchedulerSetsEveryGroupAtEachEpochAndLogsIt()
    {
        var (x, y) = Ones();
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));
        var probe = new LearningRateProbe();
        var output = new StringWriter();

        var history = model.Fit(x, y, epochs: 3, batchSize: 2, shuffle: false,
            callbacks: [new LearningRateScheduler((epoch, rate) => epoch == 0 ? rate : rate * 0.5, verbose: true), probe], output: output);

        Assert.Equal([0.1, 0.05, 0.025], history["learning_rate"]);
        Assert.Equal([0.1, 0.1, 0.05, 0.05, 0.025, 0.025], probe.Steps);
        // Logged last, after the loss, as Keras 3 does; printed before the epoch's header as Keras prints it.
        Assert.Equal(["loss", "learning_rate"], history.Values.Keys);
        var lines = output.ToString().Split('\n');
        Assert.Equal("Epoch 1: LearningRateScheduler setting learning rate to 0.1.", lines[0]);
        Assert.Equal("Epoch 1/3", lines[1]);
        Assert.Equal("Epoch 2: LearningRateScheduler setting learning rate to 0.05.", lines[3]);

        // The optimizer keeps the rate: the next Fit's schedule starts from it.
        var next = model.Fit(x, y, epochs: 1, callbacks: [new LearningRateScheduler((epoch, rate) => rate / 5)], verbose: Verbosity.Silent);
        Assert.Equal([0.025 / 5], next["learning_rate"]);
    }

    [Fact]
    public void AZeroRateReallyFreezesTheWeights()
    {
        var (x, y) = Ones();
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));

        model.Fit(x, y, epochs: 2, batchSize: 1, callbacks: [new LearningRateScheduler(static (_, _) => 0)], verbose: Verbosity.Silent);

        Assert.Equal(1f, model.Weight);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void AnInvalidRateStopsTrainingNamingTheEpoch(double rate, string shown)
    {
        var (x, y) = Ones();
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, epochs: 3, callbacks: [new LearningRateScheduler((epoch, current) => epoch == 1 ? rate : current)], verbose: Verbosity.Silent));

        Assert.Equal($"LearningRateScheduler computed a learning rate of {shown} for epoch 2; a learning rate must be a finite number, zero or more.", error.Message);
    }

    [Fact]
    public void StepDecayDropsEveryNEpochsFromTheDeclaredRate()
    {
        var (x, y) = Ones();
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));
        var probe = new LearningRateProbe();

        var history = model.Fit(x, y, epochs: 5, batchSize: 4, callbacks: [new StepDecay(factor: 0.5, epochsPerDrop: 2), probe], verbose: Verbosity.Silent);

        double[] expected = [0.1, 0.1, 0.1 * 0.5, 0.1 * 0.5, 0.1 * 0.5 * 0.5];
        Assert.Equal(expected, history["learning_rate"]);
        Assert.Equal(expected, probe.Steps);

        // Computed from the start, not from the optimizer's current rate: a new Fit starts at 0.1 again.
        var again = model.Fit(x, y, epochs: 1, callbacks: [new StepDecay(0.5, 2)], verbose: Verbosity.Silent);
        Assert.Equal([0.1], again["learning_rate"]);
        var given = model.Fit(x, y, epochs: 3, callbacks: [new StepDecay(0.1, 1, initialLearningRate: 2)], verbose: Verbosity.Silent);
        Assert.Equal([2, 2 * 0.1, 2 * Math.Pow(0.1, 2)], given["learning_rate"]);
    }

    [Fact]
    public void ExponentialDecayPerStepFollowsKerasFormula()
    {
        var (x, y) = Ones();
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));
        var smooth = new LearningRateProbe();

        // Four steps per epoch; the rate of step s is 0.1 * 0.5^(s / 3).
        var history = model.Fit(x, y, epochs: 2, batchSize: 1, shuffle: false, callbacks: [new ExponentialDecay(decaySteps: 3, decayRate: 0.5), smooth], verbose: Verbosity.Silent);

        var expected = Enumerable.Range(0, 8).Select(static s => 0.1 * Math.Pow(0.5, s / 3.0)).ToArray();
        Assert.Equal(expected, smooth.Steps);
        // The epoch logs the rate its last step used.
        Assert.Equal([expected[3], expected[7]], history["learning_rate"]);

        var stairs = new LearningRateProbe();
        model.Fit(x, y, epochs: 2, batchSize: 1, shuffle: false, callbacks: [new ExponentialDecay(3, 0.5, staircase: true, initialLearningRate: 0.2), stairs], verbose: Verbosity.Silent);
        Assert.Equal([0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05], stairs.Steps);
    }

    [Fact]
    public void ExponentialDecayPerEpochChangesTheRateAtEachEpoch()
    {
        var (x, y) = Ones();
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));
        var probe = new LearningRateProbe();

        var history = model.Fit(x, y, epochs: 3, batchSize: 2, callbacks: [new ExponentialDecay(2, 0.25, interval: ScheduleInterval.Epoch), probe], verbose: Verbosity.Silent);

        double[] expected = [0.1, 0.1 * Math.Pow(0.25, 0.5), 0.1 * 0.25];
        Assert.Equal(expected, history["learning_rate"]);
        Assert.Equal(expected.SelectMany(static rate => new[] { rate, rate }), probe.Steps);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("schedule", Assert.Throws<ArgumentNullException>(() => new LearningRateScheduler(null!)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(0, 1)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(double.NaN, 1)).ParamName);
        Assert.Equal("epochsPerDrop", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(0.5, 0)).ParamName);
        Assert.Equal("initialLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(0.5, 1, initialLearningRate: 0)).ParamName);
        Assert.Equal("decaySteps", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(0, 0.5)).ParamName);
        Assert.Equal("decayRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1, -0.5)).ParamName);
        Assert.Equal("decayRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1, double.PositiveInfinity)).ParamName);
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1, 0.5, interval: (ScheduleInterval)5)).ParamName);
        Assert.Equal("initialLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1, 0.5, initialLearningRate: double.NaN)).ParamName);
    }
}
