using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Samples.ClassicArchitectures;
using NetGen.Samples.Tests.HandBuilt;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>
/// The ClassicArchitectures sample's networks against the same networks built by hand in
/// TorchSharp (parameter counts, and outputs with the same weights) and its residual blocks
/// against torchvision's ResNet-18 blocks.
/// </summary>
public sealed class ClassicArchitectureTests
{
    public static TheoryData<string> Networks() => new() { nameof(LeNet5), nameof(VggNet), nameof(SmallResNet), nameof(InceptionNet) };

    [Fact]
    public void LeNet5HasThePapersParameterCount()
    {
        // C1 156 + C3 2,416 + C5 48,120 + F6 10,164 + output 850, the count usually quoted for LeNet-5.
        const long count = LeNet5.ParameterCount;

        Assert.Equal(61_706, count);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void ParameterCountsEqualTheHandBuiltNetwork(string name)
    {
        var (generated, handBuilt) = Create(name);
        using var _ = generated;
        using var __ = handBuilt;
        var description = ((INetwork)generated).Description;

        var expected = Count(handBuilt);

        Assert.Equal(expected.Trainable + expected.NonTrainable, description.ParameterCount);
        Assert.Equal(expected.Trainable, description.TrainableParameterCount);
        Assert.Equal(expected.NonTrainable, description.ParameterCount - description.TrainableParameterCount);
        // The generated module holds what its description counts.
        Assert.Equal(expected, Count(generated));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void ForwardEqualsTheHandBuiltNetworkWithTheSameWeights(string name)
    {
        var (generated, handBuilt) = Create(name);
        using var _ = generated;
        using var __ = handBuilt;
        using var scope = NewDisposeScope();
        RandomizeBatchNormalization(generated);
        handBuilt.load_state_dict(generated.state_dict());
        generated.eval();
        handBuilt.eval();
        var description = ((INetwork)generated).Description;
        using var random = new TorchSharp.torch.Generator(7);
        var input = randn([3, .. description.InputShape.Select(static d => (long)d.Size!.Value)], generator: random);

        using var noGrad = no_grad();
        var expected = handBuilt.call(input);
        var actual = generated.call(input);

        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(new long[] { 3, 10 }, actual.shape);
        Assert.True(description.OutputShape!.Matches(actual));
        var difference = (actual - expected).abs().max().item<float>();
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-6), $"{name}: largest difference {difference}");
    }

    [Fact]
    public void ResidualBlocksHaveTheCountsAndShapesOfTorchvisionsResNet18Blocks()
    {
        using var network = new SmallResNet();
        using var resnet18 = torchvision.models.resnet18();
        using var scope = NewDisposeScope();
        var blocks = resnet18.named_modules().ToDictionary(static m => m.name, static m => m.module);
        // layer1[0]: 64 -> 64 channels, identity shortcut; layer2[0]: 64 -> 128, strides 2, projection shortcut.
        var identityBlock = (nn.Module<Tensor, Tensor>)blocks["layer1.0"];
        var projectionBlock = (nn.Module<Tensor, Tensor>)blocks["layer2.0"];
        var layers = network.Description.Layers;

        Assert.Equal(Count(identityBlock), CountLayers(layers, "Block1"));
        Assert.Equal(Count(projectionBlock), CountLayers(layers, "Block2"));

        using var noGrad = no_grad();
        identityBlock.eval();
        projectionBlock.eval();
        var afterIdentity = identityBlock.call(randn(2, 64, 32, 32));
        var afterProjection = projectionBlock.call(afterIdentity);
        Assert.True(layers.Single(static l => l.Name == "Block1Out").OutputShape!.Matches(afterIdentity), "Block1Out");
        Assert.True(layers.Single(static l => l.Name == "Block2Out").OutputShape!.Matches(afterProjection), "Block2Out");
        Assert.Equal(new long[] { 2, 128, 16, 16 }, afterProjection.shape);
    }

    private static (nn.Module<Tensor, Tensor> Generated, nn.Module<Tensor, Tensor> HandBuilt) Create(string name) => name switch
    {
        nameof(LeNet5) => (new LeNet5(), new HandBuiltLeNet5()),
        nameof(VggNet) => (new VggNet(), new HandBuiltVggNet()),
        nameof(SmallResNet) => (new SmallResNet(), new HandBuiltSmallResNet()),
        nameof(InceptionNet) => (new InceptionNet(), new HandBuiltInceptionNet()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a network of the ClassicArchitectures sample."),
    };

    /// <summary>
    /// Trainable parameters, and the statistics batch normalization keeps (moving mean and
    /// variance), which Keras counts as non-trainable parameters and PyTorch keeps as buffers.
    /// </summary>
    private static (long Trainable, long NonTrainable) Count(nn.Module module) =>
        (module.parameters().Where(static p => p.requires_grad).Sum(static p => p.numel()),
         module.named_buffers().Where(static b => b.Item1.EndsWith("running_mean", StringComparison.Ordinal) || b.Item1.EndsWith("running_var", StringComparison.Ordinal)).Sum(static b => b.Item2.numel()));

    private static (long Trainable, long NonTrainable) CountLayers(IEnumerable<LayerDescription> layers, string prefix)
    {
        var block = layers.Where(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var trainable = block.Sum(static l => l.TrainableParameterCount);
        return (trainable, block.Sum(static l => l.ParameterCount) - trainable);
    }

    /// <summary>
    /// Fresh batch normalization is the identity in eval mode (mean 0, variance 1, scale 1, shift 0);
    /// random statistics and affine parameters make the comparison see its epsilon and its axis.
    /// </summary>
    private static void RandomizeBatchNormalization(nn.Module network)
    {
        using var noGrad = no_grad();
        using var random = new TorchSharp.torch.Generator(11);
        foreach (var norm in network.modules().OfType<BatchNorm2d>())
        {
            norm.weight!.uniform_(0.5, 1.5, generator: random);
            norm.bias!.normal_(0, 0.1, generator: random);
            norm.running_mean!.normal_(0, 0.1, generator: random);
            norm.running_var!.uniform_(0.5, 1.5, generator: random);
        }
    }
}
