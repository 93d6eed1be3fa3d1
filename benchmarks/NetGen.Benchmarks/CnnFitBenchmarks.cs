using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Loops;
using NetGen.Benchmarks.Models;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// Training throughput of the Fashion-MNIST CNN (<see cref="FashionCnn"/>, 889,834 parameters):
/// one shuffled epoch of <c>Fit</c> against one epoch of the hand-written loop
/// (<see cref="HandWrittenFashionCnn"/>, <c>cross_entropy</c> on logits, the same RMSprop), from the
/// same weights, over 2,048 random (1, 28, 28) images in batches of 64. Each operation is one
/// image, so <c>Op/s</c> is images per second and Ratio is NetGen / hand-written.
/// <see cref="Threads"/> sets libtorch's thread count on both sides; <see cref="ChannelsLast"/>
/// lays the convolution kernels out channels-last (the batches <c>index_select</c> makes are
/// channels-first, so libtorch picks its kernels from the weights' layout).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ImagesPerSecond))]
public class CnnFitBenchmarks
{
    private const int BatchSize = 64;

    private FashionCnn _network = null!;
    private HandWrittenFashionCnn _handWritten = null!;
    private optim.Optimizer _handWrittenOptimizer = null!;
    private Generator _shuffle = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;

    [ParamsSource(typeof(CnnThreads), nameof(CnnThreads.Values))]
    public int Threads { get; set; }

    [Params(false, true)]
    public bool ChannelsLast { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Threads);
        torch.manual_seed(42);
        (_x, _y) = RandomData.Fashion();
        _network = new FashionCnn(device: null, seed: 42);
        _handWritten = new HandWrittenFashionCnn();
        _handWritten.load_state_dict(_network.state_dict());
        if (ChannelsLast)
        {
            Benchmarks.ChannelsLast.Apply(_network);
            Benchmarks.ChannelsLast.Apply(_handWritten);
            if (!Benchmarks.ChannelsLast.Is(_network.Conv2.weight!) || !Benchmarks.ChannelsLast.Is(_handWritten.get_parameter("Conv2.weight")!))
            {
                throw new InvalidOperationException("The kernels did not take the channels-last layout; the comparison would measure nothing.");
            }
        }

        // NetGen's RMSprop is Keras's (rho 0.9, epsilon 1e-7, no momentum); the hand-written side uses the same.
        _handWrittenOptimizer = optim.RMSProp(_handWritten.parameters(), lr: 5e-4, alpha: 0.9, eps: 1e-7);
        _shuffle = new Generator(42);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWrittenOptimizer.Dispose();
        _shuffle.Dispose();
        _handWritten.Dispose();
        _network.Dispose();
        _x.Dispose();
        _y.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RandomData.FashionImages)]
    public double HandWritten_Epoch() =>
        HandWrittenLoops.TrainEpoch(_handWritten, _handWrittenOptimizer, static (logits, y) => nn.functional.cross_entropy(logits, y), _x, _y, BatchSize, _shuffle);

    [Benchmark(OperationsPerInvoke = RandomData.FashionImages)]
    public History NetGen_Fit() => NetGenCalls.FitEpoch(_network, _x, _y, BatchSize);
}

/// <summary>Adds operations per second: images per second when each operation is one image.</summary>
internal sealed class ImagesPerSecond : ManualConfig
{
    public ImagesPerSecond() => AddColumn(StatisticColumn.OperationsPerSecond);
}
