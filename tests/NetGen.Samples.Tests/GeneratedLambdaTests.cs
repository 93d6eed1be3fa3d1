using System.Linq;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>A VAE-style encoder: the sampling is a method of the network, bound by parameter names.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
public partial class LambdaSampler
{
    [Dense(2)] public partial Linear Mean { get; }

    [Dense(2, From = "input")] public partial Linear LogVariance { get; }

    [Lambda(OutputShape = [2])]
    private Tensor Sample(Tensor mean, Tensor logVariance)
    {
        // Noise is drawn only while training, so the test can compare predictions with the mean.
        using var noise = training ? randn_like(mean) : zeros_like(mean);
        return mean + exp(0.5 * logVariance) * noise;
    }

    [Dense(1, From = nameof(Sample))] public partial Linear Output { get; }
}

/// <summary>Generated lambda layers run in forward, pass gradients and stay out of the weights.</summary>
public sealed class GeneratedLambdaTests
{
    [Fact]
    public void TheMethodRunsInForwardOnTheOutputsItsParametersName()
    {
        using var network = new LambdaSampler(device: null, seed: 3);
        using var input = randn(4, 3);

        using var predicted = network.Predict(input);

        // Without noise the sample is the mean: Output(Mean(x)).
        using var expected = network.Output.forward(network.Mean.forward(input));
        Assert.True(predicted.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void GradientsReachTheLayersBeforeTheLambda()
    {
        using var network = new LambdaSampler(device: null, seed: 3);
        network.train();
        using var input = randn(4, 3);

        using var output = network.forward(input);
        using var loss = output.square().mean();
        loss.backward();

        // The log-variance reaches the output only through the sampling's noise term.
        Assert.True(network.LogVariance.weight!.grad!.abs().sum().item<float>() > 0);
        Assert.True(network.Mean.weight!.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void TheLambdaIsASummaryRowWithoutWeights()
    {
        using var network = new LambdaSampler();

        Assert.Contains(" Sample (Lambda)             (None, 2)                 0         Mean, LogVariance", network.Summary());
        Assert.Equal(new[] { "LogVariance.bias", "LogVariance.weight", "Mean.bias", "Mean.weight", "Output.bias", "Output.weight" }, network.state_dict().Keys.Order());
        Assert.Equal(2 * 4 + 2 * 4 + 3, LambdaSampler.ParameterCount);
    }

    [Fact]
    public void FitTrainsThroughTheLambda()
    {
        using var network = new LambdaSampler(device: null, seed: 1);
        using var x = randn(32, 3, generator: new Generator(seed: 2));
        using var y = x.sum(1, keepdim: true);

        var history = network.Fit(x, y, epochs: 30, batchSize: 8, verbose: Verbosity.Silent, seed: 4);

        Assert.True(history["loss"].Last() < history["loss"].First(), string.Join(", ", history["loss"]));
    }
}
