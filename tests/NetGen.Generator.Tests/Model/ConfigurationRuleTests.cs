using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>Configuration rules over loss, metrics and output activation, without Roslyn.</summary>
public sealed class ConfigurationRuleTests
{
    private static ProblemKind[] Kinds(LossKind loss, MetricKind[] metrics, params LayerDefinition[] layers)
    {
        var network = Define(new[] { 8 }, layers) with { Compile = Compile(loss, metrics) };
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
    public void OptimizerHyperparameters()
    {
        var compile = new CompileDefinition(
            LossKind.MeanSquaredError,
            EquatableArray<MetricKind>.Empty,
            NetGen.Model.OptimizerKind.Adam,
            NetGen.Model.OptimizerKind.Sgd,
            true,
            new[]
            {
                new OptimizerSetting("LearningRate", -1, false),
                new OptimizerSetting("Momentum", 0.9, false),
                new OptimizerSetting("Beta1", 1.5, false),
            }.ToEquatableArray());
        var network = Define(new[] { 8 }, Dense("Out", 1)) with { Compile = compile };

        var kinds = NetworkAnalysis.Analyze(network).Issues.Select(static i => i.Kind).ToArray();

        Assert.Equal(
            new[] { ProblemKind.ConflictingOptimizer, ProblemKind.InvalidLearningRate, ProblemKind.UnsupportedOptimizerHyperparameter, ProblemKind.InvalidOptimizerHyperparameter },
            kinds);
    }
}
