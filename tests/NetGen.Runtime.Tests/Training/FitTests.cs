using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>Fit: learning, history, validation, progress output, argument checks and Compile.</summary>
public sealed class FitTests
{
    [Fact]
    public void LossDecreasesOnASeparableProblem()
    {
        var (x, y) = ToyData.Separable(128, seed: 11);
        using var model = new TinyNet(seed: 11);

        var history = model.Fit(x, y, epochs: 15, batchSize: 16, verbose: Verbosity.Silent, seed: 11);

        var loss = history["loss"];
        Assert.True(loss[^1] < loss[0] * 0.6, $"loss {loss[0]} -> {loss[^1]}");
        Assert.True(history["accuracy"][^1] > 0.85, $"accuracy {history["accuracy"][^1]}");
        Assert.True(model.Evaluate(x, y).Loss < loss[0]);
    }

    [Fact]
    public void TheSeedMakesShufflingReproducible()
    {
        var (x, y) = ToyData.Separable(40, seed: 12);
        using var template = new TinyNet(new Sgd(learningRate: 0.1));
        var options = template.CompileOptions;
        using var first = template.CloneWithOptions(options);
        using var second = template.CloneWithOptions(options);
        using var third = template.CloneWithOptions(options);

        var a = first.Fit(x, y, epochs: 2, batchSize: 8, verbose: Verbosity.Silent, seed: 5);
        var b = second.Fit(x, y, epochs: 2, batchSize: 8, verbose: Verbosity.Silent, seed: 5);
        var c = third.Fit(x, y, epochs: 2, batchSize: 8, verbose: Verbosity.Silent, seed: 6);

        Assert.Equal(a["loss"], b["loss"]);
        Assert.NotEqual(a["loss"][1], c["loss"][1]);
    }

