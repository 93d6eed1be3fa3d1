using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// Overriding TrainStep and TestStep, as Keras's train_step: the building blocks of StepContext
/// (Forward, ComputeLoss, ApplyGradients, UpdateMetrics) and values logged with Log.
/// </summary>
public sealed class TrainStepTests
{
    [Fact]
    public void ALoggedValueReachesHistoryProgressAndEvaluate()
    {
        var (x, y) = ToyData.Separable(12, seed: 91);
        using var model = new PenalizedNet(new Sgd(learningRate: 1e-30));
        var output = new StringWriter();

        var history = model.Fit(x, y, epochs: 2, batchSize: 5, validationData: (x, y), output: output);

        Assert.Equal(new[] { "loss", "penalty", "accuracy", "val_loss", "val_penalty", "val_accuracy" }, history.Values.Keys);
        // The weights do not move, so every batch logs the same penalty and its sample-weighted mean is that value.
        var penalty = PenalizedNet.Strength * ToyData.Floats(model.Output.weight!).Sum(static w => (double)w * w);
        Assert.All(history["penalty"].Concat(history["val_penalty"]), value => Assert.Equal(penalty, value, 1e-6));
        var epochLine = output.ToString().Split('\n').Select(static line => line.TrimEnd('\r')).First(static line => line.StartsWith("3/3 - ", StringComparison.Ordinal));
        Assert.Contains(" - loss: " + history["loss"][0].ToString("F4", CultureInfo.InvariantCulture) + " - penalty: " + penalty.ToString("F4", CultureInfo.InvariantCulture) + " - accuracy: ", epochLine);
        Assert.Equal(penalty, model.Evaluate(x, y)["penalty"], 1e-6);
    }

    [Fact]
    public void TheOptimizerStepsTheLossTheStepComputes()
    {
        // One full-batch SGD step on loss + 0.01 * |W|^2 moves the output weights by a further
        // -lr * 0.02 * W against the same step on the loss alone, and leaves the hidden layer as it does.
        var (x, y) = ToyData.Separable(16, seed: 92);
        const double LearningRate = 0.5;
        using var plain = new TinyNet(new Sgd(learningRate: LearningRate));
        using var penalized = new PenalizedNet(new Sgd(learningRate: LearningRate));
        penalized.load_state_dict(plain.state_dict());
        var start = ToyData.Floats(plain.Output.weight!);

        plain.Fit(x, y, epochs: 1, batchSize: 16, shuffle: false, verbose: Verbosity.Silent);
        penalized.Fit(x, y, epochs: 1, batchSize: 16, shuffle: false, verbose: Verbosity.Silent);

        var expected = ToyData.Floats(plain.Output.weight!).Zip(start, static (w, w0) => w - (LearningRate * 2 * PenalizedNet.Strength * w0)).ToArray();
        Assert.Equal(expected, ToyData.Floats(penalized.Output.weight!).Select(static w => (double)w), new ToleranceComparer(1e-6));
        Assert.NotEqual(ToyData.Floats(plain.Output.weight!), ToyData.Floats(penalized.Output.weight!));
        Assert.Equal(ToyData.Floats(plain.Hidden.weight!).Select(static w => (double)w), ToyData.Floats(penalized.Hidden.weight!).Select(static w => (double)w), new ToleranceComparer(1e-6));
    }

    [Fact]
    public void TheStepSeesTheBatchAndItsMode()
    {
        var (x, y) = ToyData.Separable(10, seed: 93);
        using var model = new ProbeNet();

        model.Fit(x, y, epochs: 1, batchSize: 4, shuffle: false, verbose: Verbosity.Silent);
        model.Evaluate(x, y, batchSize: 6);

        Assert.Equal(new[] { "train 4", "train 4", "train 2", "test 6", "test 4" }, model.Seen);
        Assert.Equal("An evaluation step has no optimizer.", model.OptimizerError);
        Assert.Equal("There is no input 'features'; the inputs are 'input'.", model.NameError);
        Assert.Equal("'accuracy' is already logged by a metric. (Parameter 'name')", model.LogError);
    }

    [Fact]
    public void LogTakesOneValueInAnyShapeAndNamesAnythingElse()
    {
        var (x, y) = ToyData.Separable(8, seed: 94);
        using var oneElement = new LoggingNet(batch => tensor(new[] { 2.5 }));
        using var perSample = new LoggingNet(batch => ones(batch.Size));

        // A one-element vector is a scalar in another shape: it is logged like one.
        Assert.Equal(2.5, oneElement.Fit(x, y, epochs: 1, batchSize: 4, verbose: Verbosity.Silent)["custom"][0], 10);
        var error = Assert.Throws<ArgumentException>(() => perSample.Fit(x, y, epochs: 1, batchSize: 4, verbose: Verbosity.Silent));
        Assert.Equal("Log takes one value; 'custom' has shape [4]. (Parameter 'value')", error.Message);
    }

    /// <summary>TinyNet whose train step logs <c>custom</c> with the given value.</summary>
    private sealed class LoggingNet(Func<Batch, Tensor> value) : TinyNet(new Sgd())
    {
        public override void TrainStep(Batch batch, StepContext step)
        {
            step.DefaultTrainStep(batch);
            step.Log("custom", value(batch));
        }
    }

    /// <summary>TinyNet whose steps add an L2 penalty on the output weights, Keras-style, and log it.</summary>
    private sealed class PenalizedNet(Optimizer optimizer) : TinyNet(optimizer)
    {
        public const double Strength = 0.01;

        public override void TrainStep(Batch batch, StepContext step)
        {
            step.Optimizer.zero_grad();
            var outputs = step.Forward(batch);
            var loss = step.ComputeLoss(batch, outputs);
            var penalty = Penalty();
            step.Log("penalty", penalty);
            (loss + penalty).backward();
            step.ApplyGradients();
            step.UpdateMetrics(batch, outputs);
        }

        public override void TestStep(Batch batch, StepContext step)
        {
            step.DefaultTestStep(batch);
            step.Log("penalty", Penalty());
        }

        private Tensor Penalty() => Output.weight!.square().sum() * Strength;
    }

    /// <summary>TinyNet that records what its steps are given.</summary>
    private sealed class ProbeNet() : TinyNet(new Sgd())
    {
        public List<string> Seen { get; } = new();

        public string? OptimizerError { get; private set; }

        public string? NameError { get; private set; }

        public string? LogError { get; private set; }

        public override void TrainStep(Batch batch, StepContext step)
        {
            Assert.True(step.IsTraining);
            Assert.True(training);
            Assert.Same(batch.Inputs[0], batch.Input("input"));
            Assert.Same(batch.Targets[0], batch.Target("Output"));
            NameError ??= Assert.Throws<KeyNotFoundException>(() => batch.Input("features")).Message;
            LogError ??= Assert.Throws<ArgumentException>(() => step.Log("accuracy", zeros(1))).Message;
            Seen.Add($"train {step.BatchSize}");
            step.DefaultTrainStep(batch);
        }

        public override void TestStep(Batch batch, StepContext step)
        {
            Assert.False(step.IsTraining);
            Assert.False(training);
            Assert.False(is_grad_enabled());
            OptimizerError ??= Assert.Throws<InvalidOperationException>(() => step.Optimizer).Message;
            Seen.Add($"test {step.BatchSize}");
            step.DefaultTestStep(batch);
        }
    }
}
