using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>Shape inference and parameter counts over the graph, without Roslyn.</summary>
public sealed class ShapeInferenceTests
{
    [Fact]
    public void StackOfDenseLayers()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 30 }, Dense("A", 12, ActivationKind.ReLU), Dense("B", 12, ActivationKind.ReLU), Dense("C", 1)));

        Assert.Empty(result.Issues);
        Assert.Equal(new[] { "(None, 12)", "(None, 12)", "(None, 1)" }, result.Layers.Select(static l => l.Output.ToString()));
        Assert.Equal(new long[] { 30 * 12 + 12, 12 * 12 + 12, 12 + 1 }, result.Layers.Select(static l => l.Parameters.Total));
        Assert.True(result.CanGenerate);
    }

    [Fact]
    public void DenseOnSequenceMapsTheLastAxis()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 7, 5 }, Dense("A", 3)));

        Assert.Equal("(None, 7, 3)", result.Layers[0].Output.ToString());
        Assert.Equal(5 * 3 + 3, result.Layers[0].Parameters.Total);
    }

    [Fact]
    public void DenseOnAHiddenFeatureMapMapsTheLastAxisAndWarns()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 32, 32 }, Dense("A", 10), Flatten("F"), Dense("B", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.DenseOnFeatureMap, issue.Kind);
        Assert.Equal(new[] { "A", "(None, 3, 32, 32)", "(None, 3, 32, 10)" }, issue.Arguments);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
        Assert.Equal("(None, 960)", result.Layers[1].Output.ToString());
        Assert.Equal((32 * 10) + 10, result.Layers[0].Parameters.Total);
        Assert.True(result.CanGenerate);
    }

    [Fact]
    public void DenseOutputOnAFeatureMapIsAnErrorThatDisablesTrainingOnly()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 32, 32 }, Dense("A", 10)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.FeatureMapOutput, issue.Kind);
        Assert.Equal(ProblemEffect.DisablesTraining, issue.Effect);
        Assert.True(result.CanGenerate);
    }

    [Fact]
    public void DenseOnRankFiveIsARankErrorWithoutCascade()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 2, 3, 4, 5, 6 }, Dense("A", 10), Flatten("F"), Dense("B", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnsupportedInputRank, issue.Kind);
        Assert.Equal(new[] { "Dense", "A", "(None, 2, 3, 4, 5, 6)", "(features) or (steps, features); add a Flatten layer before it" }, issue.Arguments);
        Assert.Equal(ShapeStatus.Failed, result.Layers[2].Output.Status);
        Assert.False(result.CanGenerate);
    }

    [Fact]
    public void FlattenThenDense()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 4, 5 }, Flatten("F"), Dense("D", 2)));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, 60)", result.Layers[0].Output.ToString());
        Assert.Equal(60 * 2 + 2, result.Layers[1].Parameters.Total);
    }

    [Fact]
    public void BatchNormalizationCountsMovingStatisticsAsNonTrainable()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 12 }, BatchNorm("N")));

        Assert.Equal(new ParameterCount(48, 24), result.Layers[0].Parameters);
    }

    [Fact]
    public void BatchNormalizationOnASequenceNormalizesItsFeaturesLikeKeras()
    {
        // Keras: Input((7, 5)) -> Dense(3) -> BatchNormalization() has 18 + 4 * 3 = 30 parameters;
        // normalizing the 7 steps instead would count 46.
        var result = NetworkAnalysis.Analyze(Define(new[] { 7, 5 }, Dense("A", 3), BatchNorm("N")));

        Assert.Empty(result.Issues);
        Assert.Equal(new ParameterCount(12, 6), result.Layers[1].Parameters);
        Assert.Equal(30, result.Layers.Sum(static l => l.Parameters.Total));
    }

    [Fact]
    public void NormalizationDescriptionsNameTheSettingsThatDifferFromKerasDefaults()
    {
        var result = NetworkAnalysis.Analyze(Define(
            new[] { 12 },
            BatchNorm("Plain"),
            Of(LayerKind.BatchNormalization, "Tuned", "TorchSharp.Modules.BatchNorm1d", ("Momentum", ArgumentValue.Double(0.9)), ("Epsilon", ArgumentValue.Double(1e-5))),
            Of(LayerKind.LayerNormalization, "Layer", "TorchSharp.Modules.LayerNorm", ("Epsilon", ArgumentValue.Double(1e-6)))));
        var batch = LayerRules.For(LayerKind.BatchNormalization);

        Assert.Equal("BatchNormalization()", batch.Describe(result.Layers[0].Config!, new[] { "input" }));
        Assert.Equal("BatchNormalization(Momentum = 0.9, Epsilon = 1E-05)", batch.Describe(result.Layers[1].Config!, new[] { "Plain" }));
        Assert.Equal("LayerNormalization(Epsilon = 1E-06)", LayerRules.For(LayerKind.LayerNormalization).Describe(result.Layers[2].Config!, new[] { "Tuned" }));
    }

    [Fact]
    public void BatchNormalizationTypeFollowsTheInputRank()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 8, 8 }, BatchNorm("N")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.LayerTypeMismatch, issue.Kind);
        Assert.Equal(new[] { "N", "BatchNormalization", "TorchSharp.Modules.BatchNorm2d", "TorchSharp.Modules.BatchNorm1d" }, issue.Arguments);
        Assert.Equal(new ParameterCount(12, 6), result.Layers[0].Parameters);
    }

    [Fact]
    public void AddNeedsEqualShapes()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 8), Dense("B", 6, from: "input"), Add("S", "A", "B")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.AddShapeMismatch, issue.Kind);
        Assert.Equal(new[] { "S", "A (None, 8), B (None, 6)" }, issue.Arguments);
    }

    [Fact]
    public void AddOfEqualShapes()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 8), Dense("B", 8, from: "input"), Add("S", "A", "B")));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, 8)", result.Layers[2].Output.ToString());
        Assert.Equal(new[] { 0, 1, 2 }, result.ExecutionOrder);
    }

    [Theory]
    [InlineData(2, "(None, 2, 9)")]
    [InlineData(-1, "(None, 2, 9)")]
    public void ConcatenateAxisCountsTheBatchAsKerasDoes(int axis, string expected)
    {
        // (2, 5) and (2, 4) match on axis 1 (the steps), so only axis 2 (the features) can join them.
        var result = NetworkAnalysis.Analyze(Define(new[] { 2, 5 }, Dense("A", 4), Concatenate("C", axis, "input", "A")));

        Assert.Empty(result.Issues);
        Assert.Equal(expected, result.Layers[1].Output.ToString());
    }

    [Fact]
    public void ConcatenateJoinsTheStepsWhenAskedTo()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 2, 5 }, Dense("A", 5), Concatenate("C", 1, "input", "A")));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, 4, 5)", result.Layers[1].Output.ToString());
    }

    [Fact]
    public void ConcatenateJoinsTheFeatureAxisByDefault()
    {
        var vectors = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3), Concatenate("C", null, "input", "A")));
        var images = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { 3, 8, 8 }, "rgb"), Input(new object[] { 2, 8, 8 }, "depth") },
            Concatenate("C", null, "rgb", "depth")));

        Assert.Equal("(None, 7)", vectors.Layers[1].Output.ToString());
        Assert.Empty(images.Issues);
        Assert.Equal("(None, 5, 8, 8)", images.Layers[0].Output.ToString());
    }

    [Fact]
    public void ConcatenateMismatchAndAxisOutOfRange()
    {
        var mismatch = NetworkAnalysis.Analyze(Define(new[] { 2, 5 }, Dense("A", 4), Concatenate("C", 1, "input", "A")));
        var outOfRange = NetworkAnalysis.Analyze(Define(new[] { 5 }, Dense("A", 4), Concatenate("C", 0, "input", "A")));

        Assert.Equal(ProblemKind.ConcatenateShapeMismatch, Assert.Single(mismatch.Issues).Kind);
        Assert.Equal(new[] { "C", "inputs that match on every axis but axis 1", "input (None, 2, 5), A (None, 2, 4)" }, mismatch.Issues[0].Arguments);
        Assert.Equal(ProblemKind.ConcatenateAxisOutOfRange, Assert.Single(outOfRange.Issues).Kind);
        Assert.Equal(Site.LayerArgument(1, "Axis"), outOfRange.Issues[0].Site);
    }

    [Fact]
    public void ForwardReferenceRunsInDependencyOrder()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3, from: "B"), Dense("B", 3, ActivationKind.ReLU, from: "input"), Add("S", "A", "B")));

        Assert.Empty(result.Issues);
        Assert.Equal(new[] { 1, 0, 2 }, result.ExecutionOrder);
    }

    [Fact]
    public void CycleIsReportedOnEachMemberWithoutCascade()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3, from: "B"), Dense("B", 3, from: "A"), Dense("C", 1)));

        Assert.Equal(new[] { ProblemKind.CyclicReference, ProblemKind.CyclicReference }, result.Issues.Select(static i => i.Kind));
        Assert.Equal("A -> B -> A", result.Issues[0].Arguments[1]);
        Assert.False(result.CanGenerate);
    }

    [Fact]
    public void UnknownReferenceIsReportedAtTheArgument()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3), Add("S", "A", "Missing")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnknownReference, issue.Kind);
        Assert.Equal(Site.LayerArgument(1, "inputs", 1), issue.Site);
        Assert.Equal(new[] { "S", "Missing", "Net", "'input'" }, issue.Arguments);
    }

    [Fact]
    public void NullMergeInputIsReportedAtTheElementAndBlocksGeneration()
    {
        var merge = Add("S", "A").With("inputs", ArgumentValue.Array(new[] { ArgumentValue.Null, ArgumentValue.String("A") }));

        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3), merge));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(Site.LayerArgument(1, "inputs", 0), issue.Site);
        Assert.Equal(new[] { "Inputs", "S", "layer or input names", "null" }, issue.Arguments);
        Assert.False(result.CanGenerate);
    }

    [Fact]
    public void UnusedBranchIsAWarningAndIsNotRun()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("Side", 3), Dense("Main", 2, from: "input")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnusedLayer, issue.Kind);
        Assert.Equal(new[] { "Side", "'Main'" }, issue.Arguments);
        Assert.True(result.CanGenerate);
        Assert.Equal(new[] { false, true }, result.Layers.Select(static l => l.IsUsed));
    }

    [Fact]
    public void ALayerReadingTheOutputDoesNotBecomeTheOutput()
    {
        // Review §3.2: Tail reads the output; the output is still the last declared layer.
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3, ActivationKind.ReLU), Dense("Tail", 5, from: "Out"), Dense("Out", 2, ActivationKind.ReLU, from: "A")));

        Assert.Equal(new[] { 2 }, result.Outputs);
        Assert.Equal(ProblemKind.UnusedLayer, Assert.Single(result.Issues).Kind);
        Assert.False(result.Layers[1].IsUsed);
    }

    [Theory]
    [InlineData(new object[0], "")]
    [InlineData(new object[] { 3, 0 }, "3, 0")]
    [InlineData(new object[] { "", 2 }, "\"\", 2")]
    [InlineData(new object[] { 2.5 }, "2.5")]
    public void InvalidInputShape(object[] shape, string written)
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(shape) }, Dense("A", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.InvalidInputShape, issue.Kind);
        Assert.Equal(new[] { "input", written }, issue.Arguments);
        Assert.Equal(Site.InputAttribute(0), issue.Site);
    }

    [Fact]
    public void DeepStackAnalysesEndToEnd()
    {
        var layers = Enumerable.Range(0, 200).Select(static i => Dense("L" + i, 16, ActivationKind.ReLU)).ToArray();

        var result = NetworkAnalysis.Analyze(Define(new[] { 16 }, layers));

        Assert.Empty(result.Issues);
        Assert.Equal(200 * (16 * 16 + 16), result.Layers.Sum(static l => l.Parameters.Total));
        Assert.Equal(Enumerable.Range(0, 200), result.ExecutionOrder);
    }
}
