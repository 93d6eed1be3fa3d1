using System;
using System.IO;
using System.Linq;
using NetGen.Samples.ClassicArchitectures;
using NetGen.Samples.FashionCnn;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>
/// <c>UseChannelsLast</c> on generated CNNs: the kernels and the inputs the network sees are
/// channels-last, and predictions, evaluations, saved weights and training equal the
/// channels-first network's within float rounding.
/// </summary>
public sealed class ChannelsLastTests
{
    [Fact]
    public void KernelsBecomeChannelsLastInPlaceAndComeBack()
    {
        using var network = new SmallResNet(device: null, seed: 3);
        var parameters = network.parameters().ToList();
        var values = parameters.Select(static p => p.detach().clone()).ToList();

        network.UseChannelsLast();

        Assert.True(network.UsesChannelsLast());
        // The same parameter objects (an optimizer holding them keeps training them), now channels-last.
        Assert.Equal(parameters, network.parameters().ToList());
        Assert.All(parameters.Where(static p => p.dim() == 4), p => Assert.True(IsChannelsLast(p), $"{string.Join("x", p.shape)} has strides {string.Join(", ", p.stride())}"));
        // A 1x1 kernel's two layouts are the same memory; the larger ones are no longer channels-first.
        Assert.All(parameters.Where(static p => p.dim() == 4 && p.size(2) * p.size(3) > 1), static p => Assert.False(p.is_contiguous()));
        Assert.All(parameters.Zip(values), static pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));

        network.UseChannelsLast(false);

        Assert.False(network.UsesChannelsLast());
        Assert.All(parameters, static p => Assert.True(p.is_contiguous()));
        Assert.All(parameters.Zip(values), static pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
    }

