using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Loops;
using NetGen.Benchmarks.Models;
using NetGen.Losses;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// Training throughput of the Autoencoder sample's model (<see cref="ImageAutoencoder"/>,
/// 784-256-64-256-784 as an encoder and a decoder sub-network, 435,536 parameters): one shuffled
/// epoch of <c>Fit</c> against one epoch of the hand-written loop over
/// <see cref="HandWrittenAutoencoder"/> (<c>Sequential</c>s returning logits,
/// <c>binary_cross_entropy_with_logits</c>, the same RMSprop), from the same weights, over
/// <see cref="RandomData.AutoencoderImages"/> random pixel rows in batches of 256, each row its own
/// target. Each operation is one image, so <c>Op/s</c> is images per second and Ratio is NetGen /
/// hand-written. <see cref="Threads"/> sets libtorch's thread count on both sides.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ImagesPerSecond))]
public class AutoencoderFitBenchmarks
{
    private const int BatchSize = 256;

    private static readonly BinaryCrossentropyLoss ProbabilityLoss = new();

    private ImageAutoencoder _network = null!;
    private HandWrittenAutoencoder _handWritten = null!;
    private optim.Optimizer _handWrittenOptimizer = null!;
    private Generator _shuffle = null!;
    private Tensor _x = null!;

    [ParamsSource(typeof(CnnThreads), nameof(CnnThreads.Values))]
    public int Threads { get; set; }

    /// <summary>
    /// When true, the hand-written side computes the loss as NetGen does for an output whose
    /// sigmoid it cannot see: the sigmoid, then Keras's binary cross-entropy on probabilities
    /// clamped to [1e-7, 1 - 1e-7] (<see cref="BinaryCrossentropyLoss.Compute"/>). Not a
    /// BenchmarkDotNet parameter: <c>--autoencoder-interleaved --hand-written-loss probabilities</c>
    /// sets it, to tell the cost of the loss from the rest of a step.
    /// </summary>
    public bool HandWrittenOnProbabilities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Threads);
        torch.manual_seed(42);
        _x = RandomData.Pixels();
        _network = new ImageAutoencoder(device: null, seed: 42);
        _handWritten = new HandWrittenAutoencoder();
        _handWritten.load_state_dict(_network.state_dict());
        CheckSameOutputs();

        // NetGen's RMSprop is Keras's (rho 0.9, epsilon 1e-7, no momentum); the hand-written side uses the same.
        _handWrittenOptimizer = optim.RMSProp(_handWritten.parameters(), lr: 1e-3, alpha: 0.9, eps: 1e-7);
        _shuffle = new Generator(42);

        // The ratio depends on how NetGen computes the loss (from the logits with the fused call,
        // as the hand-written side does, or on clamped probabilities); the log says which, by the
        // rule the training step applies.
        INetwork network = _network;
        var fused = network.CompileOptions.Outputs[0].Loss is { } loss && loss.HasLogitsForm(network.Description.Outputs[0].Activation);
        Console.WriteLine($"// NetGen's loss: binary cross-entropy {(fused ? "from the logits (fused)" : "on clamped probabilities")}; output activation {network.Description.Outputs[0].Activation}.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWrittenOptimizer.Dispose();
        _shuffle.Dispose();
        _handWritten.Dispose();
        _network.Dispose();
        _x.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RandomData.AutoencoderImages)]
    public double HandWritten_Epoch() =>
        HandWrittenLoops.TrainEpoch(_handWritten, _handWrittenOptimizer, HandWrittenOnProbabilities ? OnProbabilities : FromLogits, _x, _x, BatchSize, _shuffle);

    [Benchmark(OperationsPerInvoke = RandomData.AutoencoderImages)]
    public History NetGen_Fit() => NetGenCalls.FitEpoch(_network, _x, _x, BatchSize);

    private static Tensor FromLogits(Tensor logits, Tensor y) => nn.functional.binary_cross_entropy_with_logits(logits, y);

    private static Tensor OnProbabilities(Tensor logits, Tensor y) => ProbabilityLoss.Compute(logits.sigmoid(), y);

    // Both sides must compute the same function, or the ratio compares different work: the
    // generated network's pixels against the sigmoid of the hand-written logits.
    private void CheckSameOutputs()
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var rows = _x.narrow(0, 0, 16);
        var generated = _network.call(rows);
        var handWritten = _handWritten.call(rows).sigmoid();
        if (!generated.allclose(handWritten, rtol: 1e-4, atol: 1e-6))
        {
            throw new InvalidOperationException("The generated and hand-written autoencoders disagree; the comparison would be meaningless.");
        }
    }
}
