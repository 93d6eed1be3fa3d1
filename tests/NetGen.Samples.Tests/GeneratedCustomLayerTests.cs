using System;
using System.IO;
using System.Linq;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>A user's residual block: <c>x + relu(Linear(x))</c>, with the shape function the summary calls.</summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Linear inner;

    public ResidualBlock() : this(4)
    {
    }

    public ResidualBlock(long features) : base(nameof(ResidualBlock))
    {
        inner = nn.Linear(features, features);
        RegisterComponents();
    }

    public Linear Inner => inner;

    public static long[] ComputeOutputShape(long[] inputShape) => inputShape;

    public override Tensor forward(Tensor input)
    {
        using var transformed = inner.call(input);
        using var activated = nn.functional.relu(transformed);
        return input + activated;
    }
}

/// <summary>A custom module between two Dense layers, built by its parameterless constructor.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
public partial class CustomBlockNet
{
    [Dense(4)] public partial Linear Hidden { get; }

    [CustomLayer(OutputShape = [4])] public partial ResidualBlock Block { get; }

    [Dense(1)] public partial Linear Output { get; }
}

/// <summary>A custom module sized by a factory from its input, without a declared shape.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
public partial class FactoryBlockNet
{
    [CustomLayer(Factory = nameof(CreateBlock))] public partial ResidualBlock Block { get; }

    [Reshape(5)] public partial NetGen.Layers.Reshape Known { get; }

    [Dense(1)] public partial Linear Output { get; }

    private static ResidualBlock CreateBlock(long[] inputShape) => new(inputShape[^1]);
}

/// <summary>A custom module whose declared shape is not what it returns.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
public partial class MisdeclaredBlockNet
{
    [CustomLayer(OutputShape = [3])] public partial ResidualBlock Wrong { get; }

    [Dense(1)] public partial Linear Output { get; }
}

/// <summary>Generated networks build, call, save, count and train a user's module as one layer.</summary>
[Collection(nameof(GlobalRandomState))]
public sealed class GeneratedCustomLayerTests
{
    [Fact]
    public void ForwardCallsTheModuleBetweenTheLayers()
    {
        using var network = new CustomBlockNet(device: null, seed: 3);
        using var input = randn(5, 3);

        using var predicted = network.Predict(input);

        using var hidden = network.Hidden.forward(input);
        using var block = network.Block.forward(hidden);
        using var expected = network.Output.forward(block);
        Assert.True(predicted.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void TheModulesWeightsAreSavedUnderTheMembersName()
    {
        using var network = new CustomBlockNet(device: null, seed: 3);
        using var other = new CustomBlockNet(device: null, seed: 4);
        var path = Path.Combine(Path.GetTempPath(), "netgen-custom-" + Guid.NewGuid().ToString("N") + ".safetensors");
        try
        {
            Assert.Equal(
                new[] { "Block.inner.bias", "Block.inner.weight", "Hidden.bias", "Hidden.weight", "Output.bias", "Output.weight" },
                network.state_dict().Keys.Order());
            Assert.False(network.Block.Inner.weight!.allclose(other.Block.Inner.weight!, rtol: 0, atol: 0));

            network.SaveWeights(path);
            other.LoadWeights(path);

            Assert.True(network.Block.Inner.weight!.allclose(other.Block.Inner.weight!, rtol: 0, atol: 0));
            Assert.True(network.Block.Inner.bias!.allclose(other.Block.Inner.bias!, rtol: 0, atol: 0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheSummaryCountsTheModulesParameters()
    {
        using var network = new CustomBlockNet();

        var summary = network.Summary();

        Assert.Matches(@"\n Block \(ResidualBlock\) +\(None, 4\) +20\n", summary);
        Assert.Contains("Total params: 41\n", summary);     // 16 + 20 + 5
        Assert.Equal(16 + 5, CustomBlockNet.ParameterCount);  // the module's are counted at run time only
    }

    [Fact]
    public void TheSummaryShowsTheShapeTheModulesShapeFunctionComputes()
    {
        using var network = new FactoryBlockNet();

        var summary = network.Summary();

        Assert.Matches(@"\n Block \(ResidualBlock\) +\(None, 5\) +30\n", summary);
        Assert.Equal(5, network.Block.Inner.weight!.shape[0]);   // sized by the factory from the input
    }

    [Fact]
    public void FitTrainsTheModulesParameters()
    {
        using var network = new CustomBlockNet(device: null, seed: 1);
        using var before = network.Block.Inner.weight!.detach().clone();
        using var x = randn(32, 3, generator: new Generator(seed: 2));
        using var y = x.sum(1, keepdim: true);

        var history = network.Fit(x, y, epochs: 20, batchSize: 8, verbose: Verbosity.Silent, seed: 4);

        Assert.True(history["loss"].Last() < history["loss"].First(), string.Join(", ", history["loss"]));
        Assert.False(network.Block.Inner.weight!.allclose(before));
    }

    [Fact]
    public void TheModuleIsSeededByTheNetwork()
    {
        using var first = new CustomBlockNet(device: null, seed: 7);
        using var second = new CustomBlockNet(device: null, seed: 7);
        using var third = new CustomBlockNet(device: null, seed: 8);

        Assert.True(first.Block.Inner.weight!.allclose(second.Block.Inner.weight!, rtol: 0, atol: 0));
        Assert.False(first.Block.Inner.weight!.allclose(third.Block.Inner.weight!, rtol: 0, atol: 0));
    }

    [Fact]
    public void BuildingASeededModuleLeavesTheGlobalGeneratorWhereItWas()
    {
        manual_seed(11);
        using var expected = rand(3);
        manual_seed(11);

        using var block = NetGen.Layers.CustomLayers.Create("Block", static () => new ResidualBlock(), seed: 5, device: null, dtype: null);
        using var draw = rand(3);

        Assert.True(draw.allclose(expected, rtol: 0, atol: 0));
    }

    [Fact]
    public void TheModuleIsMovedToTheNetworksElementType()
    {
        using var network = new CustomBlockNet(device: null, dtype: ScalarType.Float64);

        Assert.Equal(ScalarType.Float64, network.Block.Inner.weight!.dtype);
    }

    [Fact]
    public void AModuleReturningAnotherShapeThanDeclaredThrowsNamingTheLayer()
    {
        using var network = new MisdeclaredBlockNet();
        using var input = randn(2, 4);

        var error = Assert.Throws<InvalidOperationException>(() => network.forward(input));

        Assert.Equal("Custom layer 'Wrong' returned a tensor of shape (2, 4), but its OutputShape declares (None, 3) per batch.", error.Message);
    }
}
