using System;
using System.Linq;
using NetGen.Layers;
using NetGen.Training;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>A TorchVision ResNet18 as the feature extractor of a small classifier, as the generator builds it.</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], Optimizer = OptimizerKind.Adam, LearningRate = 1e-3)]
[Input(3, 64, 64)]
public partial class PhotoClassifier
{
    [Backbone(BackboneArchitecture.ResNet18)] public partial Backbone Features { get; }
    [Dense(3, Activation.Softmax)] public partial Linear Classes { get; }
}

// One network per architecture, for the compile-time counts of each (never constructed, except in the summary test).
[Network][Input(3, 32, 32)] public partial class ResNet18Only { [Backbone(BackboneArchitecture.ResNet18)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class ResNet34Only { [Backbone(BackboneArchitecture.ResNet34)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class ResNet50Only { [Backbone(BackboneArchitecture.ResNet50)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class ResNet101Only { [Backbone(BackboneArchitecture.ResNet101)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class Vgg11Only { [Backbone(BackboneArchitecture.Vgg11)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class Vgg11BatchNormOnly { [Backbone(BackboneArchitecture.Vgg11BatchNorm)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class Vgg16Only { [Backbone(BackboneArchitecture.Vgg16)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class Vgg16BatchNormOnly { [Backbone(BackboneArchitecture.Vgg16BatchNorm)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class MobileNetV2Only { [Backbone(BackboneArchitecture.MobileNetV2)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class MobileNetV3LargeOnly { [Backbone(BackboneArchitecture.MobileNetV3Large)] public partial Backbone Features { get; } }
[Network][Input(3, 32, 32)] public partial class MobileNetV3SmallOnly { [Backbone(BackboneArchitecture.MobileNetV3Small)] public partial Backbone Features { get; } }

/// <summary>Generated networks with a backbone: counts, shapes, training, and TorchVision's weights under the member's name.</summary>
public sealed class GeneratedBackboneTests
{
    public static TheoryData<BackboneArchitecture, long, long> CompileTimeCounts() => new()
    {
        { BackboneArchitecture.ResNet18, ResNet18Only.ParameterCount, ResNet18Only.TrainableParameterCount },
        { BackboneArchitecture.ResNet34, ResNet34Only.ParameterCount, ResNet34Only.TrainableParameterCount },
        { BackboneArchitecture.ResNet50, ResNet50Only.ParameterCount, ResNet50Only.TrainableParameterCount },
        { BackboneArchitecture.ResNet101, ResNet101Only.ParameterCount, ResNet101Only.TrainableParameterCount },
        { BackboneArchitecture.Vgg11, Vgg11Only.ParameterCount, Vgg11Only.TrainableParameterCount },
        { BackboneArchitecture.Vgg11BatchNorm, Vgg11BatchNormOnly.ParameterCount, Vgg11BatchNormOnly.TrainableParameterCount },
        { BackboneArchitecture.Vgg16, Vgg16Only.ParameterCount, Vgg16Only.TrainableParameterCount },
        { BackboneArchitecture.Vgg16BatchNorm, Vgg16BatchNormOnly.ParameterCount, Vgg16BatchNormOnly.TrainableParameterCount },
        { BackboneArchitecture.MobileNetV2, MobileNetV2Only.ParameterCount, MobileNetV2Only.TrainableParameterCount },
        { BackboneArchitecture.MobileNetV3Large, MobileNetV3LargeOnly.ParameterCount, MobileNetV3LargeOnly.TrainableParameterCount },
        { BackboneArchitecture.MobileNetV3Small, MobileNetV3SmallOnly.ParameterCount, MobileNetV3SmallOnly.TrainableParameterCount },
    };

    [Theory]
    [MemberData(nameof(CompileTimeCounts))]
    public void TheCompileTimeCountsAreThoseOfTorchVisionsModelWithoutItsHead(BackboneArchitecture architecture, long total, long trainable)
    {
        using var torchVision = TorchVisionModel(architecture);
        var head = architecture.ToString().StartsWith("ResNet", StringComparison.Ordinal) ? "fc." : "classifier.";

        var parameters = torchVision.named_parameters().Where(p => !p.name.StartsWith(head, StringComparison.Ordinal)).Sum(static p => p.parameter.numel());
        var statistics = torchVision.named_buffers()
            .Where(b => !b.name.StartsWith(head, StringComparison.Ordinal) && (b.name.EndsWith(".running_mean", StringComparison.Ordinal) || b.name.EndsWith(".running_var", StringComparison.Ordinal)))
            .Sum(static b => b.buffer.numel());

        Assert.Equal(parameters, trainable);
        Assert.Equal(parameters + statistics, total);
    }

    [Fact]
    public void TheSummaryCountsAreTheModulesOwn()
    {
        using var network = new PhotoClassifier();

        var features = network.Description.Layers.Single(static l => l.Name == "Features");
        var trainable = network.Features.parameters().Sum(static p => p.numel());
        Assert.Equal(trainable, features.TrainableParameterCount);
        Assert.Equal(PhotoClassifier.TrainableParameterCount, network.parameters().Sum(static p => p.numel()));
        Assert.Equal((512 * 3) + 3, network.Description.Layers.Single(static l => l.Name == "Classes").ParameterCount);
    }

    [Fact]
    public void TheForwardProducesTheInferredShapes()
    {
        using var network = new PhotoClassifier(device: null, seed: 1);
        network.eval();
        using var scope = NewDisposeScope();
        var images = randn(2, 3, 64, 64);

        var features = network.Features.call(images);
        var classes = network.call(images);

        Assert.Equal("(None, 512)", network.Description.Layers.Single(static l => l.Name == "Features").OutputShape!.ToString());
        Assert.True(network.Description.Layers.Single(static l => l.Name == "Features").OutputShape!.Matches(features));
        Assert.True(PhotoClassifier.OutputShape.Matches(classes));
        Assert.True(classes.sum(1).allclose(ones(2), atol: 1e-5));
    }

    [Fact]
    public void FitTrainsTheHeadAndTheBackbone()
    {
        using var network = new PhotoClassifier(device: null, seed: 2);
        using var generator = new Generator(2);
        using var x = randn(new long[] { 4, 3, 64, 64 }, generator: generator);
        using var y = tensor(new long[] { 0, 1, 2, 1 });
        var head = network.Classes.weight!.clone();
        var stem = network.Features.state_dict()["conv1.weight"].clone();

        var history = network.Fit(x, y, epochs: 1, batchSize: 4, verbose: Verbosity.Silent, seed: 2);

        Assert.True(double.IsFinite(history["loss"][0]));
        Assert.False(head.equal(network.Classes.weight!).all().item<bool>(), "the head is trained");
        Assert.False(stem.equal(network.Features.state_dict()["conv1.weight"]).all().item<bool>(), "the backbone is trainable by default");
    }

    [Fact]
    public void TorchVisionWeightsLoadIntoTheMemberAndTheWholeNetworkRoundTrips()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("netgen-backbone-").FullName;
        try
        {
            var torchVisionFile = System.IO.Path.Combine(directory, "resnet18.safetensors");
            using (var torchVision = torchvision.models.resnet18())
            using (var stream = System.IO.File.Create(torchVisionFile))
            {
                torchVision.save_safetensors(stream);
            }

            using var network = new PhotoClassifier();
            var report = network.Features.LoadTorchVisionWeights(torchVisionFile);
            Assert.Equal(new[] { "fc.weight", "fc.bias" }, report.Skipped.OrderDescending());

            var networkFile = System.IO.Path.Combine(directory, "network.safetensors");
            network.SaveWeights(networkFile);
            using var copy = new PhotoClassifier();
            var whole = copy.LoadStateDict(networkFile);

            Assert.True(whole.IsComplete);
            Assert.Contains("Features.layer4.1.bn2.running_var", whole.Loaded);
            Assert.All(network.state_dict(), p => Assert.True(p.Value.equal(copy.state_dict()[p.Key]).all().item<bool>(), p.Key));
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    private static nn.Module<Tensor, Tensor> TorchVisionModel(BackboneArchitecture architecture) => architecture switch
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
}
