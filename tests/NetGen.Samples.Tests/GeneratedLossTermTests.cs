using System;
using System.Linq;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>The guide's variational autoencoder in miniature: no compiled loss, two loss terms.</summary>
[Network]
[Input(4)]
public partial class TinyVae
{
    [Dense(2)] public partial Linear Mean { get; }

    [Dense(2, From = "input")] public partial Linear LogVariance { get; }

    [Lambda(OutputShape = [2])]
    private Tensor Sample(Tensor mean, Tensor logVariance)
    {
        using var noise = training ? randn_like(mean) : zeros_like(mean);
        return mean + exp(0.5 * logVariance) * noise;
    }

    [Dense(4, Activation.Sigmoid)] public partial Linear Decoded { get; }

    [LossTerm("kl_loss")]
    private static Tensor Kl(Tensor mean, Tensor logVariance) =>
        (-0.5 * (1 + logVariance - mean.square() - logVariance.exp()).sum(1)).mean();

    // Summed over the features, as the guide's VAE sums over pixels, so the KL term does not dominate.
    [LossTerm("reconstruction_loss")]
    private static Tensor Reconstruction(Tensor input, Tensor decoded) =>
        nn.functional.binary_cross_entropy(decoded, input) * input.size(1);
}

/// <summary><see cref="TinyVae"/> that also returns its latent means and log-variances, as a VAE whose latent space is plotted does.</summary>
[Network]
[Input(4)]
public partial class TinyVaeWithMeans
{
    [Dense(3, Activation.ReLU)] public partial Linear Hidden { get; }

    [Output][Dense(2)] public partial Linear Mean { get; }

    [Output][Dense(2, From = nameof(Hidden))] public partial Linear LogVariance { get; }

    [Lambda(OutputShape = [2])]
    private static Tensor Sample(Tensor mean, Tensor logVariance) => mean + exp(0.5 * logVariance) * randn_like(mean);

    [Output][Dense(4, Activation.Sigmoid)] public partial Linear Decoded { get; }

    [LossTerm("kl_loss")]
    private static Tensor Kl(Tensor mean, Tensor logVariance) =>
        (-0.5 * (1 + logVariance - mean.square() - logVariance.exp()).sum(1)).mean();

    [LossTerm("reconstruction_loss")]
    private static Tensor Reconstruction(Tensor input, Tensor decoded) =>
        nn.functional.binary_cross_entropy(decoded, input, reduction: nn.Reduction.None).sum(1).mean();
}

/// <summary>Loss terms join the training loss, are reported apart, and let a network train without targets.</summary>
public sealed class GeneratedLossTermTests
{
    [Fact]
    public void TheKlTermIsTheClosedFormOnChosenMeansAndVariances()
    {
        using var network = new TinyVae(device: null, seed: 1);
        var means = new[] { 0.5, -1.0 };
        var logVariances = new[] { Math.Log(2.0), Math.Log(0.25) };
        using (no_grad())
        {
            // Each sample's mean and log-variance are the biases alone.
            network.Mean.weight!.zero_();
            network.Mean.bias!.copy_(tensor(means.Select(static m => (float)m).ToArray()));
            network.LogVariance.weight!.zero_();
            network.LogVariance.bias!.copy_(tensor(logVariances.Select(static v => (float)v).ToArray()));
        }

        using var x = rand(8, 4, generator: new Generator(seed: 3));

        // One batch: the epoch's values are the step's, computed before the optimizer moves the weights.
        var history = network.Fit(x, epochs: 1, batchSize: 8, verbose: Verbosity.Silent, seed: 2);

        // KL(N(m, s^2) || N(0, 1)) = -1/2 (1 + log s^2 - m^2 - s^2), summed over the latent axes.
        var expected = means.Zip(logVariances).Sum(static pair => -0.5 * (1 + pair.Second - pair.First * pair.First - Math.Exp(pair.Second)));
        Assert.Equal(expected, history["kl_loss"].Single(), 5);
        Assert.Equal(history["kl_loss"].Single() + history["reconstruction_loss"].Single(), history["loss"].Single(), 5);
    }

    [Fact]
    public void FitWithoutTargetsTrainsOnTheLossTerms()
    {
        using var network = new TinyVae(device: null, seed: 1);
        network.Compile(optimizer: new Optimizers.Adam(learningRate: 0.05));

        // Two kinds of rows, bright on the left or on the right: a 2-D latent code can tell them apart.
        using var left = tensor(new[] { 0.9f, 0.9f, 0.1f, 0.1f }).expand(32, 4);
        using var right = tensor(new[] { 0.1f, 0.1f, 0.9f, 0.9f }).expand(32, 4);
        using var x = cat([left, right]);
        manual_seed(5);

        var history = network.Fit(x, epochs: 40, batchSize: 16, verbose: Verbosity.Silent, seed: 2);

        Assert.Equal(["kl_loss", "loss", "reconstruction_loss"], history.Values.Keys.Order());
        var reconstruction = history["reconstruction_loss"];
        Assert.True(reconstruction.TakeLast(5).Average() < 0.8 * reconstruction.Take(5).Average(), string.Join(", ", reconstruction));
    }

