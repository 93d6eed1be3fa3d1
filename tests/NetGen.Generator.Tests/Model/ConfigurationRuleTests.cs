using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>Configuration rules over each output's loss, metrics and activation, without Roslyn.</summary>
public sealed class ConfigurationRuleTests
{
    private static ProblemKind[] Kinds(LossKind loss, MetricKind[] metrics, params LayerDefinition[] layers)
    {
        var network = Define(new[] { 8 }, layers) with { Network = NetworkArguments(loss, metrics) };
        return NetworkAnalysis.Analyze(network).Issues.Select(static i => i.Kind).ToArray();
    }

    [Fact]
    public void SoftmaxOnOneUnit() =>
        Assert.Equal(new[] { ProblemKind.SoftmaxOnSingleUnit }, Kinds(LossKind.BinaryCrossentropy, new MetricKind[0], Dense("Out", 1, ActivationKind.Softmax)));

    [Fact]
    public void CategoricalCrossentropyOnOneUnit() =>
        Assert.Equal(new[] { ProblemKind.CategoricalCrossentropyOnSingleUnit }, Kinds(LossKind.CategoricalCrossentropy, new MetricKind[0], Dense("Out", 1, ActivationKind.Sigmoid)));

    [Fact]
    public void SigmoidWithCategoricalCrossentropy() =>
        Assert.Equal(new[] { ProblemKind.SigmoidWithCategoricalCrossentropy }, Kinds(LossKind.CategoricalCrossentropy, new MetricKind[0], Dense("Out", 3, ActivationKind.Sigmoid)));

    [Fact]
    public void SoftmaxWithBinaryCrossentropyAndAccuracy()
    {
        Assert.Equal(new[] { ProblemKind.SoftmaxWithBinaryCrossentropy }, Kinds(LossKind.BinaryCrossentropy, new[] { MetricKind.Accuracy }, Dense("Out", 3, ActivationKind.Softmax)));
        Assert.Empty(Kinds(LossKind.BinaryCrossentropy, new[] { MetricKind.RocAuc }, Dense("Out", 3, ActivationKind.Softmax)));
    }

    [Fact]
    public void AccuracyOnRegression()
    {
        Assert.Equal(new[] { ProblemKind.AccuracyOnRegression }, Kinds(LossKind.MeanSquaredError, new[] { MetricKind.Accuracy }, Dense("Out", 1)));
        Assert.Empty(Kinds(LossKind.MeanSquaredError, new[] { MetricKind.Mae }, Dense("Out", 1)));
    }

    [Fact]
    public void MeanSquaredErrorOnClassifier() =>
        Assert.Equal(new[] { ProblemKind.MeanSquaredErrorOnClassifier }, Kinds(LossKind.MeanSquaredError, new MetricKind[0], Dense("Out", 3, ActivationKind.Softmax)));

    [Fact]
    public void OutputActivationIsFoundThroughTrailingDropout() =>
        Assert.Equal(
            new[] { ProblemKind.SigmoidWithCategoricalCrossentropy, ProblemKind.DropoutAfterOutput },
            Kinds(LossKind.CategoricalCrossentropy, new MetricKind[0], Dense("Out", 3, ActivationKind.Sigmoid), Dropout("Drop", 0.5)).OrderBy(static k => k).ToArray());

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void DropoutRateOutsideRange(double rate) =>
        Assert.Equal(new[] { ProblemKind.DropoutRateOutOfRange }, Kinds(LossKind.None, new MetricKind[0], Dropout("Drop", rate), Dense("Out", 1)));

    [Fact]
    public void ValidClassifierIsSilent() =>
        Assert.Empty(Kinds(LossKind.CategoricalCrossentropy, new[] { MetricKind.Accuracy }, Dense("H", 16, ActivationKind.ReLU), Dropout("D", 0.5), Dense("Out", 3, ActivationKind.Softmax)));

    [Fact]
    public void EachOutputIsCheckedWithItsOwnLoss()
    {
        // The network's loss (MSE) applies to Price; Kind declares its own, which is reported where it is written.
        var network = Define(
            new[] { 8 },
            Dense("Price", 1).AsOutput(),
            Dense("Kind", 1, ActivationKind.Sigmoid, from: "input").AsOutput(LossKind.CategoricalCrossentropy)) with { Network = NetworkArguments(LossKind.MeanSquaredError) };

        var result = NetworkAnalysis.Analyze(network);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.CategoricalCrossentropyOnSingleUnit, issue.Kind);
        Assert.Equal(Site.OutputArgument(1, "Loss"), issue.Site);
        Assert.Equal(new[] { LossKind.MeanSquaredError, LossKind.CategoricalCrossentropy }, result.Compile!.Outputs.Select(static o => o.Loss));
    }

    [Fact]
    public void OutputLossWeightMustBeANonNegativeNumber()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 8 }, Dense("Out", 1).AsOutput(LossKind.MeanSquaredError, weight: -1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(Site.OutputArgument(0, "LossWeight"), issue.Site);
        Assert.Equal(ProblemEffect.DisablesTraining, issue.Effect);
        Assert.True(result.CanGenerate);
    }

    [Fact]
    public void OptimizerHyperparameters()
    {
        var network = Define(new[] { 8 }, Dense("Out", 1)) with
        {
            Network = AttributeArguments.Of(("Optimizer", ArgumentValue.Enum((int)NetGen.Model.OptimizerKind.Sgd, "NetGen.OptimizerKind"))),
            Optimizer = AttributeArguments.Of(
                ("kind", ArgumentValue.Enum((int)NetGen.Model.OptimizerKind.Adam, "NetGen.OptimizerKind")),
                ("LearningRate", ArgumentValue.Double(-1)),
                ("Momentum", ArgumentValue.Double(0.9)),
                ("Beta1", ArgumentValue.Double(1.5))),
        };

        var result = NetworkAnalysis.Analyze(network);

        Assert.Equal(
            new[] { ProblemKind.ConflictingOptimizer, ProblemKind.InvalidLearningRate, ProblemKind.UnsupportedOptimizerHyperparameter, ProblemKind.InvalidOptimizerHyperparameter },
            result.Issues.Select(static i => i.Kind));
        Assert.True(result.CanGenerate);
        Assert.Equal("NG0211, NG0209, NG0212", result.CompileError);
    }

    [Fact]
    public void WeightDecayBeyondFloat32IsInvalid()
    {
        var network = Define(new[] { 8 }, Dense("Out", 1)) with
        {
            Optimizer = AttributeArguments.Of(("kind", ArgumentValue.Enum(0, "NetGen.OptimizerKind")), ("WeightDecay", ArgumentValue.Double(1e308))),
        };

        var issue = Assert.Single(NetworkAnalysis.Analyze(network).Issues);

        Assert.Equal(ProblemKind.InvalidOptimizerHyperparameter, issue.Kind);
        Assert.Equal("zero or a positive float32", issue.Arguments[2]);
    }
}
