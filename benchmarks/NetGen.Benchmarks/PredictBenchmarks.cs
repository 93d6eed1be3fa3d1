using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Loops;
using NetGen.Benchmarks.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// <c>Predict</c> against the hand-written inference loop (eval, no_grad, one forward per batch,
/// cat) on the tabular network and 455 samples, one libtorch thread. Ratio is NetGen / hand-written.
/// </summary>
[MemoryDiagnoser]
public class PredictBenchmarks
{
    private TabularNet _network = null!;
    private HandWrittenLogitsMlp _handWritten = null!;
    private Tensor _x = null!;

    [Params(32, 128)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        torch.manual_seed(42);
        (_x, var y) = RandomData.Tabular();
        y.Dispose();
        _network = new TabularNet();
        _handWritten = HandWrittenLogitsMlp.Tabular();
        _handWritten.load_state_dict(_network.state_dict());

        using var scope = torch.NewDisposeScope();
        if (!NetGenCalls.Predict(_network, _x, BatchSize).allclose(HandWrittenPredict()))
        {
            throw new InvalidOperationException("Predict and the hand-written loop disagree; the comparison would be meaningless.");
        }

        // Predict is typically called on a network that has been training: it switches to eval
        // mode and back, as it does after Fit.
        _network.train();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWritten.Dispose();
        _network.Dispose();
        _x.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void HandWritten_Predict()
    {
        using var scope = torch.NewDisposeScope();
        HandWrittenPredict();
    }

    [Benchmark]
    public void NetGen_Predict()
    {
        using var scope = torch.NewDisposeScope();
        NetGenCalls.Predict(_network, _x, BatchSize);
    }

    private Tensor HandWrittenPredict() => HandWrittenLoops.Predict(_handWritten, static logits => nn.functional.sigmoid(logits), _x, BatchSize);
}
