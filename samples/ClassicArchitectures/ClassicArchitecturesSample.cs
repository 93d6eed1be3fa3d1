using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Samples.ClassicArchitectures;

/// <summary>
/// The guide's classic architectures declared in NetGen: LeNet-5, a VGG-style block stack, a
/// residual network and an Inception module. For each, the sample prints the Keras-style summary
/// (computed at build time) and runs a forward pass on a random batch of its input shape.
/// </summary>
public static class ClassicArchitecturesSample
{
    /// <summary>What one network did, for the sample's tests.</summary>
    /// <param name="Name">The network's class name.</param>
    /// <param name="ParameterCount">All parameters, batch-normalization statistics included.</param>
    /// <param name="TrainableParameterCount">Parameters updated by training.</param>
    /// <param name="InputShape">The random batch's shape, batch axis first.</param>
    /// <param name="OutputShape">The forward pass's output shape, batch axis first.</param>
    /// <param name="RowsAreDistributions">Whether every output row is non-negative and sums to 1 (the softmax over the classes).</param>
    public sealed record NetworkRun(string Name, long ParameterCount, long TrainableParameterCount, long[] InputShape, long[] OutputShape, bool RowsAreDistributions);

    /// <summary>What the run measured, one entry per network in the order printed.</summary>
    public sealed record Result(IReadOnlyList<NetworkRun> Networks);

    public static Result Run(TextWriter output, int batchSize = 8, long seed = 42)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        var device = Devices.Default;
        var runs = new List<NetworkRun>
        {
            Describe(new LeNet5(device, seed: seed), output, batchSize, seed, device),
            Describe(new VggNet(device, seed: seed), output, batchSize, seed, device),
            Describe(new SmallResNet(device, seed: seed), output, batchSize, seed, device),
            Describe(new InceptionNet(device, seed: seed), output, batchSize, seed, device),
        };
        return new Result(runs);
    }

    private static NetworkRun Describe<TNetwork>(TNetwork network, TextWriter output, int batchSize, long seed, Device device)
        where TNetwork : nn.Module<Tensor, Tensor>, INetwork
    {
        using var _ = network;
        using var scope = NewDisposeScope();
        output.WriteLine(network.Summary());

        // Untrained weights in eval mode (batch normalization uses its moving statistics), so the
        // output only shows that the declared shapes run end to end.
        var description = network.Description;
        long[] inputShape = [batchSize, .. description.InputShape.Select(static d => (long)d.Size!.Value)];
        using var generator = new Generator((ulong)seed);
        var batch = randn(inputShape, generator: generator).to(device);
        network.eval();
        var stopwatch = Stopwatch.StartNew();
        Tensor probabilities;
        using (no_grad())
        {
            probabilities = network.call(batch);
        }

        stopwatch.Stop();
        var sums = probabilities.sum(1);
        var distributions = probabilities.ge(0).all().item<bool>() && sums.allclose(ones_like(sums), rtol: 1e-5, atol: 1e-5);
        output.WriteLine(
            $"{description.Name}: forward pass on a random batch ({string.Join(", ", inputShape)}) -> ({string.Join(", ", probabilities.shape)}) in {stopwatch.Elapsed.TotalMilliseconds:F1} ms; " +
            $"first row {string.Join(" ", probabilities[0].data<float>().ToArray().Select(static p => p.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}");
        output.WriteLine();

        return new NetworkRun(description.Name, description.ParameterCount, description.TrainableParameterCount, inputShape, probabilities.shape, distributions);
    }
}
