using System;
using System.Linq;
using NetGen.Samples.Autoencoder;
using NetGen.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>
/// The layers of the Autoencoder sample's <see cref="ImageAutoencoder"/> written flat, with the same
/// loss, optimizer and learning rate: the model a sub-network composition must train exactly like.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy, Optimizer = OptimizerKind.RmsProp, LearningRate = 1e-3)]
[Input(784)]
public partial class FlatImageAutoencoder
{
    [Dense(256, Activation.ReLU)] public partial Linear EncodeHidden { get; }
    [Dense(64, Activation.ReLU)] public partial Linear EncodeCode { get; }
    [Dense(256, Activation.ReLU)] public partial Linear DecodeHidden { get; }
    [Dense(784, Activation.Sigmoid)] public partial Linear DecodePixels { get; }
}

/// <summary>
/// A network whose output is a sub-network ending in sigmoid trains from the sub-network's logits,
/// as the same layers written flat do: the same loss (also where the sigmoid saturates and clamped
/// probabilities would give another), the same weights after a step, probabilities from forward.
/// </summary>
public sealed class SubNetworkLogitsTests
{
    [Fact]
    public void TheOutputCarriesTheDecodersSigmoid() =>
        Assert.Equal(Activation.Sigmoid, new ImageAutoencoder().Description.Outputs.Single().Activation);

    [Fact]
    public void TheLossEqualsTheFlatModelsIncludingSaturatedOutputs()
    {
        using var composed = new ImageAutoencoder(device: null, seed: 11);
        using var flat = FlatTwin(composed);
        using var x = rand(6, 784, generator: new Generator(4));

        // Pixel logits of +30 and -30 whatever the code: sigmoid rounds to 1 or to ~1e-13, where a
        // cross-entropy of clamped probabilities is far from the exact one.
        using (no_grad())
        {
            composed.Decode.Pixels.weight!.mul_(1e-3);
            using var signs = (arange(784) % 2) * 2 - 1;
            composed.Decode.Pixels.bias!.copy_(signs * 30.0);
        }

        CopyWeights(composed, flat);

        var composedLoss = composed.Evaluate(x, x, batchSize: 6).Loss;
        var flatLoss = flat.Evaluate(x, x, batchSize: 6).Loss;

        double exact, clamped;
        using (no_grad())
        {
            using var logits = Assert.Single(((INetwork)flat).RunLogits([x]));
            using var exactLoss = nn.functional.binary_cross_entropy_with_logits(logits, x);
            using var probabilities = flat.forward(x);
            using var clampedLoss = nn.functional.binary_cross_entropy(probabilities.clamp(1e-7, 1 - 1e-7), x);
            exact = exactLoss.item<float>();
            clamped = clampedLoss.item<float>();
        }

        Assert.True(Math.Abs(exact - clamped) > 1, $"the outputs are not saturated enough to tell the two apart: {exact} vs {clamped}");
        Assert.Equal(exact, flatLoss, 4);
        Assert.Equal(flatLoss, composedLoss, 5);
    }

    [Fact]
    public void OneTrainingStepGivesTheFlatModelsWeights()
    {
        using var composed = new ImageAutoencoder(device: null, seed: 12);
        using var flat = FlatTwin(composed);
        using var x = rand(8, 784, generator: new Generator(5));
        using (no_grad())
        {
            using var signs = (arange(784) % 2) * 2 - 1;
            composed.Decode.Pixels.bias!.copy_(signs * 30.0);
        }

        CopyWeights(composed, flat);

        var composedHistory = composed.Fit(x, x, epochs: 1, batchSize: 8, shuffle: false, verbose: Verbosity.Silent, seed: 1);
        var flatHistory = flat.Fit(x, x, epochs: 1, batchSize: 8, shuffle: false, verbose: Verbosity.Silent, seed: 1);

        Assert.Equal(flatHistory["loss"][0], composedHistory["loss"][0], 5);
        var flatParameters = flat.named_parameters().ToDictionary(static p => p.name, static p => p.parameter);
        foreach (var (name, parameter) in composed.named_parameters())
        {
            var twin = flatParameters[FlatName(name)];
            Assert.True(parameter.allclose(twin, rtol: 1e-5, atol: 1e-7), name + " differs from the flat model's after one step");
        }

        // The step moved the weights (so equal weights are not equal starting points).
        using var fresh = new ImageAutoencoder(device: null, seed: 12);
        Assert.False(fresh.Decode.Hidden.weight!.allclose(composed.Decode.Hidden.weight!), "training did not move the decoder");
    }

    [Fact]
    public void ForwardAndPredictStillReturnProbabilities()
    {
        using var composed = new ImageAutoencoder(device: null, seed: 13);
        using var flat = FlatTwin(composed);
        using var x = rand(4, 784, generator: new Generator(6));

        using var predicted = composed.Predict(x);
        using var expected = flat.Predict(x);
        using (no_grad())
        {
            using var forward = composed.forward(x);
            Assert.True(forward.allclose(expected, rtol: 0, atol: 1e-6));
        }

        Assert.True(predicted.allclose(expected, rtol: 0, atol: 1e-6));
        Assert.True(predicted.min().item<float>() >= 0 && predicted.max().item<float>() <= 1, "Predict returned values outside [0, 1]");
    }

    private static FlatImageAutoencoder FlatTwin(ImageAutoencoder composed)
    {
        var flat = new FlatImageAutoencoder(device: null, seed: 99);
        CopyWeights(composed, flat);
        return flat;
    }

    private static void CopyWeights(ImageAutoencoder composed, FlatImageAutoencoder flat)
    {
        var flatParameters = flat.named_parameters().ToDictionary(static p => p.name, static p => p.parameter);
        Assert.Equal(flatParameters.Count, composed.named_parameters().Count());
        using (no_grad())
        {
            foreach (var (name, parameter) in composed.named_parameters())
            {
                flatParameters[FlatName(name)].copy_(parameter);
            }
        }
    }

    /// <summary><c>Decode.Pixels.weight</c> is the flat model's <c>DecodePixels.weight</c>.</summary>
    private static string FlatName(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return name.Substring(0, dot) + name.Substring(dot + 1);
    }
}
