using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>What Fit and Evaluate report: History, EvaluationResult and Keras's verbosity levels.</summary>
public sealed class LogTests
{
    [Fact]
    public void HistoryValuesIsOneReadOnlyViewThatFollowsTraining()
    {
        var (x, y) = ToyData.Separable(8, seed: 181);
        using var model = new TinyNet();
        var probe = new HistoryProbe();

        var history = model.Fit(x, y, epochs: 3, callbacks: [probe], verbose: Verbosity.Silent);

        // The view a callback saw after the first epoch is the one Fit returns, now with every epoch.
        Assert.Same(history, probe.History);
        Assert.Same(probe.Values, history.Values);
        Assert.Equal(1, probe.LossesAfterFirstEpoch);
        Assert.Equal(3, probe.Values!["loss"].Count);
        Assert.Same(history["loss"], history.Values["loss"]);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, IReadOnlyList<double>>)history.Values).Add("score", [1.0]));
        Assert.Throws<NotSupportedException>(() => ((IList<double>)history["loss"]).Add(1.0));
        Assert.Throws<NotSupportedException>(() => ((IList<double>)history["loss"])[0] = 1.0);
    }

    [Fact]
    public void CallbacksReadTheEpochLogsAndAddValuesOnlyThroughLogValue()
    {
        var (x, y) = ToyData.Separable(8, seed: 183);
        using var model = new TinyNet();
        var writer = new LogWriter();
        var recorder = new Recorder();

        var history = model.Fit(x, y, epochs: 2, callbacks: [new ScriptedValue("score", static epoch => 10 + epoch), writer, recorder], verbose: Verbosity.Silent);

        // A cast cannot change what later callbacks and History see; LogValue reaches both.
        Assert.Equal(2, writer.Refused);
        Assert.Equal([10.0, 11.0], history["score"]);
        Assert.Equal([10.0, 11.0], recorder.Logs.Select(static logs => logs["score"]));
        Assert.All(recorder.Logs, static logs => Assert.NotEqual(-1.0, logs["loss"]));
    }

    [Fact]
    public void EvaluationResultNamesEveryValueAndPrintsInvariantly()
    {
        var (x, y) = ToyData.Separable(12, seed: 182);
        using var model = new TinyNet(new NetGen.Optimizers.Sgd(), Metric.Accuracy, Metric.RocAuc, Metric.Mse);

        var result = model.Evaluate(x, y);

        Assert.Equal(new[] { "loss", "accuracy", "auc", "mse" }, result.Values.Keys);
        Assert.Equal(result.Values["loss"], result.Loss);
        Assert.Equal("The evaluation has no 'mae'; it has loss, accuracy, auc, mse.", Assert.Throws<KeyNotFoundException>(() => result["mae"]).Message);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, double>)result.Values)["loss"] = 0);
        using (new Data.CultureScope("de-DE"))
        {
            var expected = string.Join(" - ", result.Values.Select(static pair => pair.Key + ": " + pair.Value.ToString("F4", CultureInfo.InvariantCulture)));
            Assert.Equal(expected, result.ToString());
            Assert.DoesNotContain(",", result.ToString());
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3 + 2)]
    [InlineData(2, 2)]
    public void KerasVerboseNumbersPrintWhatTheyPrintInKeras(int verbose, int lines)
    {
        // verbose=0 nothing; 1 a line per batch (3 here) then the epoch line, after the header; 2 the header and the epoch line.
        var (x, y) = ToyData.Separable(12, seed: 183);
        using var model = new TinyNet();
        var output = new StringWriter();

        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: (Verbosity)verbose, output: output);

        Assert.Equal(lines, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private sealed class HistoryProbe : Callback
    {
        public History? History { get; private set; }

        public IReadOnlyDictionary<string, IReadOnlyList<double>>? Values { get; private set; }

        public int LossesAfterFirstEpoch { get; private set; }

        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
        {
            if (epoch == 0)
            {
                History = context.History;
                Values = context.History.Values;
                LossesAfterFirstEpoch = Values["loss"].Count;
            }
        }
    }

    /// <summary>Tries to overwrite the loss in the logs it is handed, counting the refusals.</summary>
    private sealed class LogWriter : Callback
    {
        public int Refused { get; private set; }

        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
        {
            try
            {
                ((IDictionary<string, double>)logs)["loss"] = -1.0;
            }
            catch (NotSupportedException)
            {
                Refused++;
            }
        }
    }
}
