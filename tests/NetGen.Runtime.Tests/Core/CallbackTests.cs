using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Core;

/// <summary>Early stopping and stop-on-NaN with Keras's semantics.</summary>
public sealed class CallbackTests
{
    [Fact]
    public void EarlyStoppingStopsAfterPatienceWithoutImprovement()
    {
        var (x, y) = BinaryNet.Data(32, seed: 1);
        // A negligible learning rate: the loss never improves by minDelta, so the first epoch stays best.
        using var model = new BinaryNet(new Sgd(learningRate: 1e-12));
        var stopping = new EarlyStopping(monitor: "loss", patience: 2, minDelta: 0.1);

        var history = model.Fit(x, y, epochs: 20, callbacks: [stopping], verbose: Verbosity.Silent);

        Assert.Equal(3, history.Epochs);
        Assert.Equal(0, stopping.BestEpoch);
        Assert.Equal(2, stopping.StoppedEpoch);
    }

    [Fact]
    public void RestoreBestWeightsPutsBackTheBestEpoch()
    {
        var (x, y) = BinaryNet.Data(64, seed: 2);
        using var model = new BinaryNet(new Sgd(learningRate: 0.5));
        var recorder = new WeightRecorder();
        // Monitor a metric made worse every epoch after the first by the recorder itself.
        var stopping = new EarlyStopping(monitor: "score", mode: MonitorMode.Max, patience: 2, restoreBestWeights: true);

        model.Fit(x, y, epochs: 10, callbacks: [recorder, stopping], verbose: Verbosity.Silent);

        Assert.Equal(0, stopping.BestEpoch);
        Assert.True(recorder.Weights[0].equal(model.state_dict()["Output.weight"]).all().item<bool>());
        Assert.False(recorder.Weights[^1].equal(model.state_dict()["Output.weight"]).all().item<bool>());
    }

    [Fact]
    public void MissingMonitoredValueListsTheLoggedOnes()
    {
        var (x, y) = BinaryNet.Data(16, seed: 3);
        using var model = new BinaryNet();

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, epochs: 2, callbacks: [new EarlyStopping()], verbose: Verbosity.Silent));

        Assert.Equal("EarlyStopping monitors 'val_loss', which training does not log; it logs loss, accuracy.", error.Message);
    }

    [Fact]
    public void TerminateOnNaNStopsInTheFirstEpoch()
    {
        var (x, y) = BinaryNet.Data(32, seed: 4);
        x[5, 0] = tensor(float.NaN);
        using var model = new BinaryNet();

        var history = model.Fit(x, y, epochs: 5, batchSize: 4, shuffle: false, callbacks: [new TerminateOnNaN()], verbose: Verbosity.Silent);

        Assert.Equal(1, history.Epochs);
        Assert.True(double.IsNaN(history["loss"][0]) || history["loss"][0] > 0);
    }

    /// <summary>Records the output weights each epoch and logs a score that is best at epoch 0.</summary>
    private sealed class WeightRecorder : Callback
    {
        public List<Tensor> Weights { get; } = new();

        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
        {
            Weights.Add(context.Network.state_dict()["Output.weight"].detach().clone().DetachFromDisposeScope());
            ((IDictionary<string, double>)logs)["score"] = -epoch;
        }
    }
}