    [Fact]
    public void PredictAndEvaluateEqualTheChannelsFirstNetworkOnFashionNet()
    {
        using var scope = NewDisposeScope();
        using var channelsFirst = new FashionNet(device: null, seed: 5);
        using var channelsLast = new FashionNet(device: null, seed: 5);
        channelsLast.UseChannelsLast();
        var (x, y) = Data(new long[] { 70, 1, 28, 28 }, seed: 5);

        var expected = channelsFirst.Predict(x, batchSize: 32);
        var actual = channelsLast.Predict(x, batchSize: 32);
        var expectedEvaluation = channelsFirst.Evaluate(x, y, batchSize: 32);
        var actualEvaluation = channelsLast.Evaluate(x, y, batchSize: 32);

        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-6), $"largest difference {(actual - expected).abs().max().item<float>()}");
        Assert.Equal(expectedEvaluation.Loss, actualEvaluation.Loss, 1e-5);
        Assert.Equal(expectedEvaluation["accuracy"], actualEvaluation["accuracy"]);
    }

    [Fact]
    public void ThreeChannelImagesReachTheNetworkChannelsLastAndPredictTheSame()
    {
        using var scope = NewDisposeScope();
        using var channelsFirst = new SmallResNet(device: null, seed: 6);
        using var channelsLast = new SmallResNet(device: null, seed: 6);
        channelsLast.UseChannelsLast();
        var layouts = new System.Collections.Generic.List<bool>();
        // The stem's hook, since Evaluate runs the layers without the network's own forward (and its hooks).
        channelsLast.Stem.register_forward_pre_hook((_, input) =>
        {
            layouts.Add(IsChannelsLast(input));
            return input;
        });
        var (x, y) = Data(new long[] { 10, 3, 32, 32 }, seed: 6);

        var expected = channelsFirst.Predict(x, batchSize: 4);
        var actual = channelsLast.Predict(x, batchSize: 4);
        var expectedEvaluation = channelsFirst.Evaluate(x, y, batchSize: 4);
        var actualEvaluation = channelsLast.Evaluate(x, y, batchSize: 4);

        // Three batches from Predict and three from Evaluate, each laid out channels-last; the caller's data is not.
        Assert.Equal(Enumerable.Repeat(true, 6), layouts);
        Assert.False(IsChannelsLast(x));
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-6), $"largest difference {(actual - expected).abs().max().item<float>()}");
        Assert.Equal(expectedEvaluation.Loss, actualEvaluation.Loss, 1e-5);
    }

    [Fact]
    public void ChannelsFirstNetworksGetTheCallersTensors()
    {
        using var scope = NewDisposeScope();
        using var network = new SmallResNet(device: null, seed: 6);
        var layouts = new System.Collections.Generic.List<bool>();
        network.Stem.register_forward_pre_hook((_, input) =>
        {
            layouts.Add(IsChannelsLast(input));
            return input;
        });
        var (x, _) = Data(new long[] { 4, 3, 32, 32 }, seed: 6);

        network.Predict(x, batchSize: 4);

        Assert.Equal(new[] { false }, layouts);
    }

    [Theory]
    [InlineData("weights.bin")]
    [InlineData("weights.safetensors")]
    public void SavedWeightsHoldTheSameValuesAndLoadIntoAFreshNetwork(string file)
    {
        var directory = Directory.CreateTempSubdirectory("netgen-channels-last-").FullName;
        try
        {
            using var scope = NewDisposeScope();
            using var network = new FashionNet(device: null, seed: 8);
            var state = network.state_dict().ToDictionary(static pair => pair.Key, static pair => pair.Value.detach().clone());
            network.UseChannelsLast();
            var path = Path.Combine(directory, file);

            network.SaveWeights(path);
            using var fresh = new FashionNet(device: null, seed: 9);
            fresh.LoadWeights(path);
            using var freshChannelsLast = new FashionNet(device: null, seed: 9);
            freshChannelsLast.UseChannelsLast();
            freshChannelsLast.LoadWeights(path);

            Assert.All(network.state_dict(), pair => Assert.True(pair.Value.equal(state[pair.Key]).all().item<bool>(), pair.Key));
            Assert.All(fresh.state_dict(), pair => Assert.True(pair.Value.equal(state[pair.Key]).all().item<bool>(), pair.Key));
            Assert.All(freshChannelsLast.state_dict(), pair => Assert.True(pair.Value.equal(state[pair.Key]).all().item<bool>(), pair.Key));
            // Loading copies into the parameters, which keep their layout.
            Assert.True(IsChannelsLast(freshChannelsLast.Conv3.weight!));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void FitTrainsTheSameWeightsAsChannelsFirst()
    {
        // SmallResNet has no dropout, whose masks would be drawn in memory order and so differ between layouts.
        using var scope = NewDisposeScope();
        using var channelsFirst = new SmallResNet(device: null, seed: 4);
        using var channelsLast = new SmallResNet(device: null, seed: 4);
        var (x, y) = Data(new long[] { 12, 3, 32, 32 }, seed: 4);
        // An optimizer created before the switch keeps stepping the same parameter objects.
        channelsLast.Fit(x, y, epochs: 1, batchSize: 6, verbose: Verbosity.Silent, seed: 4);
        channelsFirst.Fit(x, y, epochs: 1, batchSize: 6, verbose: Verbosity.Silent, seed: 4);
        var before = channelsLast.Block1Conv1.weight!.detach().clone();
        channelsLast.UseChannelsLast();

        var expected = channelsFirst.Fit(x, y, epochs: 2, batchSize: 6, verbose: Verbosity.Silent, seed: 4);
        var actual = channelsLast.Fit(x, y, epochs: 2, batchSize: 6, verbose: Verbosity.Silent, seed: 4);

        Assert.False(before.equal(channelsLast.Block1Conv1.weight!).all().item<bool>(), "the kernels are trained");
        Assert.True(IsChannelsLast(channelsLast.Block1Conv1.weight!));
        Assert.Equal(expected["loss"][1], actual["loss"][1], 1e-4);
        // Adam scales each step to about the learning rate (1e-3) whatever the gradient's size, so
        // gradients near zero that differ in rounding move weights apart by up to a step; a kernel
        // read in the wrong layout would differ by far more.
        var trained = channelsFirst.state_dict();
        Assert.All(channelsLast.state_dict(), pair =>
        {
            var (actualValue, expectedValue) = (pair.Value.to_type(ScalarType.Float64), trained[pair.Key].to_type(ScalarType.Float64));
            Assert.True(actualValue.allclose(expectedValue, rtol: 0, atol: 1e-3), $"{pair.Key}: largest difference {(actualValue - expectedValue).abs().max().item<double>()}");
        });
    }

    private static (Tensor X, Tensor Y) Data(long[] shape, int seed)
    {
        using var generator = new Generator((ulong)seed);
        var x = rand(shape, generator: generator);
        var y = randint(10, new[] { shape[0] }, generator: generator);
        return (x, y);
    }

    // Channels-last: the (N, H, W, C) view of the memory is contiguous.
    private static bool IsChannelsLast(Tensor tensor)
    {
        using var nhwc = tensor.permute(0, 2, 3, 1);
        return nhwc.is_contiguous();
    }
}
