using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen.IO;
using NetGen.Layers;
using NetGen.Runtime.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

/// <summary>
/// TorchVision <c>state_dict</c> files in safetensors format, written here from a TorchVision
/// model built in the test (its running statistics filled with known values), loaded into a
/// backbone and into a module holding one under a member name.
/// </summary>
public sealed class BackboneWeightsTests
{
    [Fact]
    public void ATorchVisionFileLoadsIntoTheBackboneAndItsHeadIsSkipped()
    {
        using var files = new TempFiles();
        var path = files.PathOf("resnet18.safetensors");
        using var torchVision = torchvision.models.resnet18();
        var state = KnownState(torchVision);
        WeightFiles.Write(path, state);
        using var backbone = new Backbone(BackboneArchitecture.ResNet18);

        var report = backbone.LoadTorchVisionWeights(path);

        Assert.Equal(new[] { "fc.weight", "fc.bias" }, report.Skipped.Order().Reverse());
        Assert.Equal(backbone.state_dict().Keys, report.Loaded);
        Assert.True(report.IsComplete);
        Assert.Empty(report.Missing);
        Assert.Empty(report.Unexpected);
        Assert.All(backbone.state_dict(), p => Assert.True(WeightFiles.Same(state[p.Key], p.Value), p.Key));
        Assert.Equal(7L, backbone.state_dict()["layer2.0.bn1.num_batches_tracked"].item<long>());
        Assert.StartsWith($"Loaded {backbone.state_dict().Count} tensors; skipped ", report.ToString());
    }

    [Theory]
    [InlineData(ScalarType.Float16, 1e-3)]
    [InlineData(ScalarType.BFloat16, 1e-2)]
    [InlineData(ScalarType.Float64, 1e-7)]
    public void HalfBFloatAndDoubleFilesLoadConverted(ScalarType type, double tolerance)
    {
        using var files = new TempFiles();
        var path = files.PathOf("mobilenet.safetensors");
        using var torchVision = torchvision.models.mobilenet_v3_small();
        var state = KnownState(torchVision).ToDictionary(static p => p.Key, p => p.Value.is_floating_point() ? p.Value.to_type(type) : p.Value);
        WeightFiles.Write(path, state);
        using var backbone = new Backbone(BackboneArchitecture.MobileNetV3Small);

        var report = backbone.LoadTorchVisionWeights(path);

        Assert.True(report.IsComplete, report.ToString());
        var loaded = backbone.state_dict();
        Assert.All(report.Loaded.Where(k => loaded[k].is_floating_point()), k =>
        {
            Assert.Equal(ScalarType.Float32, loaded[k].dtype);
            Assert.True(loaded[k].allclose(state[k].to_type(ScalarType.Float32), rtol: tolerance, atol: tolerance), k);
        });
    }

    [Fact]
    public void StrictlyAFileOfAnotherArchitectureThrowsAndLoadsNothing()
    {
        using var files = new TempFiles();
        var path = files.PathOf("resnet34.safetensors");
        using var torchVision = torchvision.models.resnet34();
        WeightFiles.Write(path, KnownState(torchVision));
        using var backbone = new Backbone(BackboneArchitecture.ResNet18);
        var before = WeightFiles.StateOf(backbone);

        var error = Assert.Throws<WeightsMismatchException>(() => backbone.LoadTorchVisionWeights(path));

        Assert.StartsWith("Weights in 'resnet34.safetensors' do not fit Backbone ResNet18: unexpected layer1.2.conv1.weight, ", error.Message);
        Assert.Contains("layer1.2.bn2.num_batches_tracked", error.UnexpectedKeys);
        Assert.DoesNotContain(error.UnexpectedKeys, static k => k.StartsWith("fc.", StringComparison.Ordinal));
        Assert.Empty(error.MissingKeys);
        WeightFiles.AssertUnchanged(before, backbone);
    }

    [Fact]
    public void NotStrictlyWhatFitsLoadsAndTheRestIsReported()
    {
        using var files = new TempFiles();
        var path = files.PathOf("edited.safetensors");
        using var torchVision = torchvision.models.resnet18();
        var state = KnownState(torchVision);
        state["conv1.weight"] = randn(64, 1, 7, 7);
        state.Remove("layer4.1.bn2.running_var");
        state["extra.scale"] = ones(3);
        WeightFiles.Write(path, state);
        using var backbone = new Backbone(BackboneArchitecture.ResNet18);
        var kept = backbone.state_dict()["conv1.weight"].clone();
        var keptVariance = backbone.state_dict()["layer4.1.bn2.running_var"].clone();

        var report = backbone.LoadTorchVisionWeights(path, strict: false);

        Assert.False(report.IsComplete);
        Assert.Equal(new[] { "layer4.1.bn2.running_var" }, report.Missing);
        Assert.Equal(new[] { "extra.scale" }, report.Unexpected);
        Assert.Equal(new ShapeMismatch("conv1.weight", new long[] { 64, 1, 7, 7 }, new long[] { 64, 3, 7, 7 }).ToString(), Assert.Single(report.MismatchedShapes).ToString());
        Assert.Equal(backbone.state_dict().Count - 2, report.Loaded.Count);
        Assert.True(WeightFiles.Same(kept, backbone.state_dict()["conv1.weight"]));
        Assert.True(WeightFiles.Same(keptVariance, backbone.state_dict()["layer4.1.bn2.running_var"]));
        Assert.True(WeightFiles.Same(state["layer4.1.bn2.running_mean"], backbone.state_dict()["layer4.1.bn2.running_mean"]));
        Assert.Contains("missing layer4.1.bn2.running_var; unexpected extra.scale; conv1.weight is [64, 1, 7, 7] in the file but [64, 3, 7, 7] in the model", report.ToString());
    }

