using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NetGen.Benchmarks.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// The generated network against the hand-written one: inference and one training step of a
/// 30 -> 64 -> 64 -> 1 MLP on a batch of 64. Each category's baseline is the hand-written model
/// that leaves its intermediates to the dispose scope, so the Ratio column is x / hand-written;
/// the second hand-written model frees each intermediate as soon as it is used, as the generated
/// one does. All three run their layers through <c>call</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MlpBenchmarks
{
    private const int BatchSize = 64;
    private const int Features = 30;

    private GeneratedMlp _generated = null!;
    private HandWrittenMlp _handWritten = null!;
    private HandWrittenDisposingMlp _handWrittenDisposing = null!;
    private optim.Optimizer _generatedOptimizer = null!;
    private optim.Optimizer _handWrittenOptimizer = null!;
    private optim.Optimizer _handWrittenDisposingOptimizer = null!;
    private Tensor _inputs = null!;
    private Tensor _targets = null!;

    [GlobalSetup]
    public void Setup()
    {
        // One intra-op thread: on a 2-core machine libtorch's thread pool otherwise competes
        // with BenchmarkDotNet's own process and adds noise larger than the effect measured.
        torch.set_num_threads(1);
        torch.manual_seed(42);

        _generated = new GeneratedMlp();
        _handWritten = new HandWrittenMlp();
        _handWrittenDisposing = new HandWrittenDisposingMlp();
        // Identical weights, so every side does exactly the same arithmetic.
        _handWritten.load_state_dict(_generated.state_dict());
        _handWrittenDisposing.load_state_dict(_generated.state_dict());

        _inputs = torch.randn(BatchSize, Features);
        _targets = torch.randint(0, 2, [BatchSize, 1]).to_type(ScalarType.Float32);

        using (torch.no_grad())
        {
            using var scope = torch.NewDisposeScope();
            var expected = _handWritten.call(_inputs);
            if (!_generated.call(_inputs).allclose(expected) || !_handWrittenDisposing.call(_inputs).allclose(expected))
            {
                throw new InvalidOperationException("The generated and hand-written networks disagree; the comparison would be meaningless.");
            }
        }

        _generatedOptimizer = optim.Adam(_generated.parameters(), lr: 1e-3);
        _handWrittenOptimizer = optim.Adam(_handWritten.parameters(), lr: 1e-3);
        _handWrittenDisposingOptimizer = optim.Adam(_handWrittenDisposing.parameters(), lr: 1e-3);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generatedOptimizer.Dispose();
        _handWrittenOptimizer.Dispose();
        _handWrittenDisposingOptimizer.Dispose();
        _inputs.Dispose();
        _targets.Dispose();
        _generated.Dispose();
        _handWritten.Dispose();
        _handWrittenDisposing.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Forward")]
    public void HandWritten_Forward() => Forward(_handWritten);

    [Benchmark, BenchmarkCategory("Forward")]
    public void HandWrittenDisposing_Forward() => Forward(_handWrittenDisposing);

    [Benchmark, BenchmarkCategory("Forward")]
    public void Generated_Forward() => Forward(_generated);

    [Benchmark(Baseline = true), BenchmarkCategory("TrainStep")]
    public void HandWritten_TrainStep() => TrainStep(_handWritten, _handWrittenOptimizer);

    [Benchmark, BenchmarkCategory("TrainStep")]
    public void HandWrittenDisposing_TrainStep() => TrainStep(_handWrittenDisposing, _handWrittenDisposingOptimizer);

    [Benchmark, BenchmarkCategory("TrainStep")]
    public void Generated_TrainStep() => TrainStep(_generated, _generatedOptimizer);

    // Inference as Predict does it: no autograd graph, every intermediate freed by the scope.
    private void Forward(nn.Module<Tensor, Tensor> model)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        model.call(_inputs);
    }

    // One optimisation step: forward, BCE on the probabilities forward returns, backward, Adam.
    // (Fit itself trains from logits with a fused loss; FitBenchmarks measures that.)
    private void TrainStep(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.binary_cross_entropy(model.call(_inputs), _targets);
        loss.backward();
        optimizer.step();
    }
}