    [Fact]
    public void HistoryRecordsEveryValueOfEveryEpoch()
    {
        var (x, y) = ToyData.Separable(40, seed: 13);
        using var model = new TinyNet();
        var recorder = new Recorder();

        var history = model.Fit(x, y, epochs: 3, batchSize: 8, validationSplit: 0.25, callbacks: [recorder], verbose: Verbosity.Silent, seed: 1);

        Assert.Equal(3, history.Epochs);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, history.Values.Keys);
        Assert.All(history.Values.Values, values => Assert.Equal(3, values.Count));
        Assert.True(history.Contains("val_accuracy"));
        Assert.False(history.Contains("auc"));
        Assert.Contains("it has loss, accuracy, val_loss, val_accuracy", Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => history["auc"]).Message);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(recorder.Logs[epoch]["val_loss"], history["val_loss"][epoch]);
        }
    }

    [Fact]
    public void EpochLossIsTheSampleWeightedMeanOfBatchLosses()
    {
        // With the learning rate negligible the weights do not move: the epoch loss equals Evaluate's.
        var (x, y) = ToyData.Separable(10, seed: 14);
        using var model = new TinyNet(new Sgd(learningRate: 1e-30));
        var history = model.Fit(x, y, epochs: 1, batchSize: 4, verbose: Verbosity.Silent);
        Assert.Equal(model.Evaluate(x, y, batchSize: 10).Loss, history["loss"][0], 1e-5);
        Assert.Equal(model.Evaluate(x, y)["accuracy"], history["accuracy"][0], 10);
    }

    [Fact]
    public void ValidationSplitHoldsOutTheLastFraction()
    {
        var (x, y) = ToyData.Separable(10, seed: 15);
        using var model = new TinyNet();
        var recorder = new Recorder();

        // 10 samples, split 0.3: 7 training samples in batches of 2 -> 4 steps; 3 validation samples.
        var output = new StringWriter();
        var history = model.Fit(x, y, epochs: 2, batchSize: 2, validationSplit: 0.3, callbacks: [recorder], output: output, seed: 1);

        Assert.Equal(new[] { 4, 4 }, recorder.BatchesPerEpoch);
        Assert.StartsWith("4/4 - ", output.ToString().Split('\n')[1]);
        // Validation is measured after the epoch's last step: it is the loss of the final weights on the last three samples.
        Assert.Equal(model.Evaluate(x[7..], y[7..]).Loss, history["val_loss"][1], 1e-5);
        Assert.NotEqual(model.Evaluate(x[..3], y[..3]).Loss, history["val_loss"][1], 3);
    }

    [Fact]
    public void ValidationSplitEqualsTheSameValidationData()
    {
        var (x, y) = ToyData.Separable(20, seed: 16);
        using var template = new TinyNet();
        using var split = template.CloneWithOptions(template.CompileOptions);
        using var given = template.CloneWithOptions(template.CompileOptions);

        var a = split.Fit(x, y, epochs: 2, batchSize: 4, validationSplit: 0.25, verbose: Verbosity.Silent, seed: 3);
        var b = given.Fit(x[..15], y[..15], epochs: 2, batchSize: 4, validationData: (x[15..], y[15..]), verbose: Verbosity.Silent, seed: 3);

        Assert.Equal(b["loss"], a["loss"]);
        Assert.Equal(b["val_loss"], a["val_loss"]);
    }

    [Fact]
    public void ProgressIsInvariantUnderAGermanCulture()
    {
        var (x, y) = ToyData.Separable(20, seed: 17);
        using var model = new TinyNet();
        var output = new StringWriter();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            model.Fit(x, y, epochs: 2, batchSize: 8, validationSplit: 0.2, output: output, seed: 1);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Equal("Epoch 2/2", lines[2]);
        // 16 training samples in batches of 8.
        Assert.Matches(@"^2/2 - \d+s - \d+ms/step - loss: \d+\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d+\.\d{4} - val_accuracy: \d\.\d{4}$", lines[1]);
        Assert.DoesNotContain(",", lines[1]);
    }

    [Fact]
    public void SilentWritesNothing()
    {
        var (x, y) = ToyData.Separable(8, seed: 18);
        using var model = new TinyNet();
        var output = new StringWriter();
        model.Fit(x, y, epochs: 1, verbose: Verbosity.Silent, output: output);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void ArgumentErrors()
    {
        var (x, y) = ToyData.Separable(10, seed: 19);
        using var model = new TinyNet();

        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, epochs: 0)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, batchSize: 0)).ParamName);
        Assert.Equal("validationSplit", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, validationSplit: 1.0)).ParamName);
        Assert.Equal("validationSplit", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, validationSplit: -0.1)).ParamName);
        Assert.Equal("validationSplit", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, validationSplit: double.NaN)).ParamName);
        Assert.Equal("validationData", Assert.Throws<ArgumentException>(() => model.Fit(x, y, validationSplit: 0.2, validationData: (x, y))).ParamName);
        // A split that leaves no training sample (floor(10 * 0.05) = 0).
        var empty = Assert.Throws<ArgumentException>(() => model.Fit(x, y, validationSplit: 0.95));
        Assert.Contains("A validation split of 0.95 of 10 samples leaves no training or no validation samples", empty.Message);
        Assert.Equal("validationSplit", empty.ParamName);

        var count = Assert.Throws<ArgumentException>(() => model.Fit(x, y[..7]));
        Assert.Equal("Every input and target needs one row per sample; 'input' is [10, 4] and 'Output' is [7, 1]. (Parameter 'x')", count.Message);

        var shape = Assert.Throws<ArgumentException>(() => model.Fit(zeros(10, 5), y));
        Assert.Equal("TinyNet takes samples shaped (None, 4); the data is [10, 5]: axis 1 has 5 values where 4 were expected. (Parameter 'x')", shape.Message);
        var validationShape = Assert.Throws<ArgumentException>(() => model.Fit(x, y, validationData: (zeros(3, 5), zeros(3, 1))));
        Assert.Contains("the data is [3, 5]", validationShape.Message);
        Assert.Equal("validationData", validationShape.ParamName);
        var validationCount = Assert.Throws<ArgumentException>(() => model.Fit(x, y, validationData: (zeros(3, 4), zeros(2, 1))));
        Assert.Contains("'input' is [3, 4] and 'Output' is [2, 1]", validationCount.Message);
        Assert.Equal("validationData", validationCount.ParamName);
    }

    [Fact]
    public void ArgumentErrorsLeaveTheWeightsAlone()
    {
        var (x, y) = ToyData.Separable(10, seed: 20);
        using var model = new TinyNet();
        var before = ToyData.Floats(model.state_dict()["Output.weight"]);
        Assert.ThrowsAny<ArgumentException>(() => model.Fit(x, y[..3], epochs: 3));
        Assert.Equal(before, ToyData.Floats(model.state_dict()["Output.weight"]));
    }

    [Fact]
    public void CompileOptimizerReplacesTheCreatedOptimizer()
    {
        var (x, y) = ToyData.Separable(16, seed: 21);
        using var model = new TinyNet(new Sgd(learningRate: 0.5));
        model.Fit(x, y, epochs: 1, verbose: Verbosity.Silent);
        var trained = ToyData.Floats(model.state_dict()["Output.weight"]);

        // The first Fit created an SGD optimizer; a negligible learning rate must now be the one used.
        model.Compile(optimizer: new Sgd(learningRate: 1e-30));
        Assert.Equal(1e-30, model.CompileOptions.Optimizer.LearningRate);
        model.Fit(x, y, epochs: 2, verbose: Verbosity.Silent);

        Assert.Equal(trained, ToyData.Floats(model.state_dict()["Output.weight"]));
    }

    [Fact]
    public void CompileLossChangesTheLossUsed()
    {
        var (x, y) = ToyData.Separable(12, seed: 22);
        using var model = new TinyNet(new Sgd(learningRate: 1e-30));
        var crossentropy = model.Evaluate(x, y).Loss;

        model.Compile(loss: Loss.MeanSquaredError);

        using var p = model.Predict(x);
        var squared = (p - y).square().mean().item<float>();
        Assert.IsType<NetGen.Losses.MeanSquaredErrorLoss>(model.CompileOptions["Output"].Loss);
        Assert.Equal(squared, model.Evaluate(x, y).Loss, 1e-5);
        Assert.NotEqual(crossentropy, squared, 3);
        Assert.Equal(squared, model.Fit(x, y, epochs: 1, batchSize: 12, verbose: Verbosity.Silent)["loss"][0], 1e-5);
        // Metrics and optimizer were kept.
        Assert.IsType<NetGen.Metrics.Accuracy>(Assert.Single(model.CompileOptions["Output"].Metrics));
        Assert.IsType<Sgd>(model.CompileOptions.Optimizer);
    }

    [Fact]
    public void CompileMetricsChangesTheLoggedValues()
    {
        var (x, y) = ToyData.Separable(12, seed: 23);
        using var model = new TinyNet();
        model.Compile(metrics: [Metric.RocAuc, Metric.Mse]);
        var history = model.Fit(x, y, epochs: 1, verbose: Verbosity.Silent);
        Assert.Equal(new[] { "loss", "auc", "mse" }, history.Values.Keys);
    }

    [Fact]
    public void StoppingMidEpochAveragesOnlyTheBatchesTrained()
    {
        // A negligible learning rate keeps the weights: the epoch loss must be the first batch's alone.
        var (x, y) = ToyData.Separable(12, seed: 24);
        using var model = new TinyNet(new Sgd(learningRate: 1e-30));
        var firstBatch = model.Evaluate(x[..4], y[..4]).Loss;

        var history = model.Fit(x, y, epochs: 3, batchSize: 4, shuffle: false, callbacks: [new StopAfterFirstBatch()], verbose: Verbosity.Silent);

        Assert.Equal(1, history.Epochs);
        Assert.Equal(firstBatch, history["loss"][0], 1e-5);
    }

    [Fact]
    public void BatchVerbosityPrintsTheRunningLossOfEachBatch()
    {
        var (x, y) = ToyData.Separable(10, seed: 25);
        using var model = new TinyNet(new Sgd(learningRate: 1e-30));
        var output = new StringWriter();
        var firstBatch = model.Evaluate(x[..4], y[..4]);

        var history = model.Fit(x, y, epochs: 1, batchSize: 4, shuffle: false, verbose: Verbosity.Batch, output: output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        string F4(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
        Assert.Equal(5, lines.Length);
        Assert.Equal("Epoch 1/1", lines[0]);
        // Keras's progress bar: the running values of the epoch so far, metrics included.
        Assert.Equal($"1/3 - loss: {F4(firstBatch.Loss)} - accuracy: {F4(firstBatch["accuracy"])}", lines[1]);
        Assert.StartsWith("2/3 - loss: ", lines[2]);
        // The last running values are the epoch's.
        Assert.Equal($"3/3 - loss: {F4(history["loss"][0])} - accuracy: {F4(history["accuracy"][0])}", lines[3]);
        Assert.Matches(@"^3/3 - \d+s - \d+ms/step - loss: \d\.\d{4} - accuracy: \d\.\d{4}$", lines[4]);
    }

    [Fact]
    public void Float64InputsFeedAFloat32Network()
    {
        var (x, y) = ToyData.Separable(12, seed: 26);
        using var model = new TinyNet(new Sgd(learningRate: 1e-30));
        var expected = model.Evaluate(x, y).Loss;
        using var wide = x.to_type(ScalarType.Float64);

        Assert.Equal(expected, model.Fit(wide, y, epochs: 1, batchSize: 12, verbose: Verbosity.Silent)["loss"][0], 1e-5);
        Assert.Equal(expected, model.Evaluate(wide, y.to_type(ScalarType.Float64)).Loss, 1e-5);
        using var predictions = model.Predict(wide);
        Assert.Equal(ScalarType.Float32, predictions.dtype);
    }

    [Fact]
    public void TrainingUsesDropoutAndValidationDoesNot()
    {
        // Learning rate 1e-30: the weights stay, so only dropout can make two losses differ.
        var (x, y) = ToyData.Separable(32, seed: 27);
        using var model = new DropoutNet();
        model.Compile(optimizer: new Sgd(learningRate: 1e-30));
        var inference = model.Evaluate(x, y, batchSize: 32).Loss;

        var history = model.Fit(x, y, epochs: 2, batchSize: 32, validationData: (x, y), verbose: Verbosity.Silent);

        // Validation on the training data itself in eval mode equals Evaluate; training with dropout on does not.
        Assert.Equal(inference, history["val_loss"][0], 1e-5);
        Assert.Equal(inference, history["val_loss"][1], 1e-5);
        Assert.NotEqual(inference, history["loss"][0], 4);
        Assert.True(model.training);
    }

    private sealed class StopAfterFirstBatch : NetGen.Callbacks.Callback
    {
        public override void OnBatchEnd(NetGen.Callbacks.TrainingContext context, int batch, BatchLogs logs) => context.StopTraining = true;
    }
}