    [Fact]
    public void AModuleHoldingABackboneLoadsItsMemberPrefixedNames()
    {
        using var files = new TempFiles();
        var path = files.PathOf("network.safetensors");
        using var source = new PhotoClassifier();
        foreach (var (_, tensor) in source.state_dict())
        {
            using var noGrad = no_grad();
            tensor.copy_(tensor.is_floating_point() ? randn(tensor.shape) : full(tensor.shape, 3L));
        }

        WeightFiles.Write(path, WeightFiles.StateOf(source));
        using var target = new PhotoClassifier();

        var report = target.LoadStateDict(path);

        Assert.True(report.IsComplete);
        Assert.Contains("Features.layer1.0.conv1.weight", report.Loaded);
        Assert.Contains("Classes.bias", report.Loaded);
        Assert.Empty(report.Skipped);
        Assert.True(WeightFiles.SameState(source, target));
    }

    [Fact]
    public void ATorchVisionFileLoadsIntoTheMemberOfALargerModule()
    {
        using var files = new TempFiles();
        var path = files.PathOf("mobilenet_v2.safetensors");
        using var torchVision = torchvision.models.mobilenet_v2();
        var state = KnownState(torchVision);
        WeightFiles.Write(path, state);
        using var network = new PhotoClassifier(BackboneArchitecture.MobileNetV2);
        var head = network.Classes.weight!.clone();

        var report = network.Features.LoadTorchVisionWeights(path);

        Assert.Equal(new[] { "classifier.1.weight", "classifier.1.bias" }, report.Skipped.OrderDescending());
        Assert.True(WeightFiles.Same(state["features.18.1.running_var"], network.state_dict()["Features.features.18.1.running_var"]));
        Assert.True(WeightFiles.Same(head, network.Classes.weight!));
    }

    [Fact]
    public void ACorruptHeaderIsAClearErrorNamingTheFile()
    {
        using var files = new TempFiles();
        var path = files.PathOf("corrupt.safetensors");
        WeightFiles.WriteSafetensors(path, "{\"conv1.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]", new byte[16]);
        using var backbone = new Backbone(BackboneArchitecture.ResNet18);
        var before = WeightFiles.StateOf(backbone);

        var error = Assert.Throws<InvalidDataException>(() => backbone.LoadTorchVisionWeights(path));

        Assert.StartsWith($"'{path}' is not a valid safetensors file: ", error.Message);
        WeightFiles.AssertUnchanged(before, backbone);
    }

    [Fact]
    public void ATruncatedFileIsAClearErrorNamingTheFileAndTheTensor()
    {
        using var files = new TempFiles();
        var path = files.PathOf("truncated.safetensors");
        using var torchVision = torchvision.models.resnet18();
        WeightFiles.Write(path, KnownState(torchVision));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 1000)]);
        using var backbone = new Backbone(BackboneArchitecture.ResNet18);

        var error = Assert.Throws<InvalidDataException>(() => backbone.LoadTorchVisionWeights(path, strict: false));

        Assert.StartsWith($"'{path}' is not a complete safetensors file: tensor '", error.Message);
        Assert.Contains("the file holds", error.Message);
    }

    /// <summary>The model's <c>state_dict</c>, copied, with running statistics and step counters that differ from the defaults.</summary>
    private static Dictionary<string, Tensor> KnownState(nn.Module model)
    {
        var state = WeightFiles.StateOf(model);
        foreach (var key in state.Keys.ToList())
        {
            if (key.EndsWith("running_var", StringComparison.Ordinal))
            {
                state[key] = rand(state[key].shape) + 0.5;
            }
            else if (key.EndsWith("running_mean", StringComparison.Ordinal))
            {
                state[key] = randn(state[key].shape);
            }
            else if (key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            {
                state[key] = tensor(7L);
            }
        }

        return state;
    }

    /// <summary>A backbone and a head under member names, as a generated network registers them.</summary>
    private sealed class PhotoClassifier : nn.Module<Tensor, Tensor>
    {
        public PhotoClassifier(BackboneArchitecture architecture = BackboneArchitecture.ResNet18)
            : base(nameof(PhotoClassifier))
        {
            Features = new Backbone(architecture);
            Classes = nn.Linear(Features.OutputFeatures, 3);
            register_module("Features", Features);
            register_module("Classes", Classes);
        }

        public Backbone Features { get; }

        public TorchSharp.Modules.Linear Classes { get; }

        public override Tensor forward(Tensor input) => Classes.call(Features.call(input));
    }
}
