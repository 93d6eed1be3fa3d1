using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Loops;
using NetGen.Benchmarks.Models;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// One epoch of <c>Fit</c> against one epoch of the hand-written loop, on the tabular network
/// (30-12-12-1, sigmoid, binary cross-entropy, Adam) and 455 random breast-cancer-sized samples,
/// shuffled, without a metric and with the accuracy the sample reports (both sides count correct
/// predictions on the device). libtorch runs one thread on both sides, so the difference is
/// NetGen's own work. Ratio is NetGen / hand-written.
/// </summary>
[MemoryDiagnoser]
public class FitBenchmarks
{
    private TabularNet _network = null!;
    private TabularAccuracyNet _accuracyNetwork = null!;
    private HandWrittenLogitsMlp _handWritten = null!;
    private optim.Optimizer _handWrittenOptimizer = null!;
    private Generator _shuffle = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;

    [Params(10, 128)]
    public int BatchSize { get; set; }

    [Params(false, true)]
    public bool Accuracy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        torch.manual_seed(42);
        (_x, _y) = RandomData.Tabular();
        _network = new TabularNet();
        _accuracyNetwork = new TabularAccuracyNet();
        _accuracyNetwork.load_state_dict(_network.state_dict());
        _handWritten = HandWrittenLogitsMlp.Tabular();
        _handWritten.load_state_dict(_network.state_dict());

        // NetGen's Adam: Keras's hyperparameters (epsilon 1e-7); the hand-written side uses the same.
        _handWrittenOptimizer = optim.Adam(_handWritten.parameters(), lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7);
        _shuffle = new Generator(42);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWrittenOptimizer.Dispose();
        _shuffle.Dispose();
        _handWritten.Dispose();
        _accuracyNetwork.Dispose();
        _network.Dispose();
        _x.Dispose();
        _y.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double HandWritten_Epoch() =>
        HandWrittenLoops.TrainEpoch(_handWritten, _handWrittenOptimizer, static (logits, y) => nn.functional.binary_cross_entropy_with_logits(logits, y), _x, _y, BatchSize, _shuffle, Accuracy);

    [Benchmark]
    public History NetGen_Fit() => Accuracy ? NetGenCalls.FitEpoch(_accuracyNetwork, _x, _y, BatchSize) : NetGenCalls.FitEpoch(_network, _x, _y, BatchSize);
}
