using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>Shape rules and parameter counts of the convolution and pooling layers, without Roslyn.</summary>
public sealed class ImageLayerTests
{
    [Fact]
    public void AConvolutionNetworkHasKerasShapesAndCounts()
    {
        var result = NetworkAnalysis.Analyze(Define(
            new[] { 1, 28, 28 },
            Conv2D("C1", 32, 3),
            Conv2D("C2", 64, 3, padding: PaddingKind.Same),
            MaxPooling2D("P"),
            Conv2D("C3", 64, 3, strides: 2, padding: PaddingKind.Same),
            GlobalAveragePooling2D("G")));

        Assert.Empty(result.Issues);
        Assert.Equal(
            new[] { "(None, 32, 26, 26)", "(None, 64, 26, 26)", "(None, 64, 13, 13)", "(None, 64, 7, 7)", "(None, 64)" },
            result.Layers.Select(static l => l.Output.ToString()));
        Assert.Equal(new long[] { (3 * 3 * 1 * 32) + 32, (3 * 3 * 32 * 64) + 64, 0, (3 * 3 * 64 * 64) + 64, 0 }, result.Layers.Select(static l => l.Parameters.Total));
    }

    [Fact]
    public void AWindowLargerThanItsInputIsReportedAtTheLayer()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 1, 6, 6 }, Conv2D("C1", 4, 3), MaxPooling2D("P"), Conv2D("C2", 4, 3), Conv2D("C3", 4, 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.WindowLargerThanInput, issue.Kind);
        Assert.Equal(Site.LayerAttribute(2), issue.Site);
        Assert.Equal(new[] { "Conv2D", "C2", "3x3", "(None, 4, 2, 2)", "6 -> 4 (C1) -> 2 (P) -> ? (C2)" }, issue.Arguments);
        Assert.Equal(ShapeStatus.Failed, result.Layers[3].Output.Status);
    }

    [Fact]
    public void TheSameWindowWithSamePaddingFits()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 1, 6, 6 }, Conv2D("C1", 4, 3), MaxPooling2D("P"), Conv2D("C2", 4, 3, padding: PaddingKind.Same)));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, 4, 2, 2)", result.Layers[2].Output.ToString());
    }

    [Theory]
    [InlineData(new[] { 784 }, "a flat vector must be reshaped into an image first: [Reshape(1, 28, 28)]")]
    [InlineData(new[] { 3072 }, "a flat vector must be reshaped into an image first: [Reshape(3, 32, 32)]")]
    [InlineData(new[] { 100, 7 }, "an (height, width) image needs a channel axis first: [Reshape(1, 100, 7)]")]
    [InlineData(new[] { 28, 28 }, "an (height, width) image needs a channel axis first: [Reshape(1, 28, 28)]")]
    public void AConvolutionNeedsAChannelAxis(int[] input, string hint)
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(input, Conv2D("C", 8, 3))).Issues);

        Assert.Equal(ProblemKind.MissingChannelAxis, issue.Kind);
        Assert.Equal(hint, issue.Arguments[3]);
    }

    [Fact]
    public void AFlatVectorWithNoSquareImageGetsAGeneralHint()
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { 10 }, MaxPooling2D("P"))).Issues);

        Assert.Equal(ProblemKind.MissingChannelAxis, issue.Kind);
        Assert.Equal("a flat vector must be reshaped into an image first: [Reshape(channels, height, width)] with as many values as it has", issue.Arguments[3]);
    }

    [Fact]
    public void TheTraceFollowsFirstInputsAndStopsWhereValuesAreNotImages()
    {
        var result = NetworkAnalysis.Analyze(Define(
            new[] { 64 },
            Reshape("R", 1, 8, 8),
            Conv2D("C1", 4, 3),
            MaxPooling2D("P"),
            Conv2D("C2", 4, 5)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.WindowLargerThanInput, issue.Kind);
        Assert.Equal("8 (R) -> 6 (C1) -> 3 (P) -> ? (C2)", issue.Arguments[4]);
    }

    [Fact]
    public void GroupsMustDivideTheInputChannels()
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { 3, 8, 8 }, Conv2D("C", 6, 3, groups: 2))).Issues);

        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(new[] { "Groups", "C", "a divisor of the input's 3 channels", "2" }, issue.Arguments);
        Assert.Empty(NetworkAnalysis.Analyze(Define(new[] { 3, 8, 8 }, Conv2D("C", 6, 3, groups: 3))).Issues);
    }

    [Fact]
    public void NamedSidesStayNamedOnlyWhereTheSizeCannotChange()
    {
        var same = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { 3, "height", "width" }) }, Conv2D("C", 8, 3, padding: PaddingKind.Same), GlobalAveragePooling2D("G")));
        Assert.Empty(same.Issues);
        Assert.Equal("(None, 8, height, width)", same.Layers[0].Output.ToString());
        Assert.Equal("(None, 8)", same.Layers[1].Output.ToString());

        var valid = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { 3, "height", "width" }) }, Conv2D("C", 8, 3), MaxPooling2D("P")));
        Assert.Empty(valid.Issues);
        Assert.Equal(ShapeStatus.Dynamic, valid.Layers[0].Output.Status);
        Assert.Equal(ShapeStatus.Dynamic, valid.Layers[1].Output.Status);
    }

    [Fact]
    public void AConvolutionNeedsToKnowItsInputChannels()
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "channels", 8, 8 }) }, Conv2D("C", 8, 3))).Issues);

        Assert.Equal(ProblemKind.UnknownDimension, issue.Kind);
        Assert.Equal("the number of channels of its input", issue.Arguments[2]);
    }
}
