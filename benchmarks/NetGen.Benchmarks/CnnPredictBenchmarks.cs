using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Loops;
using NetGen.Benchmarks.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// Inference throughput of the Fashion-MNIST CNN: <c>Predict</c> against the hand-written loop
/// (eval, <c>no_grad</c>, one forward and softmax per batch of 64, <c>cat</c>) over 2,048 random
/// images, from the same weights, with the hand-written module leaving its intermediates to a
/// dispose scope (the baseline) and freeing each after its last use (as the generated one does). Each operation is one image, so <c>Op/s</c> is images per
/// second; Ratio is each case over the hand-written loop with the same parameters.
/// <see cref="Threads"/> sets libtorch's thread count; <see cref="ChannelsLast"/> lays out the
/// kernels and the images channels-last (the batches are <c>narrow</c> views, which keep it);
/// <see cref="InferenceMode"/> runs both sides inside <c>torch.inference_mode()</c>, which also
/// skips version counters and view tracking, on top of their own <c>no_grad</c>.
/// <see cref="NetGen_PredictChannelsLast"/> is <c>Predict</c> on a network switched with
/// <c>UseChannelsLast()</c>, the runtime's own option, fed the same images.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ImagesPerSecond))]
public class CnnPredictBenchmarks
{
    private const int BatchSize = 64;

    private FashionCnn _network = null!;
    private FashionCnn _networkChannelsLast = null!;
    private HandWrittenFashionCnn _handWritten = null!;
    private HandWrittenFashionCnn _handWrittenFreeing = null!;
    private Tensor _x = null!;

    [ParamsSource(typeof(CnnThreads), nameof(CnnThreads.Values))]
    public int Threads { get; set; }

    [Params(false, true)]
    public bool ChannelsLast { get; set; }

    [Params(false, true)]
    public bool InferenceMode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Threads);
        torch.manual_seed(42);
        (var x, var y) = RandomData.Fashion();
        y.Dispose();
        _network = new FashionCnn(device: null, seed: 42);
        _networkChannelsLast = new FashionCnn(device: null, seed: 42);
        NetGenCalls.UseChannelsLast(_networkChannelsLast);
        _handWritten = new HandWrittenFashionCnn();
        _handWritten.load_state_dict(_network.state_dict());
        _handWrittenFreeing = new HandWrittenFashionCnn(freeEachIntermediate: true);
        _handWrittenFreeing.load_state_dict(_network.state_dict());
        _x = ChannelsLast ? Benchmarks.ChannelsLast.Of(x) : x;
        if (ChannelsLast)
        {
            x.Dispose();
            Benchmarks.ChannelsLast.Apply(_network);
            Benchmarks.ChannelsLast.Apply(_handWritten);
            Benchmarks.ChannelsLast.Apply(_handWrittenFreeing);
        }

        using (var scope = torch.NewDisposeScope())
        {
            var expected = HandWrittenPredict(_handWritten);
            if (!NetGenCalls.Predict(_network, _x, BatchSize).allclose(expected, rtol: 1e-4, atol: 1e-6)
                || !HandWrittenPredict(_handWrittenFreeing).allclose(expected, rtol: 1e-4, atol: 1e-6)
                || !NetGenCalls.Predict(_networkChannelsLast, _x, BatchSize).allclose(expected, rtol: 1e-4, atol: 1e-6))
            {
                throw new InvalidOperationException("Predict and the hand-written loop disagree; the comparison would be meaningless.");
            }
        }

        // Predict is typically called on a network that has been training: it switches to eval mode and back.
        _network.train();
        _networkChannelsLast.train();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWrittenFreeing.Dispose();
        _handWritten.Dispose();
        _network.Dispose();
        _networkChannelsLast.Dispose();
        _x.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RandomData.FashionImages)]
    public void HandWritten_Predict()
    {
        using var mode = InferenceMode ? torch.inference_mode() : null;
        using var scope = torch.NewDisposeScope();
        HandWrittenPredict(_handWritten);
    }

    [Benchmark(OperationsPerInvoke = RandomData.FashionImages)]
    public void HandWrittenFreeing_Predict()
    {
        using var mode = InferenceMode ? torch.inference_mode() : null;
        using var scope = torch.NewDisposeScope();
        HandWrittenPredict(_handWrittenFreeing);
    }

    [Benchmark(OperationsPerInvoke = RandomData.FashionImages)]
    public void NetGen_Predict()
    {
        using var mode = InferenceMode ? torch.inference_mode() : null;
        using var scope = torch.NewDisposeScope();
        NetGenCalls.Predict(_network, _x, BatchSize);
    }

    [Benchmark(OperationsPerInvoke = RandomData.FashionImages)]
    public void NetGen_PredictChannelsLast()
    {
        using var mode = InferenceMode ? torch.inference_mode() : null;
        using var scope = torch.NewDisposeScope();
        NetGenCalls.Predict(_networkChannelsLast, _x, BatchSize);
    }

    private Tensor HandWrittenPredict(HandWrittenFashionCnn model) => HandWrittenLoops.Predict(model, static logits => nn.functional.softmax(logits, 1), _x, BatchSize);
}
