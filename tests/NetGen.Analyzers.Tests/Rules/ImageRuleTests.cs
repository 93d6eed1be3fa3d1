using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0108-NG0115: convolution and pooling over images.</summary>
public sealed class ImageRuleTests
{
    [Fact]
    public async Task NG0108_WindowLargerThanItsInput_ReportedAtTheLayerWithTheTrace()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(1, 24, 24)]
            public partial class Net
            {
                [Conv2D(8, 3)] public partial Conv2d C1 { get; }
                [MaxPooling2D] public partial MaxPool2d P1 { get; }
                [Conv2D(8, 3)] public partial Conv2d C2 { get; }
                [Conv2D(8, 3)] public partial Conv2d C3 { get; }
                [Conv2D(8, 3)] public partial Conv2d C4 { get; }
                [Conv2D(8, 3)] public partial Conv2d C5 { get; }
                [Conv2D(8, 3)] public partial Conv2d C6 { get; }
                [{|NG0108:Conv2D(8, 3)|}] public partial Conv2d C7 { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Conv2D layer 'C7' slides a 3x3 window over (None, 8, 1, 1), which is smaller; spatial sizes down the network: 24 -> 22 (C1) -> 11 (P1) -> 9 (C2) -> 7 (C3) -> 5 (C4) -> 3 (C5) -> 1 (C6) -> ? (C7)",
            MessageOf(diagnostics, "NG0108"));
    }

    [Fact]
    public async Task NG0108_DilatedWindowAndPooling_NamesTheSpan()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 6, 6)]
            public partial class Net
            {
                [{|NG0108:Conv2D(8, 3, DilationRate = 3)|}] public partial Conv2d C1 { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(10)] public partial Linear Output { get; }
            }

            [Network]
            [Input(3, 1, 1)]
            public partial class Pooled
            {
                [{|NG0108:MaxPooling2D|}] public partial MaxPool2d P { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Conv2D layer 'C1' slides a 3x3 (spanning 7x7 with DilationRate 3) window over (None, 3, 6, 6), which is smaller; spatial sizes down the network: 6 -> ? (C1)",
            Assert.Single(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'C1'")).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task NG0108_WindowThatJustFitsOrSamePadding_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(1, 3, 3)]
        public partial class Net
        {
            [Conv2D(8, 3)] public partial Conv2d C1 { get; }
            [Conv2D(8, 3, Padding = Padding.Same)] public partial Conv2d C2 { get; }
            [MaxPooling2D(Padding = Padding.Same)] public partial MaxPool2d P { get; }
            [Flatten] public partial Flatten Flat { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0109_ConvolutionOnAFlatVectorOrAnImageWithoutChannels_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(784)]
            public partial class Flat
            {
                [{|NG0109:Conv2D(8, 3)|}] public partial Conv2d C { get; }
                [Flatten] public partial Flatten F { get; }
                [Dense(10)] public partial Linear Output { get; }
            }

            [Network]
            [Input(28, 28)]
            public partial class Grey
            {
                [{|NG0109:MaxPooling2D|}] public partial MaxPool2d P { get; }
                [Flatten] public partial Flatten F { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Conv2D layer 'C' needs a (channels, height, width) input, but gets (None, 784); a flat vector must be reshaped into an image first: [Reshape(1, 28, 28)]");
        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "MaxPooling2D layer 'P' needs a (channels, height, width) input, but gets (None, 28, 28); an (height, width) image needs a channel axis first: [Reshape(1, 28, 28)]");
    }

    [Fact]
    public Task NG0109_ReshapedFirst_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(784)]
        public partial class Net
        {
            [Reshape(1, 28, 28)] public partial NetGen.Layers.Reshape Image { get; }
            [Conv2D(8, 3)] public partial Conv2d C { get; }
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0110_ChannelsLastInput_ReportedOnTheShape()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input({|NG0110:32, 32, 3|})]
            public partial class Net
            {
                [Conv2D(8, 3)] public partial Conv2d C { get; }
                [Flatten] public partial Flatten F { get; }
                [Dense(10)] public partial Linear Output { get; }
            }

            [Network]
            [Input({|NG0110:new object[] { 28, 28, 1 }|}, Name = "pixels")]
            public partial class Written
            {
                [Flatten] public partial Flatten F { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Input 'input' is declared (32, 32, 3), which looks channels-last; NetGen images are (channels, height, width): (3, 32, 32)");
        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Input 'pixels' is declared (28, 28, 1), which looks channels-last; NetGen images are (channels, height, width): (1, 28, 28)");
    }

    [Fact]
    public Task NG0110_ChannelsFirstAndFeatureShapes_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 32, 32)]
        public partial class Rgb
        {
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }

        [Network]
        [Input(16, 8, 8)]
        public partial class Maps
        {
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }

        [Network]
        [Input(6, 28, 1)]
        public partial class Narrow
        {
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }

        [Network]
        [Input(28, 3)]
        public partial class Sequence
        {
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0111_DenseOnAHiddenFeatureMap_WarnsAtTheLayer()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 8)]
            public partial class Net
            {
                [Conv2D(4, 3)] public partial Conv2d C { get; }
                [{|NG0111:Dense(16)|}] public partial Linear Hidden { get; }
                [Flatten] public partial Flatten F { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Dense layer 'Hidden' maps only the last axis (the width) of the feature map (None, 4, 6, 6), giving (None, 4, 6, 16); flatten the map first with Flatten or GlobalAveragePooling2D",
            MessageOf(diagnostics, "NG0111"));
    }

    [Fact]
    public async Task NG0112_DenseOutputOnAFeatureMap_IsAnError()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.SparseCategoricalCrossentropy)]
            [Input(3, 8, 8)]
            public partial class Net
            {
                [Conv2D(4, 3)] public partial Conv2d C { get; }
                [{|NG0112:Dense(10, Activation.Softmax)|}] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Output layer 'Output' applies Dense to the feature map (None, 4, 6, 6) and so produces (None, 4, 6, 10), not one vector per sample; add Flatten or GlobalAveragePooling2D before it",
            MessageOf(diagnostics, "NG0112"));
    }

    [Fact]
    public Task NG0111_NG0112_FlattenedOrPooledMapsAndSequences_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 8, 8)]
        public partial class Net
        {
            [Conv2D(4, 3)] public partial Conv2d C { get; }
            [GlobalAveragePooling2D] public partial NetGen.Layers.GlobalAveragePooling2D G { get; }
            [Dense(10)] public partial Linear Output { get; }
        }

        [Network]
        [Input(20, 8)]
        public partial class SequenceNet
        {
            [Dense(4)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0113_PoolingOverAnOddSize_DropsTheLastRowAndColumn()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(1, 13, 12)]
            public partial class Net
            {
                [{|NG0113:MaxPooling2D|}] public partial MaxPool2d P { get; }
                [{|NG0113:Conv2D(4, 3, Strides = 2)|}] public partial Conv2d C { get; }
                [Flatten] public partial Flatten F { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "MaxPooling2D layer 'P' never reads the last row of its input (None, 1, 13, 12): Valid padding floors the output to (6, 6); use Padding.Same or sizes that divide evenly if the edge matters");
        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Conv2D layer 'C' never reads the last row and the last column of its input (None, 1, 6, 6): Valid padding floors the output to (2, 2); use Padding.Same or sizes that divide evenly if the edge matters");
    }

    [Fact]
    public Task NG0113_EvenSizesStrideOneSamePaddingAndStridedOneByOne_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        // A strided 1x1 window skips every other row by design; the last row of an even size is one of those.
        [Network]
        [Input(1, 32, 32)]
        public partial class Shortcut
        {
            [Conv2D(4, 1, Strides = 2)] public partial Conv2d Projection { get; }
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }

        [Network]
        [Input(1, 17, 17)]
        public partial class Net
        {
            [Conv2D(4, 3)] public partial Conv2d C1 { get; }
            [MaxPooling2D(Padding = Padding.Same)] public partial MaxPool2d P1 { get; }
            [Conv2D(4, 3, Strides = 2, Padding = Padding.Same)] public partial Conv2d C2 { get; }
            [MaxPooling2D] public partial MaxPool2d P2 { get; }
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0114_EvenKernel_ReportedOnTheKernelSize()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(1, 8, 8)]
            public partial class Net
            {
                [Conv2D(4, {|NG0114:2|}, Padding = Padding.Same)] public partial Conv2d C { get; }
                [Flatten] public partial Flatten F { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Conv2D layer 'C' has an even kernel size 2: the window has no centre, and Same padding pads one side more than the other",
            MessageOf(diagnostics, "NG0114"));
    }

    [Fact]
    public Task NG0114_OddKernelsAndEvenPoolSizes_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(1, 8, 8)]
        public partial class Net
        {
            [Conv2D(4, 1)] public partial Conv2d C1 { get; }
            [Conv2D(4, 3, Padding = Padding.Same)] public partial Conv2d C2 { get; }
            [MaxPooling2D(2)] public partial MaxPool2d P { get; }
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0115_StrideBeyondTheWindow_ReportedOnStrides()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(1, 26, 26)]
            public partial class Net
            {
                [MaxPooling2D(2, Strides = {|NG0115:4|})] public partial MaxPool2d P { get; }
                [Conv2D(4, 3, Strides = {|NG0115:4|})] public partial Conv2d C { get; }
                [Flatten] public partial Flatten F { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Conv2D layer 'C' moves by 4 but its window spans only 3: 1 of every 4 rows and columns are never seen");
        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "MaxPooling2D layer 'P' moves by 4 but its window spans only 2: 2 of every 4 rows and columns are never seen");
    }

    [Fact]
    public Task NG0115_StrideUpToTheDilatedSpanAndStridedOneByOne_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(1, 29, 29)]
        public partial class Net
        {
            [Conv2D(4, 1, Strides = 2)] public partial Conv2d Projection { get; }
            [Conv2D(4, 1, DilationRate = 3, Strides = 1)] public partial Conv2d C1 { get; }
            [Conv2D(4, 3, Strides = 3)] public partial Conv2d C2 { get; }
            [MaxPooling2D(3, Strides = 2)] public partial MaxPool2d P { get; }
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0108_NG0113_Conv1D_OverTheSteps()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(12, 4)]
            public partial class Net
            {
                [{|NG0113:Conv1D(8, 3, Strides = 2)|}] public partial Conv1d C1 { get; }
                [{|NG0108:Conv1D(8, 7)|}] public partial Conv1d C2 { get; }
                [Flatten] public partial Flatten F { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Conv1D layer 'C1' never reads the last step of its input (None, 12, 4): Valid padding floors the output to 5 steps; use Padding.Same or sizes that divide evenly if the edge matters");
        Assert.Contains(
            diagnostics,
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Conv1D layer 'C2' slides a 7-step window over (None, 5, 8), which is smaller; spatial sizes down the network: 12 -> 5 (C1) -> ? (C2)");
    }

    [Fact]
    public Task NG0114_NG0115_Conv1D_ReportedAtTheirArguments() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(32, 4)]
        public partial class Net
        {
            [Conv1D(8, {|NG0114:2|})] public partial Conv1d Even { get; }
            [Conv1D(8, 3, Strides = {|NG0115:4|}, Padding = Padding.Same)] public partial Conv1d Skipping { get; }
            [Flatten] public partial Flatten F { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0113_NG0114_NG0115_Conv1D_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(13, 4)]
        public partial class Net
        {
            [Conv1D(8, 3, Strides = 2)] public partial Conv1d Halve { get; }
            [Conv1D(8, 1, Strides = 2)] public partial Conv1d Projection { get; }
            [Conv1D(8, 5, Strides = 3, Padding = Padding.Same)] public partial Conv1d Same { get; }
            [Flatten] public partial Flatten F { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);
}
