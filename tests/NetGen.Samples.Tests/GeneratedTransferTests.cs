using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>A small image classifier over ten classes: the network whose feature stack is reused.</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input(1, 8, 8)]
public partial class DigitFeatures
{
    [Conv2D(4, 3, Activation.ReLU, Group = "features")] public partial Conv2d Conv1 { get; }
    [BatchNormalization(Group = "features")] public partial BatchNorm2d Norm1 { get; }
    [MaxPooling2D(2, Group = "features")] public partial MaxPool2d Pool1 { get; }
    [Flatten] public partial Flatten Flat { get; }
    [Dense(10, Activation.Softmax, Group = "classifier")] public partial Linear Classes { get; }
}

/// <summary>The same feature stack, declared frozen, under a different head of five classes.</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy)]
[Input(1, 8, 8)]
public partial class FiveClassHead
{
    [Conv2D(4, 3, Activation.ReLU, Group = "features", Trainable = false)] public partial Conv2d Conv1 { get; }
    [BatchNormalization(Group = "features", Trainable = false)] public partial BatchNorm2d Norm1 { get; }
    [MaxPooling2D(2, Group = "features")] public partial MaxPool2d Pool1 { get; }
    [Flatten] public partial Flatten Flat { get; }
    [Dense(6, Activation.ReLU, Group = "classifier")] public partial Linear Hidden { get; }
    [Dense(5, Activation.Softmax, Group = "classifier")] public partial Linear Classes { get; }
}

/// <summary>Transfer learning with generated networks: declared and run-time freezing, and weights loaded by name.</summary>
public sealed class GeneratedTransferTests
{
    private static readonly string[] s_featureTensors =
    [
        "Conv1.weight", "Conv1.bias", "Norm1.weight", "Norm1.bias", "Norm1.running_mean", "Norm1.running_var", "Norm1.num_batches_tracked",
    ];

    [Fact]
    public void DeclaredFrozenLayersStartFrozenAndTheSummaryCountsThemAsNonTrainable()
    {
        using var model = new FiveClassHead(device: null, seed: 1);

        Assert.False(model.GetLayer(model.Conv1).Trainable);
        Assert.False(model.GetLayer(model.Norm1).Trainable);
        Assert.True(model.GetLayer(model.Hidden).Trainable);
        Assert.All(model.Conv1.parameters().Concat(model.Norm1.parameters()), static p => Assert.False(p.requires_grad));
        Assert.All(model.Hidden.parameters().Concat(model.Classes.parameters()), static p => Assert.True(p.requires_grad));

        // Hidden 36 * 6 + 6 and Classes 6 * 5 + 5 train; Conv1 (40) and Norm1 (16) do not.
        Assert.Equal(257, FiveClassHead.TrainableParameterCount);
        Assert.Contains("Trainable params: 257\n", model.Summary());
        Assert.Contains("Non-trainable params: 56\n", model.Summary());
        Assert.Equal(["features", "classifier"], model.Groups());
        Assert.Equal("features", model.GetLayer("Pool1").Group);
        Assert.False(model.Description.Layers.Single(static l => l.Name == "Norm1").Trainable);
    }

    [Fact]
    public void AFrozenBatchNormalizationRunsInInferenceModeUntilUnfrozen()
    {
        var (x, y) = Data(seed: 11, classes: 5);
        using var model = new FiveClassHead(device: null, seed: 2);
        model.Compile(optimizer: new Sgd(learningRate: 0.1, momentum: 0.9, weightDecay: 0.1));
        var features = State(model, "Conv1.", "Norm1.");
        var hidden = State(model, "Hidden.");

        Assert.True(model.training);
        Assert.False(model.Norm1.training);
        model.Fit(x, y, epochs: 2, batchSize: 8, verbose: Verbosity.Silent);

        // The moving statistics did not move (nor did the batch counter): the layer normalized with them.
        Assert.True(Same(features, State(model, "Conv1.", "Norm1.")));
        Assert.False(Same(hidden, State(model, "Hidden.")));
        Assert.False(model.Norm1.training);
        model.train();
        Assert.False(model.Norm1.training);
        model.eval();
        Assert.False(model.Norm1.training);
        model.train();

        model.Unfreeze("features");
        Assert.True(model.Norm1.training);
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);

