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
        var result = NetworkAnalysis.Analyze(Define(new[] { 1, 6, 6 }, Conv2D("C1", 4, 3), MaxPooling2D("P"), Conv2D("C2", 4, 3), Conv2D("C3", 4, 2)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(Site.LayerAttribute(2), issue.Site);
        Assert.Equal(new[] { "KernelSize", "C2", "at most 2, the smaller side of its input (None, 4, 2, 2)", "3" }, issue.Arguments);
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
    [InlineData(new[] { 784 }, "(channels, height, width); a flat vector must be reshaped first, e.g. Reshape(1, 28, 28)")]
    [InlineData(new[] { 28, 28 }, "(channels, height, width); an (height, width) image needs a channel axis first, e.g. Reshape(1, height, width)")]
    public void AConvolutionNeedsAChannelAxis(int[] input, string accepted)
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(input, Conv2D("C", 8, 3))).Issues);

        Assert.Equal(ProblemKind.UnsupportedInputRank, issue.Kind);
        Assert.Equal(accepted, issue.Arguments[3]);
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
