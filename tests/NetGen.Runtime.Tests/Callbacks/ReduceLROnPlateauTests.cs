using System;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>ReduceLROnPlateau with Keras's patience, cooldown and floor, on scripted values.</summary>
public sealed class ReduceLROnPlateauTests
{
    [Fact]
    public void ReducesAfterPatienceWaitsOutTheCooldownAndStopsAtTheFloor()
    {
        using var model = new ScalarNet(new Sgd(learningRate: 1.0));
        double[] scores = [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.6, double.NaN, 0.7, 0.7, 0.7];
        var reduce = new ReduceLROnPlateau(monitor: "score", factor: 0.5, patience: 2, minDelta: 0, cooldown: 1, minLearningRate: 0.2, verbose: true);
        var probe = new LearningRateProbe();
        var output = new StringWriter();

        var history = model.Fit(ones(2, 1), zeros(2, 1), epochs: scores.Length, batchSize: 2, callbacks: [new ScriptedValue("score", e => scores[e]), reduce, probe], output: output);

        // Epoch 3: two epochs without improvement -> 0.5, then a cooldown epoch that does not count;
        // epoch 5 -> 0.25; epoch 6 improves; NaN (epoch 8) is no improvement -> max(0.125, 0.2);
        // at the floor nothing more is reduced.
        double[] expected = [1, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2];
        Assert.Equal(expected, history["learning_rate"]);
        Assert.Equal(expected, probe.Steps);
        Assert.Equal(0.5, reduce.Best);
        Assert.Equal(3, reduce.Wait);
        var reductions = output.ToString().Split('\n').Where(static line => line.Contains("ReduceLROnPlateau", StringComparison.Ordinal));
        Assert.Equal(
            [
                "Epoch 3: ReduceLROnPlateau reducing learning rate to 0.5.",
                "Epoch 5: ReduceLROnPlateau reducing learning rate to 0.25.",
                "Epoch 8: ReduceLROnPlateau reducing learning rate to 0.2.",
            ],
            reductions);
    }

    [Fact]
    public void MaxModeAndMinDelta()
    {
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));
        // 0.55 and 0.59 are within 0.1 of 0.5: with patience 2 the rate drops after the third epoch.
        double[] scores = [0.5, 0.55, 0.59, 0.9];
        var reduce = new ReduceLROnPlateau(monitor: "score", factor: 0.1, patience: 2, mode: MonitorMode.Max, minDelta: -0.1);

        var history = model.Fit(ones(2, 1), zeros(2, 1), epochs: 4, callbacks: [new ScriptedValue("score", e => scores[e]), reduce], verbose: Verbosity.Silent);

        Assert.Equal([0.1, 0.1, 0.1, 0.1 * 0.1], history["learning_rate"]);
        Assert.Equal(0.1, reduce.MinDelta);
        Assert.Equal(MonitorMode.Max, new ReduceLROnPlateau("val_accuracy").Mode);
        Assert.Equal(MonitorMode.Min, new ReduceLROnPlateau("val_loss").Mode);
    }

    [Fact]
    public void EachFitStartsAfreshButTheRateStaysWithTheOptimizer()
    {
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));
        var reduce = new ReduceLROnPlateau(monitor: "score", factor: 0.5, patience: 1, minDelta: 0);

        model.Fit(ones(2, 1), zeros(2, 1), epochs: 2, callbacks: [new ScriptedValue("score", static _ => 1.0), reduce], verbose: Verbosity.Silent);
        var second = model.Fit(ones(2, 1), zeros(2, 1), epochs: 2, callbacks: [new ScriptedValue("score", static e => 2.0 - e), reduce], verbose: Verbosity.Silent);

        // The first epoch of the second Fit sets a new best (2.0 is worse than 1.0 but the state was reset).
        Assert.Equal([0.05, 0.05], second["learning_rate"]);
        Assert.Equal(1.0, reduce.Best);
    }

    [Fact]
    public void AMonitoredValueThatIsNotLoggedIsAnError()
    {
        var (x, y) = ToyData.Separable(8, seed: 61);
        using var model = new TinyNet();

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, callbacks: [new ReduceLROnPlateau()], verbose: Verbosity.Silent));

        Assert.Equal("ReduceLROnPlateau monitors 'val_loss', which training does not log (val_ values need validation data or a validation split); it logs loss, accuracy, learning_rate.", error.Message);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("monitor", Assert.Throws<ArgumentNullException>(() => new ReduceLROnPlateau(monitor: null!)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(factor: 1)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(factor: 0)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(factor: double.NaN)).ParamName);
        Assert.Equal("patience", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(patience: -1)).ParamName);
        Assert.Equal("cooldown", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(cooldown: -1)).ParamName);
        Assert.Equal("minLearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(minLearningRate: -1e-3)).ParamName);
        Assert.Equal("minDelta", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(minDelta: double.NaN)).ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(mode: (MonitorMode)3)).ParamName);
    }
}
