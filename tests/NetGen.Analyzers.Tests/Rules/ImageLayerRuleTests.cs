using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>
/// The image and sequence convolution layers' arguments (NG0012, NG0101, NG0207): Keras's ways of
/// writing sizes (one number, (height, width), four borders), each mistake at the argument or
/// element at fault, and the same layers written correctly staying silent.
/// </summary>
public sealed class ImageLayerRuleTests
{
    [Fact]
    public async Task NG0012_KernelWithThreeSizes_ReportedOnTheArray()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 16, 16)]
            public partial class Net
            {
                [Conv2D(8, {|NG0012:[3, 5, 7]|})] public partial Conv2d Conv { get; }
            }
            """);

        Assert.Equal("KernelSize of layer 'Conv' must be one positive number, or two (height, width); got [3, 5, 7]", MessageOf(diagnostics, "NG0012"));
    }

    [Fact]
    public async Task NG0012_NonPositiveSizeInAPair_ReportedOnTheElement()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 16, 16)]
            public partial class Net
            {
                [MaxPooling2D([2, {|NG0012:0|}])] public partial MaxPool2d Pool { get; }
            }
            """);

        Assert.Equal("PoolSize of layer 'Pool' must be positive in every element; got 0", MessageOf(diagnostics, "NG0012"));
    }

    [Fact]
    public Task NG0012_NegativeStrideInAPerAxisProperty_ReportedOnTheElement() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 16, 16)]
        public partial class Net
        {
            [Conv2D(8, 3, StridesPerAxis = [{|NG0012:-1|}, 2])] public partial Conv2d Conv { get; }
        }
        """);

    [Fact]
    public Task NG0012_StridesAndStridesPerAxisTogether_ReportedOnThePerAxisArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 16, 16)]
        public partial class Net
        {
            [Conv2D(8, 3, Strides = 2, StridesPerAxis = {|NG0012:[2, 1]|})] public partial Conv2d Conv { get; }
        }
        """);

    [Fact]
    public async Task NG0012_CroppingEverythingAway_ReportedOnTheCroppingArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 10)]
            public partial class Net
            {
                [Cropping2D({|NG0012:[4, 1]|})] public partial NetGen.Layers.Cropping2D Crop { get; }
            }
            """);

        Assert.Equal(
            "Cropping of layer 'Crop' must be less than the (height, width) of its input (None, 3, 8, 10) along each axis (it removes 8 rows and 2 columns); got (4, 1)",
            MessageOf(diagnostics, "NG0012"));
    }

    [Fact]
    public Task NG0012_BordersWithThreeValuesOrANegativeOne_ReportedOnTheArrayAndTheElement() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 8, 10)]
        public partial class Net
        {
            [ZeroPadding2D({|NG0012:[1, 2, 3]|})] public partial ZeroPad2d Pad { get; }
            [Cropping2D([0, {|NG0012:-1|}, 0, 0])] public partial NetGen.Layers.Cropping2D Crop { get; }
        }
        """);

    [Fact]
    public async Task NG0012_OutputPaddingNotBelowTheStride_ReportedOnOutputPadding()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 8)]
            public partial class Net
            {
                [Conv2DTranspose(4, 3, Strides = 2, OutputPadding = {|NG0012:2|})] public partial ConvTranspose2d Up { get; }
            }
            """);

        Assert.Equal(
            "OutputPadding of layer 'Up' must be below the stride (2) or the dilation (1), or negative to leave it to the padding; got 2",
            MessageOf(diagnostics, "NG0012"));
    }

    [Fact]
    public Task NG0012_CausalPaddingOnAnImage_ReportedOnPadding() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 8, 8)]
        public partial class Net
        {
            [Conv2D(4, 3, Padding = {|NG0012:Padding.Causal|})] public partial Conv2d Conv { get; }
        }
        """);

    [Fact]
    public async Task NG0101_Conv1DOnAnImage_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 8)]
            public partial class Net
            {
                [{|NG0101:Conv1D(4, 3)|}] public partial Conv1d Conv { get; }
            }
            """);

        Assert.Equal(
            "Conv1D layer 'Conv' cannot take an input of shape (None, 3, 8, 8); it takes (steps, features); a (channels, height, width) image takes Conv2D",
            MessageOf(diagnostics, "NG0101"));
    }

    [Fact]
    public Task NG0207_SpatialDropoutRateOfOne_ReportedOnRateArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 8, 8)]
        public partial class Net
        {
            [SpatialDropout2D({|NG0207:1.0|})] public partial Dropout2d Drop { get; }
            [Conv2D(4, 3)] public partial Conv2d Conv { get; }
        }
        """);

    [Fact]
    public async Task NG0114_NG0115_NonSquareKernelAndStrides_ReportedOnTheArgumentWritten()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 16, 17)]
            public partial class Net
            {
                [Conv2D(8, {|NG0114:[3, 4]|}, Padding = Padding.Same)] public partial Conv2d Conv { get; }
                [MaxPooling2D(2, StridesPerAxis = {|NG0115:[1, 3]|})] public partial MaxPool2d Pool { get; }
            }
            """);

        Assert.Equal("Conv2D layer 'Conv' has an even kernel size (3, 4): the window has no centre, and Same padding pads one side more than the other", MessageOf(diagnostics, "NG0114"));
        Assert.Equal("MaxPooling2D layer 'Pool' moves by 3 but its window spans only 2: 1 of every 3 rows and columns are never seen", MessageOf(diagnostics, "NG0115"));
    }

    [Fact]
    public Task EveryFormKerasAllows_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 8, 10)]
        public partial class Net
        {
            [ZeroPadding2D([1, 2])] public partial ZeroPad2d Pad { get; }
            [Cropping2D([0, 1, 2, 3])] public partial NetGen.Layers.Cropping2D Crop { get; }
            [Conv2D(8, [3, 5], StridesPerAxis = [1, 2], DilationRatePerAxis = [2, 1])] public partial Conv2d Conv { get; }
            [SpatialDropout2D(0.3)] public partial Dropout2d Drop { get; }
            [MaxPooling2D([2, 1], Padding = Padding.Same)] public partial MaxPool2d Pool { get; }
            [Conv2DTranspose(4, 3, Strides = 2, OutputPadding = 1)] public partial ConvTranspose2d Up { get; }
            [Conv2DTranspose(4, 3, DilationRate = 2, OutputPadding = 1)] public partial ConvTranspose2d BelowDilation { get; }
            [UpSampling2D([2, 1], Interpolation = Interpolation.Bilinear)] public partial Upsample Grow { get; }
            [Cropping2D(1)] public partial NetGen.Layers.Cropping2D Trim { get; }
        }

        [Network]
        [Input(20, 4)]
        public partial class Signal
        {
            [Conv1D(8, 3, Padding = Padding.Causal, DilationRate = 2)] public partial Conv1d Causal { get; }
            [Conv1D(8, 3, Strides = 2, Padding = Padding.Same)] public partial Conv1d Halve { get; }
        }
        """);
}
