using System;
using System.Linq;
using NetGen.Layers;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>A small denoising autoencoder: its input corrupted by GaussianNoise, its code by GaussianDropout.</summary>
[Network(Loss = Loss.MeanSquaredError, LearningRate = 0.01)]
[Input(12)]
public partial class NoisyAutoencoder
{
    [GaussianNoise(0.3)] public partial GaussianNoise Corrupt { get; }

    [Dense(6, Activation.Tanh)] public partial Linear Encode { get; }

    [GaussianDropout(0.2)] public partial GaussianDropout Shake { get; }

    [Dense(12)] public partial Linear Decode { get; }
}

/// <summary>
/// The generated noise layers: no weights of their own, noise while training, the plain encoder and
/// decoder at inference, and a run that <c>Fit(seed:)</c> reproduces, noise included.
/// </summary>
[Collection(nameof(GlobalRandomState))]
public sealed class GeneratedNoiseLayerTests
{
    [Fact]
    public void TheNoiseLayersHoldNoWeights()
    {
        using var network = new NoisyAutoencoder(device: null, seed: 1);

        // 12 * 6 + 6 + 6 * 12 + 12: the encoder and decoder only.
        Assert.Equal(162, NoisyAutoencoder.ParameterCount);
        Assert.Equal(NoisyAutoencoder.ParameterCount, network.parameters().Sum(static p => p.numel()));
        Assert.DoesNotContain(network.state_dict().Keys, static key => key.StartsWith("Corrupt", StringComparison.Ordinal) || key.StartsWith("Shake", StringComparison.Ordinal));
    }

    [Fact]
    public void TrainingAddsNoiseAndPredictRunsTheCleanNetwork()
    {
        using var network = new NoisyAutoencoder(device: null, seed: 2);
        using var scope = NewDisposeScope();
        var input = randn(32, 12);
        network.train();

        Tensor first, second;
        using (no_grad())
        {
            first = network.forward(input);
            second = network.forward(input);
        }

        var predicted = network.Predict(input);
        Tensor clean;
        using (no_grad())
        {
            clean = network.Decode.call(tanh(network.Encode.call(input)));
        }

        Assert.False(first.eq(second).all().item<bool>(), "each training forward draws new noise");
        Assert.True(predicted.allclose(clean, rtol: 1e-5, atol: 1e-6), "at inference both noise layers are the identity");
        Assert.True(network.training, "Predict restores the training mode it found");
    }

    [Fact]
    public void FitDenoisesAndItsSeedReproducesTheNoise()
    {
        var first = Train(seed: 5);
        var again = Train(seed: 5);
        var other = Train(seed: 6);

        Assert.True(first.Losses[^1] < 0.7 * first.Losses[0], "training lowers the loss: " + string.Join(", ", first.Losses));
        Assert.Equal(first.Weights, again.Weights);
        Assert.NotEqual(first.Weights, other.Weights);
    }

    private static (double[] Losses, float[] Weights) Train(int seed)
    {
        // The same initial weights and data each time: only Fit's seed (shuffling and noise) differs.
        using var network = new NoisyAutoencoder(device: null, seed: 3);
        using var generator = new Generator(4);
        using var clean = randn(new long[] { 64, 12 }, generator: generator);

        var history = network.Fit(clean, clean, epochs: 20, batchSize: 16, verbose: Verbosity.Silent, seed: seed);

        using var weights = network.Decode.weight!.detach().flatten();
        return (history["loss"].ToArray(), weights.data<float>().ToArray());
    }
}
