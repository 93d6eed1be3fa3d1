using System;
using System.Collections.Generic;
using NetGen.Callbacks;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>TrainingContext.LogValue: values callbacks add to the epoch under way.</summary>
public sealed class LogValueTests
{
    [Fact]
    public void ALoggedValueReachesHistoryAndEveryCallbackWhateverTheOrder()
    {
        var (x, y) = ToyData.Separable(8, seed: 51);
        var (vx, vy) = ToyData.Separable(4, seed: 52);
        using var model = new TinyNet();
        var before = new Recorder();
        var output = new System.IO.StringWriter();

        var history = model.Fit(x, y, epochs: 2, validationData: (vx, vy),
            callbacks: [before, new Logger(static (context, epoch, phase) =>
            {
                if (phase is "epoch" or "batch")
                {
                    context.LogValue("custom", phase == "batch" ? 10 + epoch : -1);
                }
            })], output: output);

        // Listed before the logger, the recorder still sees the value; the last value logged wins.
        Assert.Equal([10.0, 11.0], history["custom"]);
        Assert.Equal(10.0, before.Logs[0]["custom"]);
        Assert.Equal(["loss", "accuracy", "val_loss", "val_accuracy", "custom"], history.Values.Keys);
        Assert.Contains(" - custom: 11.0000", output.ToString());
    }

    [Theory]
    [InlineData("train")]
    [InlineData("end")]
    public void OutsideAnEpochLoggingIsAnError(string when)
    {
        var (x, y) = ToyData.Separable(8, seed: 53);
        using var model = new TinyNet();

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, callbacks: [new Logger((context, _, phase) => { if (phase == when) { context.LogValue("custom", 1); } })], verbose: Verbosity.Silent));

        Assert.Equal("'custom' cannot be logged now: values are logged for the epoch under way, from OnEpochBegin, OnBatchBegin or OnBatchEnd (by OnEpochEnd the epoch's logs are recorded).", error.Message);
    }

    [Fact]
    public void ANameFitLogsItselfIsRefused()
    {
        var (x, y) = ToyData.Separable(8, seed: 54);
        using var model = new TinyNet();

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, callbacks: [new Logger(static (context, _, phase) => { if (phase == "epoch") { context.LogValue("accuracy", 1); } })], verbose: Verbosity.Silent));

        Assert.Equal("A callback logged 'accuracy', which Fit logs itself; log the value under another name.", error.Message);
        Assert.Throws<ArgumentException>(() =>
            model.Fit(x, y, callbacks: [new Logger(static (context, _, phase) => { if (phase == "epoch") { context.LogValue("", 1); } })], verbose: Verbosity.Silent));
    }

    /// <summary>Calls an action at train begin ("train"), epoch begin ("epoch"), each batch end ("batch") and epoch end ("end").</summary>
    private sealed class Logger(Action<TrainingContext, int, string> act) : Callback
    {
        private int _epoch;

        public override void OnTrainBegin(TrainingContext context) => act(context, -1, "train");

        public override void OnEpochBegin(TrainingContext context, int epoch)
        {
            _epoch = epoch;
            act(context, epoch, "epoch");
        }

        public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs) => act(context, _epoch, "batch");

        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs) => act(context, epoch, "end");
    }
}
