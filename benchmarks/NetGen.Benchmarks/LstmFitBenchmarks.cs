using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Loops;
using NetGen.Benchmarks.Models;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>The recurrent models <see cref="LstmFitBenchmarks"/> trains.</summary>
public enum RecurrentCase
{
    /// <summary><see cref="ForecastLstm"/>: 52 steps of one value, LSTM(100), Dense(1), mean squared error.</summary>
    Forecast,

    /// <summary><see cref="ReviewLstm"/>: 200 token ids, Embedding(10000, 32), LSTM(32), Dense(1, sigmoid); padding read as tokens.</summary>
    Review,

    /// <summary>
    /// <see cref="MaskedReviewLstm"/>: the same with <c>MaskZero</c>, so the LSTM skips the padding;
    /// the hand-written side packs the post-padded reviews (<c>pack_padded_sequence</c>).
    /// </summary>
    MaskedReview,
}

/// <summary>
/// Training throughput of LSTM networks: one shuffled epoch of <c>Fit</c> on the generated network
/// against one epoch of the hand-written loop over <see cref="HandWrittenLstm"/> (TorchSharp's
/// <c>LSTM</c> batch first and a <c>Linear</c> on the last hidden state, the fused loss on the
/// logits, Adam with NetGen's (Keras's) epsilon 1e-7), from the same weights, on one libtorch
/// thread. An epoch is <see cref="RandomData.Sequences"/> sequences; each operation is one
/// sequence, so <c>Op/s</c> is sequences per second and Ratio is NetGen / hand-written. Batches
/// of 1 are the forecasting loop's; reviews are padded to 200 steps from lengths in [50, 200].
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ImagesPerSecond))]
public class LstmFitBenchmarks
{
    private INetwork _network = null!;
    private HandWrittenLstm _handWritten = null!;
    private optim.Optimizer _handWrittenOptimizer = null!;
    private Func<Tensor, Tensor, Tensor> _handWrittenLoss = null!;
    private Generator _shuffle = null!;
    private Tensor _x = null!;
    private Tensor _handWrittenX = null!;
    private Tensor _y = null!;

    [Params(RecurrentCase.Forecast, RecurrentCase.Review, RecurrentCase.MaskedReview)]
    public RecurrentCase Case { get; set; }

    [Params(1, 64)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // One intra-op thread on both sides: on two shared cores libtorch's thread team adds more
        // noise than the effect measured, and a batch of one sequence gains nothing from it.
        torch.set_num_threads(1);
        torch.manual_seed(42);
        switch (Case)
        {
            case RecurrentCase.Forecast:
                (_x, _y) = RandomData.Windows();
                _handWrittenX = _x;
                _network = new ForecastLstm(device: null, seed: 42);
                _handWritten = new HandWrittenLstm(vocabulary: null, features: 1, units: 100);
                _handWrittenLoss = static (output, y) => nn.functional.mse_loss(output, y);
                break;
            case RecurrentCase.Review:
                (_x, var postPadded, _y) = RandomData.Reviews();
                postPadded.Dispose();
                _handWrittenX = _x;
                _network = new ReviewLstm(device: null, seed: 42);
                _handWritten = new HandWrittenLstm(vocabulary: 10000, features: 32, units: 32);
                _handWrittenLoss = static (logits, y) => nn.functional.binary_cross_entropy_with_logits(logits, y);
                break;
            default:
                (_x, _handWrittenX, _y) = RandomData.Reviews();
                _network = new MaskedReviewLstm(device: null, seed: 42);
                _handWritten = new HandWrittenLstm(vocabulary: 10000, features: 32, units: 32, paddingIndex: true, packPadding: true);
                _handWrittenLoss = static (logits, y) => nn.functional.binary_cross_entropy_with_logits(logits, y);
                break;
        }

        _handWritten.LoadFrom((nn.Module)_network);
        CheckSameOutputs();
        _handWrittenOptimizer = optim.Adam(_handWritten.parameters(), lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-7);
        _shuffle = new Generator(42);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWrittenOptimizer.Dispose();
        _shuffle.Dispose();
        _handWritten.Dispose();
        ((nn.Module)_network).Dispose();
        if (!ReferenceEquals(_handWrittenX, _x))
        {
            _handWrittenX.Dispose();
        }

        _x.Dispose();
        _y.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RandomData.Sequences)]
    public double HandWritten_Epoch() =>
        HandWrittenLoops.TrainEpoch(_handWritten, _handWrittenOptimizer, _handWrittenLoss, _handWrittenX, _y, BatchSize, _shuffle);

    [Benchmark(OperationsPerInvoke = RandomData.Sequences)]
    public History NetGen_Fit() => NetGenCalls.FitEpoch(_network, _x, _y, BatchSize);

    // Both sides must compute the same function, or the ratio compares different work: the
    // generated network's output (with its activation) against the hand-written logits through
    // the same activation. For the masked case this also checks that skipping the pre-padding
    // equals packing the post-padding.
    private void CheckSameOutputs()
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var module = (nn.Module<Tensor, Tensor>)_network;
        module.eval();
        _handWritten.eval();
        var rows = Math.Min(16, _x.size(0));
        var generated = module.call(_x.narrow(0, 0, rows));
        var handWritten = _handWritten.call(_handWrittenX.narrow(0, 0, rows));
        if (Case != RecurrentCase.Forecast)
        {
            handWritten = handWritten.sigmoid();
        }

        if (!generated.allclose(handWritten, rtol: 1e-4, atol: 1e-5))
        {
            throw new InvalidOperationException($"The generated and hand-written {Case} models disagree; the comparison would be meaningless.");
        }

        module.train();
        _handWritten.train();
    }
}
