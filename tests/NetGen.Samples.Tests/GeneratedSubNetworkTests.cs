using System;
using System.IO;
using System.Linq;
using TorchSharp;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>An encoder declared once: used on its own and inside <see cref="TinyAutoencoder"/>.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(12)]
public partial class TinyEncoder
{
    [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
    [Dense(3)] public partial Linear Code { get; }
}

/// <summary>The decoder of <see cref="TinyAutoencoder"/>, also usable on its own.</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(3)]
public partial class TinyDecoder
{
    [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
    [Dense(12, Activation.Sigmoid)] public partial Linear Pixels { get; }
}

/// <summary>The guide's full model: the encoder, then the decoder.</summary>
[Network(Loss = Loss.BinaryCrossentropy, LearningRate = 0.01)]
[Input(12)]
public partial class TinyAutoencoder
{
    [SubNetwork] public partial TinyEncoder Encode { get; }
    [SubNetwork] public partial TinyDecoder Decode { get; }
}

/// <summary>A network with two outputs, of which a user takes one.</summary>
[Network]
[Input(4)]
public partial class TwoStatistics
{
    [Dense(6, Activation.Tanh)] public partial Linear Hidden { get; }
    [Output][Dense(2)] public partial Linear Mean { get; }
    [Output][Dense(5, From = nameof(Hidden))] public partial Linear Spread { get; }
}

/// <summary>One <see cref="TwoStatistics"/> called on two inputs: the Siamese network's shared weights.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4, Name = "left")]
[Input(4, Name = "right")]
public partial class TinySiamese
{
    [SubNetwork(From = "left", Output = nameof(TwoStatistics.Mean))] public partial TwoStatistics Left { get; }
    [SubNetwork(From = "right", Output = nameof(TwoStatistics.Mean), Shares = nameof(Left))] public partial TwoStatistics Right { get; }
    [Concatenate(nameof(Left), nameof(Right))] public partial NetGen.Layers.Concatenate Joined { get; }
    [Dense(1)] public partial Linear Distance { get; }
}

/// <summary>
/// Networks as layers of other networks: forward composes them, weights are saved under the
/// member's name, counts add up, and a shared member is one module.
/// </summary>
public sealed class GeneratedSubNetworkTests
{
    [Fact]
    public void TheFullModelIsTheDecoderAfterTheEncoderWithTheSameWeights()
    {
        using var model = new TinyAutoencoder(device: null, seed: 7);
        using var x = rand(5, 12, generator: new Generator(3));

        using (no_grad())
        {
            using var full = model.forward(x);
            using var code = model.Encode.forward(x);
            using var decoded = model.Decode.forward(code);

            Assert.Equal(new long[] { 5, 3 }, code.shape);
            Assert.Equal(new long[] { 5, 12 }, full.shape);
            Assert.True(full.allclose(decoded, rtol: 0, atol: 0), "forward is not decoder(encoder(x))");
        }
    }

    [Fact]
    public void TrainingTheFullModelTrainsTheEncoderUsedOnItsOwn()
    {
        using var model = new TinyAutoencoder(device: null, seed: 7);
        var encoder = model.Encode;
        using var before = encoder.Code.weight!.detach().clone();
        using var x = rand(64, 12, generator: new Generator(5));

        var history = model.Fit(x, x, epochs: 20, batchSize: 16, verbose: Verbosity.Silent, seed: 1);

        Assert.True(history["loss"][^1] < history["loss"][0], "the loss did not fall: " + string.Join(", ", history["loss"]));
        Assert.False(encoder.Code.weight!.allclose(before), "the encoder's weights did not move");

        // The trained encoder predicts on its own, through its own description and lock.
        using var codes = encoder.Predict(x);
        Assert.Equal(new long[] { 64, 3 }, codes.shape);
    }

    [Fact]
    public void WeightsAreSavedUnderTheMembersNameAndLoadIntoAFreshModel()
    {
        using var model = new TinyAutoencoder(device: null, seed: 7);

        Assert.Equal(
            new[]
            {
                "Decode.Hidden.bias", "Decode.Hidden.weight", "Decode.Pixels.bias", "Decode.Pixels.weight",
                "Encode.Code.bias", "Encode.Code.weight", "Encode.Hidden.bias", "Encode.Hidden.weight",
            },
            model.state_dict().Keys.Order(StringComparer.Ordinal));

        var path = Path.Combine(Path.GetTempPath(), "netgen-subnetwork-" + Guid.NewGuid().ToString("N") + ".safetensors");
        try
        {
            model.SaveWeights(path);
            using var reloaded = new TinyAutoencoder(device: null, seed: 8);
            using var x = rand(4, 12, generator: new Generator(9));
            using (no_grad())
            {
                using var fresh = reloaded.forward(x);
                using var expected = model.forward(x);
                Assert.False(fresh.allclose(expected), "two seeds gave the same weights");
                reloaded.LoadWeights(path);
                using var loaded = reloaded.forward(x);
                Assert.True(loaded.allclose(expected, rtol: 0, atol: 0));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ParameterCountsAddUpAndTheSummaryHasOneRowPerSubNetwork()
    {
        // Encoder 12*8+8 + 8*3+3 = 131; decoder 3*8+8 + 8*12+12 = 140.
        Assert.Equal(131, TinyEncoder.ParameterCount);
        Assert.Equal(140, TinyDecoder.ParameterCount);
        Assert.Equal(271, TinyAutoencoder.ParameterCount);

        using var model = new TinyAutoencoder();
        Assert.Equal(271, model.parameters().Sum(static p => p.numel()));
        var rows = model.Summary().Split('\n');
        Assert.Contains(rows, static row => row.Contains("Encode (TinyEncoder)", StringComparison.Ordinal) && row.TrimEnd().EndsWith(" 131", StringComparison.Ordinal));
        Assert.Contains(rows, static row => row.Contains("Decode (TinyDecoder)", StringComparison.Ordinal) && row.TrimEnd().EndsWith(" 140", StringComparison.Ordinal));
        Assert.Contains(rows, static row => row.StartsWith("Total params: 271", StringComparison.Ordinal));
    }

    [Fact]
    public void ASharedMemberIsOneModuleSavedAndCountedOnce()
    {
        using var model = new TinySiamese(device: null, seed: 2);

        Assert.Same(model.Left, model.Right);

        // TwoStatistics: 4*6+6 + 6*2+2 + 6*5+5 = 79; the Dense after the join 4+1.
        Assert.Equal(84, TinySiamese.ParameterCount);
        Assert.Equal(84, model.parameters().Sum(static p => p.numel()));
        Assert.DoesNotContain(model.state_dict().Keys, static key => key.StartsWith("Right.", StringComparison.Ordinal));
        Assert.Contains("Left.Mean.weight", model.state_dict().Keys);

        // The same input on both sides gives the same features on both sides of the join.
        using var x = rand(3, 4, generator: new Generator(4));
        using (no_grad())
        {
            using var mean = model.Left.forward(x).Mean;
            var outputs = new System.Collections.Generic.List<Tensor>();
            model.Joined.register_forward_hook((module, input, output) => { outputs.Add(output.detach().clone()); return output; });
            using var distance = model.forward(x, x);
            using var joined = outputs.Single();
            Assert.True(joined[.., ..2].allclose(mean, rtol: 0, atol: 0));
            Assert.True(joined[.., 2..].allclose(mean, rtol: 0, atol: 0));
        }
    }
}
