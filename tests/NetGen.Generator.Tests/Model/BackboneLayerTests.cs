using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>The Backbone rule: its output length, its counts, and the images it refuses, without Roslyn.</summary>
public sealed class BackboneLayerTests
{
    [Theory]
    [InlineData(NetGen.BackboneArchitecture.ResNet18, 512)]
    [InlineData(NetGen.BackboneArchitecture.ResNet50, 2048)]
    [InlineData(NetGen.BackboneArchitecture.Vgg16, 512)]
    [InlineData(NetGen.BackboneArchitecture.MobileNetV2, 1280)]
    [InlineData(NetGen.BackboneArchitecture.MobileNetV3Small, 576)]
    public void TheBackboneOutputsItsFeatureVectorAndTheDenseAfterItIsSizedByIt(NetGen.BackboneArchitecture runtime, int features)
    {
        var architecture = (BackboneArchitectureKind)runtime;
        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 64, 64 }, Backbone("Features", architecture), Dense("Classes", 10)));

        Assert.Empty(result.Issues);
        Assert.Equal($"(None, {features})", result.Layers[0].Output.ToString());
        Assert.Equal((features * 10) + 10, result.Layers[1].Parameters.Total);
    }

    [Fact]
    public void TheCountsAreTorchVisionsWithoutTheHeadAndStatisticsAreNotTrainable()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 224, 224 }, Backbone("Features", BackboneArchitectureKind.ResNet18)));

        // resnet18 has 11,689,512 parameters, 513,000 of them in fc (512 x 1000 + 1000); its 20
        // batch normalizations hold 4,800 channels, each with a running mean and variance.
        Assert.Equal(11_689_512 - 513_000 + (2 * 4_800), result.Layers[0].Parameters.Total);
        Assert.Equal(11_689_512 - 513_000, result.Layers[0].Parameters.Trainable);
    }

    [Fact]
    public void NamedHeightAndWidthStillGiveAKnownVector()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { 3, "height", "width" }) }, Backbone("Features", BackboneArchitectureKind.ResNet34), Dense("Classes", 2)));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, 512)", result.Layers[0].Output.ToString());
    }

    [Fact]
    public void AGrayscaleImageIsReportedAtTheAttribute()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 1, 64, 64 }, Backbone("Features", BackboneArchitectureKind.ResNet18), Dense("Classes", 10)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnsupportedInputRank, issue.Kind);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
        Assert.Equal(new[] { "Backbone", "Features", "(None, 1, 64, 64)", "(3, height, width): ResNet18 (TorchVision's resnet18) reads RGB images" }, issue.Arguments);
        Assert.Equal(ShapeStatus.Failed, result.Layers[1].Output.Status);
    }

    [Fact]
    public void AFlatVectorIsReportedAsAMissingChannelAxis()
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { 3072 }, Backbone("Features", BackboneArchitectureKind.Vgg11))).Issues);

        Assert.Equal(ProblemKind.MissingChannelAxis, issue.Kind);
        Assert.Equal("a flat vector must be reshaped into an image first: [Reshape(3, 32, 32)]", issue.Arguments[3]);
    }

    [Fact]
    public void AChannelsLastInputGetsTheReorderedShapeAsAHint()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 224, 224, 3 }, Backbone("Features", BackboneArchitectureKind.ResNet18)));

        Assert.Equal(new[] { ProblemKind.ChannelsLastInput, ProblemKind.UnsupportedInputRank }, result.Issues.Select(static i => i.Kind));
        Assert.EndsWith("reads RGB images; (None, 224, 224, 3) looks channels-last: declare the input as (3, 224, 224)", result.Issues[1].Arguments[3]);
    }

    [Fact]
    public void ANamedChannelAxisIsReported()
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "channels", 32, 32 }) }, Backbone("Features", BackboneArchitectureKind.ResNet18))).Issues);

        Assert.Equal(ProblemKind.UnknownDimension, issue.Kind);
        Assert.Equal(new[] { "Backbone", "Features", "the number of channels of its input", "it is 'channels' in (None, channels, 32, 32)" }, issue.Arguments);
    }

    [Fact]
    public void AnImageVggPoolsAwayIsReportedWithTheTraceOfSizesInsideTheBackbone()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 3, 62, 80 }, MaxPooling2D("Pool"), Backbone("Features", BackboneArchitectureKind.Vgg16)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.WindowLargerThanInput, issue.Kind);
        Assert.Equal(Site.LayerAttribute(1), issue.Site);
        Assert.Equal(
            new[] { "Backbone", "Features", "2x2", "a 1x2 map inside Vgg16 (its downsampling needs images of at least 32x32)", "62x80 -> 31x40 (Pool) -> 15x20 -> 7x10 -> 3x5 -> 1x2 -> ? (Features)" },
            issue.Arguments);
    }

    [Theory]
    [InlineData(NetGen.BackboneArchitecture.Vgg16, 32)]
    [InlineData(NetGen.BackboneArchitecture.Vgg11BatchNorm, 32)]
    [InlineData(NetGen.BackboneArchitecture.ResNet50, 1)]
    [InlineData(NetGen.BackboneArchitecture.MobileNetV3Large, 1)]
    public void TheSmallestImageEveryWindowFitsIsAccepted(NetGen.BackboneArchitecture runtime, int side)
    {
        var architecture = (BackboneArchitectureKind)runtime;
        Assert.Empty(NetworkAnalysis.Analyze(Define(new[] { 3, side, side }, Backbone("Features", architecture))).Issues);
        Assert.Equal(side, TorchVisionModel.For(architecture).MinimumSize);
    }

    [Fact]
    public void EveryArchitectureHasATableEntry()
    {
        foreach (var architecture in System.Enum.GetValues<BackboneArchitectureKind>())
        {
            var model = TorchVisionModel.For(architecture);
            Assert.True(model.Features > 0 && model.Trainable > 0, architecture.ToString());
        }
    }
}