        var after = State(model, "Conv1.", "Norm1.");
        Assert.False(features["Norm1.running_mean"].equal(after["Norm1.running_mean"]).all().item<bool>());
        Assert.False(features["Conv1.weight"].equal(after["Conv1.weight"]).all().item<bool>());
    }

    [Fact]
    public void FreezingAGroupKeepsItsWeightsBitIdenticalUnderMomentumAndWeightDecay()
    {
        var (x, y) = Data(seed: 12, classes: 10);
        using var model = new DigitFeatures(device: null, seed: 3);
        model.Compile(optimizer: new Sgd(learningRate: 0.1, momentum: 0.9, weightDecay: 0.1));

        // Every parameter gets a momentum buffer first, which would keep moving a frozen weight.
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);
        model.Freeze("features");
        Assert.Contains("Trainable params: 370\n", model.Summary());
        var features = State(model, "Conv1.", "Norm1.");
        var classes = State(model, "Classes.");

        model.Fit(x, y, epochs: 2, batchSize: 8, verbose: Verbosity.Silent);

        Assert.True(Same(features, State(model, "Conv1.", "Norm1.")));
        Assert.False(Same(classes, State(model, "Classes.")));

        model.Unfreeze("features");
        Assert.Contains("Trainable params: 418\n", model.Summary());
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);
        Assert.False(Same(features, State(model, "Conv1.", "Norm1.")));
    }

    [Fact]
    public void AnUnknownGroupIsReportedWithTheDeclaredOnes()
    {
        using var model = new DigitFeatures();

        var error = Assert.Throws<ArgumentException>(() => model.Freeze("feature"));

        Assert.StartsWith("DigitFeatures has no layer group 'feature'; its groups are 'features', 'classifier'.", error.Message);
        Assert.All(model.GetLayers(), static layer => Assert.True(layer.Trainable));
    }

    [Fact]
    public void WeightsLoadIntoTheMatchingLayersOfAnotherNetwork()
    {
        var (x, y) = Data(seed: 13, classes: 10);
        using var source = new DigitFeatures(device: null, seed: 4);
        source.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);
        using var target = new FiveClassHead(device: null, seed: 5);
        var head = State(target, "Hidden.", "Classes.");

        var report = target.LoadWeightsFrom(source);

        Assert.Equal(s_featureTensors, report.Loaded);
        Assert.Equal(["Hidden.weight", "Hidden.bias"], report.MissingInSource);
        Assert.Empty(report.NotInTarget);
        Assert.False(report.IsComplete);
        Assert.Equal(
            [("Classes.weight", new long[] { 10, 36 }, new long[] { 5, 6 }), ("Classes.bias", [10], [5])],
            report.Mismatched.Select(static m => (m.Name, m.SourceShape.ToArray(), m.TargetShape.ToArray())));
        Assert.Equal(
            "Loaded 7 of 11 tensors of FiveClassHead from DigitFeatures.\n"
            + "  Loaded (7): Conv1.weight, Conv1.bias, Norm1.weight, Norm1.bias, Norm1.running_mean, Norm1.running_var, Norm1.num_batches_tracked\n"
            + "  Mis-shaped, kept (2): Classes.weight is [10, 36] in the source but [5, 6] in the target; Classes.bias is [10] in the source but [5] in the target\n"
            + "  Missing in the source, kept (2): Hidden.weight, Hidden.bias",
            report.ToString());

        Assert.True(Same(State(source, "Conv1.", "Norm1."), State(target, "Conv1.", "Norm1.")));
        Assert.True(Same(head, State(target, "Hidden.", "Classes.")));

        // Loading changes values, not what is frozen.
        Assert.All(target.Conv1.parameters(), static p => Assert.False(p.requires_grad));
    }

    [Fact]
    public void AMismatchCanRefuseTheWholeTransfer()
    {
        using var source = new DigitFeatures(device: null, seed: 6);
        using var target = new FiveClassHead(device: null, seed: 7);
        var before = State(target);

        var error = Assert.Throws<WeightTransferException>(() => target.LoadWeightsFrom(source, failOnMismatch: true));

        Assert.Equal(
            "Weights of DigitFeatures do not fit FiveClassHead, so none were loaded: Classes.weight is [10, 36] in the source but [5, 6] in the target; Classes.bias is [10] in the source but [5] in the target.",
            error.Message);
        Assert.Equal(7, error.Report.Loaded.Count);
        Assert.True(Same(before, State(target)));

        // The reverse direction has the same mismatch, and nothing missing makes it fail.
        using var back = new DigitFeatures(device: null, seed: 8);
        var reverse = back.LoadWeightsFrom(target);
        Assert.Equal(["Hidden.weight", "Hidden.bias"], reverse.NotInTarget);
        Assert.Empty(reverse.MissingInSource);
    }

    [Theory]
    [InlineData("digits.safetensors")]
    [InlineData("digits.dat")]
    public void WeightsLoadByNameFromAFileSavedByAnotherNetwork(string file)
    {
        var directory = Directory.CreateTempSubdirectory("netgen-transfer-").FullName;
        try
        {
            var path = Path.Combine(directory, file);
            using var source = new DigitFeatures(device: null, seed: 9);
            source.SaveWeights(path);
            using var target = new FiveClassHead(device: null, seed: 10);

            var report = target.LoadWeightsFrom(path);

            Assert.Equal("'" + file + "'", report.Source);
            Assert.Equal(s_featureTensors, report.Loaded);
            Assert.Equal(["Classes.weight", "Classes.bias"], report.Mismatched.Select(static m => m.Name));
            Assert.True(Same(State(source, "Conv1.", "Norm1."), State(target, "Conv1.", "Norm1.")));
            Assert.Throws<WeightTransferException>(() => target.LoadWeightsFrom(path, failOnMismatch: true));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (Tensor X, Tensor Y) Data(int seed, int classes)
    {
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        return (rand([24, 1, 8, 8], generator: generator), randint(0, classes, [24], dtype: ScalarType.Int64, generator: generator));
    }

    /// <summary>Copies of the state tensors whose names start with one of <paramref name="prefixes"/> (all without any).</summary>
    private static Dictionary<string, Tensor> State(nn.Module module, params string[] prefixes) =>
        module.state_dict()
            .Where(pair => prefixes.Length == 0 || prefixes.Any(prefix => pair.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .ToDictionary(static pair => pair.Key, static pair => pair.Value.detach().clone());

    private static bool Same(Dictionary<string, Tensor> left, Dictionary<string, Tensor> right) =>
        left.Keys.SequenceEqual(right.Keys) && left.All(pair => pair.Value.equal(right[pair.Key]).all().item<bool>());
}
