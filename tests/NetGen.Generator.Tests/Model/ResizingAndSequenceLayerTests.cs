using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>
/// Shape rules of the layers that grow, pad and crop images and of Conv1D, without Roslyn: Keras's
/// sizes, named sizes kept where they cannot change, and each mistake at its argument.
/// </summary>
public sealed class ResizingAndSequenceLayerTests
{
    [Theory]
    [InlineData(3, 1, "Valid", -1, 1, 15)] // (13 - 1) * 1 + 3
    [InlineData(3, 2, "Valid", -1, 1, 27)] // 13 * 2 + max(3 - 2, 0)
    [InlineData(2, 3, "Valid", -1, 1, 39)] // 13 * 3: the kernel leaves gaps, filled by the output padding
    [InlineData(3, 2, "Valid", 1, 1, 28)] // (13 - 1) * 2 + 3 + 1
    [InlineData(4, 2, "Same", -1, 1, 26)] // 13 * 2
    [InlineData(3, 2, "Same", 1, 1, 26)] // (13 - 1) * 2 + 3 - 2 * 1 + 1
    [InlineData(3, 1, "Same", 0, 2, 13)] // span 5, padding 2: 12 + 5 - 4
    public void TransposedConvolutionHasKerasOutputSizes(int kernel, int strides, string padding, int outputPadding, int dilation, int expected)
    {
        var layer = Of(LayerKind.Conv2DTranspose, "T", "TorchSharp.Modules.ConvTranspose2d",
            ("filters", ArgumentValue.Int(4)),
            ("kernelSize", ArgumentValue.Int(kernel)),
            ("Strides", ArgumentValue.Int(strides)),
            ("Padding", ArgumentValue.Enum((int)System.Enum.Parse<PaddingKind>(padding), "NetGen.Padding")),
            ("OutputPadding", ArgumentValue.Int(outputPadding)),
            ("DilationRate", ArgumentValue.Int(dilation)));

        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 13, 13 }, layer));

        Assert.Empty(result.Issues);
        Assert.Equal($"(None, 4, {expected}, {expected})", result.Layers[0].Output.ToString());
        Assert.Equal((kernel * kernel * 3 * 4) + 4, result.Layers[0].Parameters.Total);
    }

    [Fact]
    public void OutputPaddingMustBeBelowTheStrideOrTheDilation()
    {
        var layer = Of(LayerKind.Conv2DTranspose, "T", "TorchSharp.Modules.ConvTranspose2d",
            ("filters", ArgumentValue.Int(4)), ("kernelSize", ArgumentValue.Int(3)), ("Strides", ArgumentValue.Int(2)), ("OutputPadding", ArgumentValue.Int(2)));

        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { 3, 8, 8 }, layer)).Issues);

        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(Site.LayerArgument(0, "OutputPadding"), issue.Site);
    }

    [Fact]
    public void BordersAreWrittenAsKerasWritesThem()
    {
        var result = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { 3, "height", 10 }) },
            Of(LayerKind.ZeroPadding2D, "Pad", "TorchSharp.Modules.ZeroPad2d", ("padding", Ints(0, 2))),
            Of(LayerKind.Cropping2D, "Crop", "NetGen.Layers.Cropping2D", ("cropping", Ints(0, 0, 1, 3)))));

        // No rows added or removed: the named height stays; 10 + 2 + 2 - 1 - 3 columns.
        Assert.Empty(result.Issues);
        Assert.Equal("(None, 3, height, 14)", result.Layers[0].Output.ToString());
        Assert.Equal("(None, 3, height, 10)", result.Layers[1].Output.ToString());
    }

    [Fact]
    public void CroppingEverythingAwayIsReportedAtTheCroppingArgument()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 8, 10 }, Of(LayerKind.Cropping2D, "Crop", "NetGen.Layers.Cropping2D", ("cropping", Ints(1, 5)))));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(Site.LayerArgument(0, "cropping"), issue.Site);
        Assert.Equal(ShapeStatus.Failed, result.Layers[0].Output.Status);
    }

    [Fact]
    public void AWrongElementCountIsReportedAtTheArrayAndABadValueAtItsElement()
    {
        var result = NetworkAnalysis.Analyze(Define(
            new[] { 3, 8, 8 },
            Of(LayerKind.UpSampling2D, "Up", "TorchSharp.Modules.Upsample", ("size", Ints(2, 2, 2))),
            Of(LayerKind.MaxPooling2D, "Pool", "TorchSharp.Modules.MaxPool2d", ("poolSize", Ints(2, 0)))));

        Assert.Equal(new[] { Site.LayerArgument(0, "size"), Site.LayerArgument(1, "poolSize", 1) }, result.Issues.Select(static i => i.Site));
    }

    [Fact]
    public void NonSquareWindowsSlideEachAxisOnItsOwn()
    {
        var result = NetworkAnalysis.Analyze(Define(
            new[] { 3, 13, 11 },
            Of(LayerKind.Conv2D, "C", "TorchSharp.Modules.Conv2d", ("filters", ArgumentValue.Int(4)), ("kernelSize", Ints(3, 5)), ("StridesPerAxis", Ints(1, 2))),
            Of(LayerKind.UpSampling2D, "Up", "TorchSharp.Modules.Upsample", ("size", Ints(1, 3)))));

        // Kernel 3 x 5, strides 1 x 2: 13 - 3 + 1 rows, (11 - 5) / 2 + 1 columns; then columns tripled.
        Assert.Empty(result.Issues);
        Assert.Equal("(None, 4, 11, 4)", result.Layers[0].Output.ToString());
        Assert.Equal((3 * 5 * 3 * 4) + 4, result.Layers[0].Parameters.Total);
        Assert.Equal("(None, 4, 11, 12)", result.Layers[1].Output.ToString());
    }

    [Theory]
    [InlineData("Same", "(None, steps, 8)")]
    [InlineData("Causal", "(None, steps, 8)")]
    public void Conv1DKeepsNamedStepsWhenItsPaddingKeepsThem(string padding, string expected)
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 4 }) }, Conv1D("C", System.Enum.Parse<PaddingKind>(padding))));

        Assert.Empty(result.Issues);
        Assert.Equal(expected, result.Layers[0].Output.ToString());
        Assert.Equal((3 * 4 * 8) + 8, result.Layers[0].Parameters.Total);
    }

    [Fact]
    public void Conv1DOfNamedStepsWithoutPaddingIsKnownAtRunTime()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 4 }) }, Conv1D("C", PaddingKind.Valid)));

        Assert.Empty(result.Issues);
        Assert.Equal(ShapeStatus.Dynamic, result.Layers[0].Output.Status);
    }

    [Fact]
    public void Conv1DNeedsToKnowItsFeatures()
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { 10, "features" }) }, Conv1D("C", PaddingKind.Valid))).Issues);

        Assert.Equal(ProblemKind.UnknownDimension, issue.Kind);
        Assert.Equal("the number of features of its input", issue.Arguments[2]);
    }

    [Fact]
    public void SoftmaxOnAMapCountsItsChannelsAsUnits()
    {
        var softmax = ArgumentValue.Enum((int)ActivationKind.Softmax, "NetGen.Activation");

        var oneChannel = NetworkAnalysis.Analyze(Define(new[] { 3, 8, 8 }, Conv2D("C", 1, 3).With("activation", softmax)));
        var oneColumn = NetworkAnalysis.Analyze(Define(new[] { 3, 8, 3 }, Conv2D("C", 4, 3).With("activation", softmax)));

        // One channel is one class per pixel; a map one column wide still has four classes.
        Assert.Equal(ProblemKind.SoftmaxOnSingleUnit, Assert.Single(oneChannel.Issues).Kind);
        Assert.Equal("(None, 4, 6, 1)", oneColumn.Layers[0].Output.ToString());
        Assert.Empty(oneColumn.Issues);
    }

    private static LayerDefinition Conv1D(string name, PaddingKind padding) =>
        Of(LayerKind.Conv1D, name, "TorchSharp.Modules.Conv1d",
            ("filters", ArgumentValue.Int(8)), ("kernelSize", ArgumentValue.Int(3)), ("Padding", ArgumentValue.Enum((int)padding, "NetGen.Padding")));
}