    [Fact]
    public void ValidationWithoutTargetsReportsTheTermsToo()
    {
        using var network = new TinyVae(device: null, seed: 1);
        using var x = rand(16, 4, generator: new Generator(seed: 3));

        var history = network.Fit(x, epochs: 2, batchSize: 4, validationSplit: 0.25, verbose: Verbosity.Silent, seed: 2);

        Assert.Equal(["kl_loss", "loss", "reconstruction_loss", "val_kl_loss", "val_loss", "val_reconstruction_loss"], history.Values.Keys.Order());
        Assert.Equal(history["val_kl_loss"][1] + history["val_reconstruction_loss"][1], history["val_loss"][1], 5);
    }

    [Fact]
    public void EvaluateWithoutTargetsGivesTheTermsOnTheSamples()
    {
        using var network = new TinyVae(device: null, seed: 1);
        var means = new[] { 1.5, 0.25 };
        var logVariances = new[] { Math.Log(0.5), Math.Log(3.0) };
        using (no_grad())
        {
            network.Mean.weight!.zero_();
            network.Mean.bias!.copy_(tensor(means.Select(static m => (float)m).ToArray()));
            network.LogVariance.weight!.zero_();
            network.LogVariance.bias!.copy_(tensor(logVariances.Select(static v => (float)v).ToArray()));
        }

        using var x = rand(10, 4, generator: new Generator(seed: 4));

        // Batches of 4, 4 and 2: the values are over all ten samples.
        var result = network.Evaluate(x, batchSize: 4);

        var expectedKl = means.Zip(logVariances).Sum(static pair => -0.5 * (1 + pair.Second - pair.First * pair.First - Math.Exp(pair.Second)));
        Assert.Equal(["kl_loss", "loss", "reconstruction_loss"], result.Values.Keys.Order());
        Assert.Equal(expectedKl, result["kl_loss"], 5);
        Assert.Equal(result["kl_loss"] + result["reconstruction_loss"], result.Loss, 5);

        // In eval mode TinyVae decodes the mean itself: the reconstruction term is the model's output's.
        using var decoded = network.Predict(x);
        using var reconstruction = nn.functional.binary_cross_entropy(decoded, x) * 4;
        Assert.Equal(reconstruction.item<float>(), result["reconstruction_loss"], 4);
    }

    [Fact]
    public void EvaluateWithoutTargetsNeedsLossTermsOnly()
    {
        using var sampler = new LambdaSampler();
        using var x = rand(4, 3);

        var error = Assert.Throws<ArgumentException>(() => sampler.Evaluate(x));

        Assert.Contains("LambdaSampler has no loss term ([LossTerm] method), so it needs targets: call Evaluate(x, y).", error.Message);
    }

    [Fact]
    public void ANetworkWithSeveralOutputsTrainsAndEvaluatesWithoutTargets()
    {
        using var network = new TinyVaeWithMeans(device: null, seed: 1);
        using var x = rand(16, 4, generator: new Generator(seed: 3));
        using var heldOut = rand(8, 4, generator: new Generator(seed: 4));

        var history = network.Fit(x, epochs: 2, batchSize: 8, verbose: Verbosity.Silent, seed: 2);
        var result = network.Evaluate(heldOut, batchSize: 8);

        Assert.Equal(["kl_loss", "loss", "reconstruction_loss"], history.Values.Keys.Order());
        Assert.Equal(result["kl_loss"] + result["reconstruction_loss"], result.Loss, 5);
        Assert.True(result["kl_loss"] >= 0);

        // Its outputs are still there, by name, for Predict.
        var outputs = network.Predict(new System.Collections.Generic.Dictionary<string, Tensor> { ["input"] = x });
        Assert.Equal(new long[] { 16, 2 }, outputs["Mean"].shape);
        Assert.Equal(new long[] { 16, 4 }, outputs["Decoded"].shape);
    }

    [Fact]
    public void FitWithoutTargetsOnANetworkWithSeveralOutputsStillRefusesAnOutputLoss()
    {
        using var network = new TinyVaeWithMeans(device: null, seed: 1);
        network.Compile(loss: Loss.MeanSquaredError);
        using var x = rand(4, 4);

        var error = Assert.Throws<ArgumentException>(() => network.Fit(x, epochs: 1, verbose: Verbosity.Silent));

        Assert.Contains("Output 'Mean' of TinyVaeWithMeans has a loss or metrics, which need targets: call Fit(x, y), or Compile it without them.", error.Message);
    }

    [Fact]
    public void LossTermsAreNamedInTheDescriptionAndAreNotLayers()
    {
        using var network = new TinyVae();

        Assert.Equal(["kl_loss", "reconstruction_loss"], network.Description.LossTerms);
        Assert.DoesNotContain(network.Description.Layers, static layer => layer.Name is "Kl" or "Reconstruction");
        Assert.DoesNotContain("Kl", network.Summary());
    }

    [Fact]
    public void PredictDoesNotComputeTheTerms()
    {
        using var network = new TinyVae();
        using var x = rand(3, 4);

        using var predicted = network.Predict(x);

        Assert.Equal(new long[] { 3, 4 }, predicted.shape);
        Assert.False(LossTerms.AreCollected(network));
    }

    [Fact]
    public void FitWithoutTargetsNeedsLossTermsOnly()
    {
        using var sampler = new LambdaSampler();
        using var x = rand(4, 3);

        var error = Assert.Throws<ArgumentException>(() => sampler.Fit(x, epochs: 1, verbose: Verbosity.Silent));

        Assert.Contains("LambdaSampler has no loss term ([LossTerm] method), so it needs targets: call Fit(x, y).", error.Message);
    }
}
