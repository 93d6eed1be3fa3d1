using System;
using System.Linq;
using NetGen.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LayersSpecs;

/// <summary>The Backbone module against the TorchVision model it is cut from, built by hand in each test.</summary>
public sealed class BackboneTests
{
    public static TheoryData<BackboneArchitecture, string> Architectures() => new()
    {
        { BackboneArchitecture.ResNet18, "fc." },
        { BackboneArchitecture.ResNet34, "fc." },
        { BackboneArchitecture.ResNet50, "fc." },
        { BackboneArchitecture.ResNet101, "fc." },
        { BackboneArchitecture.Vgg11, "classifier." },
        { BackboneArchitecture.Vgg11BatchNorm, "classifier." },
        { BackboneArchitecture.Vgg16, "classifier." },
        { BackboneArchitecture.Vgg16BatchNorm, "classifier." },
        { BackboneArchitecture.MobileNetV2, "classifier." },
        { BackboneArchitecture.MobileNetV3Large, "classifier." },
        { BackboneArchitecture.MobileNetV3Small, "classifier." },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void TheBackboneIsTorchVisionsModelWithoutItsHead(BackboneArchitecture architecture, string head)
    {
        using var torchVision = TorchVisionModel(architecture);
        using var backbone = new Backbone(architecture);

        var expected = torchVision.state_dict().Where(p => !p.Key.StartsWith(head, StringComparison.Ordinal)).ToDictionary(static p => p.Key, static p => p.Value.shape);
        var actual = backbone.state_dict().ToDictionary(static p => p.Key, static p => p.Value.shape);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, p => Assert.Equal(p.Value, actual[p.Key]));
        Assert.Equal(head, backbone.HeadPrefix);
        Assert.All(backbone.parameters(), static p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void AResNetBackboneFollowedByTorchVisionsHeadComputesTorchVisionsModel()
    {
        using var torchVision = torchvision.models.resnet18();
        using var backbone = new Backbone(BackboneArchitecture.ResNet18);
        Copy(torchVision, backbone);
        torchVision.eval();
        backbone.eval();
        using var scope = NewDisposeScope();
        var images = randn(2, 3, 48, 40);

        var features = backbone.call(images);
        var head = (Linear)torchVision.named_children().Single(static c => c.name == "fc").module;

        Assert.Equal(new long[] { 2, 512 }, features.shape);
        Assert.True(head.call(features).allclose(torchVision.call(images), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void AMobileNetBackboneFollowedByTorchVisionsClassifierComputesTorchVisionsModel()
    {
        using var torchVision = torchvision.models.mobilenet_v2();
        using var backbone = new Backbone(BackboneArchitecture.MobileNetV2);
        Copy(torchVision, backbone);
        torchVision.eval();
        backbone.eval();
        using var scope = NewDisposeScope();
        var images = randn(2, 3, 40, 40);

        var features = backbone.call(images);
        var classifier = (Sequential)torchVision.named_children().Single(static c => c.name == "classifier").module;

        Assert.Equal(new long[] { 2, 1280 }, features.shape);
        Assert.True(classifier.call(features).allclose(torchVision.call(images), rtol: 1e-4, atol: 1e-5));
    }

    [Theory]
    [InlineData(BackboneArchitecture.Vgg11, 32, 512)]
    [InlineData(BackboneArchitecture.Vgg16BatchNorm, 32, 512)]
    [InlineData(BackboneArchitecture.ResNet50, 1, 2048)]
    [InlineData(BackboneArchitecture.MobileNetV2, 1, 1280)]
    [InlineData(BackboneArchitecture.MobileNetV3Large, 1, 960)]
    [InlineData(BackboneArchitecture.MobileNetV3Small, 1, 576)]
    public void TheSmallestImageTheAnalysisAcceptsRuns(BackboneArchitecture architecture, int side, int features)
    {
        using var backbone = new Backbone(architecture);
        backbone.eval();
        using var scope = NewDisposeScope();

        var output = backbone.call(randn(1, 3, side, side));

        Assert.Equal(new long[] { 1, features }, output.shape);
        Assert.Equal(features, backbone.OutputFeatures);
    }

    [Fact]
    public void AnImageVggPoolsAwayFailsInTorchSharpToo()
    {
        // The analysis refuses 31 x 31 for VGG (NG0108); this is what it saves the user from.
        using var backbone = new Backbone(BackboneArchitecture.Vgg11);
        backbone.eval();
        using var scope = NewDisposeScope();

        Assert.ThrowsAny<Exception>(() => backbone.call(randn(1, 3, 31, 31)));
    }

    [Fact]
    public void TheInitializationIsTorchVisionsAndASeedReproducesIt()
    {
        using var first = new Generator(7);
        using var second = new Generator(7);
        using var a = new Backbone(BackboneArchitecture.ResNet18, generator: first);
        using var b = new Backbone(BackboneArchitecture.ResNet18, generator: second);

        Assert.All(a.state_dict(), p => Assert.True(p.Value.equal(b.state_dict()[p.Key]).all().item<bool>(), p.Key));

        // kaiming_normal_(mode="fan_out", nonlinearity="relu"): standard deviation sqrt(2 / (512 * 3 * 3)) = 0.0208.
        var kernel = a.state_dict()["layer4.1.conv2.weight"];
        Assert.Equal(Math.Sqrt(2.0 / (512 * 9)), kernel.std().item<float>(), 3);
        Assert.Equal(0, kernel.mean().item<float>(), 3);
        Assert.True(a.state_dict()["layer4.1.bn2.weight"].eq(1).all().item<bool>());
        Assert.True(a.state_dict()["layer4.1.bn2.bias"].eq(0).all().item<bool>());
    }

    [Fact]
    public void VggConvolutionBiasesStartAtZero()
    {
        using var backbone = new Backbone(BackboneArchitecture.Vgg11);

        Assert.True(backbone.state_dict()["features.0.bias"].eq(0).all().item<bool>());
        Assert.Equal(Math.Sqrt(2.0 / (512 * 9)), backbone.state_dict()["features.18.weight"].std().item<float>(), 3);
    }

    [Fact]
    public void ADtypeAndDeviceAreApplied()
    {
        using var backbone = new Backbone(BackboneArchitecture.MobileNetV3Small, CPU, ScalarType.Float64);

        Assert.All(backbone.parameters(), static p => Assert.Equal(ScalarType.Float64, p.dtype));
        using var scope = NewDisposeScope();
        backbone.eval();
        Assert.Equal(ScalarType.Float64, backbone.call(randn(1, 3, 32, 32, ScalarType.Float64)).dtype);
    }

    internal static nn.Module<Tensor, Tensor> TorchVisionModel(BackboneArchitecture architecture) => architecture switch
    {
        BackboneArchitecture.ResNet18 => torchvision.models.resnet18(),
        BackboneArchitecture.ResNet34 => torchvision.models.resnet34(),
        BackboneArchitecture.ResNet50 => torchvision.models.resnet50(),
        BackboneArchitecture.ResNet101 => torchvision.models.resnet101(),
        BackboneArchitecture.Vgg11 => torchvision.models.vgg11(),
        BackboneArchitecture.Vgg11BatchNorm => torchvision.models.vgg11_bn(),
        BackboneArchitecture.Vgg16 => torchvision.models.vgg16(),
        BackboneArchitecture.Vgg16BatchNorm => torchvision.models.vgg16_bn(),
        BackboneArchitecture.MobileNetV2 => torchvision.models.mobilenet_v2(),
        BackboneArchitecture.MobileNetV3Large => torchvision.models.mobilenet_v3_large(),
        BackboneArchitecture.MobileNetV3Small => torchvision.models.mobilenet_v3_small(),
        _ => throw new ArgumentOutOfRangeException(nameof(architecture)),
    };

    /// <summary>Copies every tensor of <paramref name="from"/> the backbone has, by name (random running statistics too, so they matter).</summary>
    private static void Copy(nn.Module from, Backbone to)
    {
        using var noGrad = no_grad();
        var source = from.state_dict();
        foreach (var (name, tensor) in to.state_dict())
        {
            if (name.EndsWith("running_var", StringComparison.Ordinal))
            {
                source[name].uniform_(0.5, 1.5);
            }
            else if (name.EndsWith("running_mean", StringComparison.Ordinal))
            {
                source[name].normal_(0, 0.1);
            }

            tensor.copy_(source[name]);
        }
    }
}
