using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>The inputs a [Backbone] refuses (NG0101, NG0105, NG0108, NG0109), at its attribute, and the ones it takes silently.</summary>
public sealed class BackboneRuleTests
{
    [Fact]
    public async Task NG0101_GrayscaleImageIntoABackbone_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input(1, 28, 28)]
            public partial class Net
            {
                [{|NG0101:Backbone(BackboneArchitecture.ResNet18)|}] public partial Backbone Features { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Backbone layer 'Features' cannot take an input of shape (None, 1, 28, 28); it takes (3, height, width): ResNet18 (TorchVision's resnet18) reads RGB images",
            MessageOf(diagnostics, "NG0101"));
    }

    [Fact]
    public async Task NG0108_ImageTooSmallForVggsPoolings_ReportedOnAttributeWithTheTrace()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 28, 28)]
            public partial class Net
            {
                [{|NG0108:Backbone(BackboneArchitecture.Vgg16BatchNorm)|}] public partial Backbone Features { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Backbone layer 'Features' slides a 2x2 window over a 1x1 map inside Vgg16BatchNorm (its downsampling needs images of at least 32x32), which is smaller; spatial sizes down the network: 28 -> 14 -> 7 -> 3 -> 1 -> ? (Features)",
            MessageOf(diagnostics, "NG0108"));
    }

    [Fact]
    public Task NG0109_FlatVectorIntoABackbone_ReportedOnAttribute() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input(3072)]
        public partial class Net
        {
            [{|NG0109:Backbone(BackboneArchitecture.ResNet18)|}] public partial Backbone Features { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0105_NamedChannelsIntoABackbone_ReportedOnAttribute() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input("channels", 64, 64)]
        public partial class Net
        {
            [{|NG0105:Backbone(BackboneArchitecture.MobileNetV2)|}] public partial Backbone Features { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0101_RgbImagesLargeEnoughOrOfNamedSize_Silent() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 32, 32)]
        public partial class SmallestVgg
        {
            [Backbone(BackboneArchitecture.Vgg16)] public partial Backbone Features { get; }
            [Dense(10)] public partial Linear Output { get; }
        }

        [Network]
        [Input(3, "height", "width")]
        public partial class AnySize
        {
            [Backbone(BackboneArchitecture.ResNet50)] public partial Backbone Features { get; }
            [Dense(2048)] public partial Linear Hidden { get; }
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0006_BackboneDeclaredAsAnotherModule_ReportedOnType() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 64, 64)]
        public partial class Net
        {
            [Backbone(BackboneArchitecture.ResNet18)] public partial {|NG0006:Sequential|} Features { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """);
}
