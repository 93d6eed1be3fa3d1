using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>
/// GaussianNoise and GaussianDropout without Roslyn: any floating-point shape passes unchanged with no
/// parameters, each invalid hyperparameter is reported at its argument, and both are the identity at
/// inference (the output's activation is found through them) and pass a padding mask on.
/// </summary>
public sealed class NoiseLayerTests
{
    private static LayerDefinition Noise(string name, double stddev) =>
        Of(LayerKind.GaussianNoise, name, "NetGen.Layers.GaussianNoise", ("stddev", ArgumentValue.Double(stddev)));

    private static LayerDefinition GaussianDropout(string name, double rate) =>
        Of(LayerKind.GaussianDropout, name, "NetGen.Layers.GaussianDropout", ("rate", ArgumentValue.Double(rate)));

    [Fact]
    public void EveryShapePassesUnchangedWithoutParameters()
    {
        var image = NetworkAnalysis.Analyze(Define(new[] { 1, 28, 28 }, Noise("Corrupt", 0.5), GaussianDropout("Shake", 0.2), Flatten("Flat"), Dense("Out", 1)));
        var sequence = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 8 }, elementType: ElementKind.Float64) }, GaussianDropout("Shake", 0.3), Noise("Corrupt", 0.1), Dense("Out", 2)));

        Assert.Empty(image.Issues);
        Assert.Equal(new[] { "(None, 1, 28, 28)", "(None, 1, 28, 28)" }, image.Layers.Take(2).Select(static l => l.Output.ToString()));
        Assert.All(image.Layers.Take(2), static l => Assert.Equal(0, l.Parameters.Total));
        Assert.Empty(sequence.Issues);
        Assert.Equal("(None, steps, 8) float64", sequence.Layers[1].Output.Type!.Describe());
        Assert.All(sequence.Layers.Take(2), static l => Assert.Equal(0, l.Parameters.Total));
    }

    [Fact]
    public void SummariesNameTheKindAndItsHyperparameter()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Noise("Corrupt", 1e-5), GaussianDropout("Shake", 0.25)));

        Assert.Equal("GaussianNoise(1E-05)", LayerRules.For(LayerKind.GaussianNoise).Describe(result.Layers[0].Config!, new string[0]));
        Assert.Equal("GaussianDropout(0.25)", LayerRules.For(LayerKind.GaussianDropout).Describe(result.Layers[1].Config!, new string[0]));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AStandardDeviationThatIsNotAFiniteNonNegativeNumberIsReportedAtItsArgument(double stddev)
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("Hidden", 3), Noise("Corrupt", stddev), Dense("Out", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(Site.LayerArgument(1, "stddev"), issue.Site);
        Assert.Equal("Stddev", issue.Arguments[0]);
        Assert.Equal("Corrupt", issue.Arguments[1]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void NoNoiseOrNoiseLargerThanOneIsAccepted(double stddev) =>
        Assert.Empty(NetworkAnalysis.Analyze(Define(new[] { 4 }, Noise("Corrupt", stddev), Dense("Out", 1))).Issues);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void AGaussianDropoutRateOutsideZeroToOneIsDropoutsDiagnosticAtItsArgument(double rate)
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, GaussianDropout("Shake", rate), Dense("Out", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.DropoutRateOutOfRange, issue.Kind);
        Assert.Equal(Site.LayerArgument(0, "rate"), issue.Site);
        Assert.Equal("Shake", issue.Arguments[0]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.99)]
    public void AGaussianDropoutRateInRangeIsSilent(double rate) =>
        Assert.Empty(NetworkAnalysis.Analyze(Define(new[] { 4 }, GaussianDropout("Shake", rate), Dense("Out", 1))).Issues);

    [Fact]
    public void TokenIdsAreRefused()
    {
        var tokens = new[] { Input(new object[] { 6 }, "tokens", ElementKind.Int64) };

        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(tokens, Noise("Corrupt", 0.1), Dense("Out", 1))).Issues);

        // Noise on ids means nothing: they must go through an Embedding first (NG0119).
        Assert.Equal(ProblemKind.TokenIdsIntoFeatureLayer, issue.Kind);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
        Assert.Equal("GaussianNoise", issue.Arguments[0]);
    }

    [Fact]
    public void TheOutputsActivationIsFoundThroughNoiseAndNoiseAsTheOutputIsReported()
    {
        var network = Define(new[] { 8 }, Dense("Out", 3, ActivationKind.Sigmoid), GaussianDropout("Shake", 0.1), Noise("Corrupt", 0.1))
            with { Network = NetworkArguments(LossKind.CategoricalCrossentropy) };

        var kinds = NetworkAnalysis.Analyze(network).Issues.Select(static i => i.Kind).OrderBy(static k => k);

        // Sigmoid before categorical cross-entropy is seen through both layers, identities at inference.
        Assert.Equal(new[] { ProblemKind.SigmoidWithCategoricalCrossentropy, ProblemKind.DropoutAfterOutput }, kinds);
    }

    [Fact]
    public void APaddingMaskPassesThroughBothLayers()
    {
        var embedding = Of(LayerKind.Embedding, "Words", "TorchSharp.Modules.Embedding", ("inputDim", ArgumentValue.Int(50)), ("outputDim", ArgumentValue.Int(6)), ("MaskZero", ArgumentValue.Bool(true)));
        var result = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { "words" }, "tokens", ElementKind.Int64) },
            embedding,
            Noise("Corrupt", 0.1),
            GaussianDropout("Shake", 0.1),
            Of(LayerKind.GlobalAveragePooling1D, "Pool", "NetGen.Layers.GlobalAveragePooling1D"),
            Dense("Output", 1)));

        Assert.Empty(result.Issues);
        Assert.Equal(new[] { "tokens" }, result.Layers[3].Links);
    }
}
