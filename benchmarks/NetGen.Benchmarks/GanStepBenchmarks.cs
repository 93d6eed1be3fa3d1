using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Models;
using NetGen.Generative;
using NetGen.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// GAN training throughput (issue 8): one shuffled epoch of <see cref="Gan{TGenerator, TDiscriminator}"/>'s
/// <c>Fit</c> over the dense GAN sample's networks (<see cref="GanGenerator"/>, <see cref="GanDiscriminator"/>)
/// against one epoch of the same alternating step written by hand in TorchSharp over
/// <see cref="HandWrittenGan"/>'s <c>Sequential</c>s: two Adam optimizers (2e-4, beta1 0.5, Keras's
/// epsilon 1e-7); the discriminator on the real batch labelled 1 and on generated samples
/// (<c>detach</c>ed) labelled 0 with <c>binary_cross_entropy_with_logits</c>, averaged; then fresh
/// latent vectors through the generator and the discriminator with its parameters'
/// <c>requires_grad</c> off, labelled 1; both losses and the two accuracies summed on the device and
/// read once per epoch, as <c>Fit</c> reports them. Same weights, same
/// <see cref="RandomData.GanImages"/> real rows in [-1, 1), batch 128. Each operation is one real
/// image, so <c>Op/s</c> is real images per second and Ratio is NetGen / hand-written.
/// <see cref="Threads"/> sets libtorch's thread count on both sides.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ImagesPerSecond))]
public class GanStepBenchmarks
{
    private const int BatchSize = 128;
    private const int LatentSize = 100;

    private Gan<GanGenerator, GanDiscriminator> _gan = null!;
    private Sequential _generator = null!;
    private Sequential _discriminator = null!;
    private optim.Optimizer _generatorOptimizer = null!;
    private optim.Optimizer _discriminatorOptimizer = null!;
    private Generator _shuffle = null!;
    private Tensor _real = null!;

    [ParamsSource(typeof(CnnThreads), nameof(CnnThreads.Values))]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Threads);
        torch.manual_seed(42);
        using (var pixels = RandomData.Pixels(RandomData.GanImages))
        {
            _real = (pixels * 2) - 1;
        }

        _gan = new Gan<GanGenerator, GanDiscriminator>(new GanGenerator(device: null, seed: 42), new GanDiscriminator(device: null, seed: 43));
        _generator = HandWrittenGan.Generator();
        _discriminator = HandWrittenGan.Discriminator();
        _generator.load_state_dict(_gan.Generator.state_dict());
        _discriminator.load_state_dict(_gan.Discriminator.state_dict());

        // NetGen's Adam is Keras's (epsilon 1e-7); the hand-written side uses the same.
        _generatorOptimizer = optim.Adam(_generator.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999, eps: 1e-7);
        _discriminatorOptimizer = optim.Adam(_discriminator.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999, eps: 1e-7);
        _shuffle = new Generator(42);
        CheckSameFirstStep();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _shuffle.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
        _gan.Dispose();
        _real.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RandomData.GanImages)]
    public double HandWritten_Epoch()
    {
        _generator.train();
        _discriminator.train();
        var count = _real.shape[0];
        using var epoch = NewDisposeScope();
        var permutation = randperm(count, generator: _shuffle);
        var sums = zeros(4);
        for (long start = 0; start < count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var rows = permutation.narrow(0, start, Math.Min(BatchSize, count - start));
            var step = Step(_real.index_select(0, rows));
            sums.add_(step, alpha: rows.shape[0]);
        }

        return sums[0].item<float>() / count;
    }

    [Benchmark(OperationsPerInvoke = RandomData.GanImages)]
    public History NetGen_Fit() =>
        _gan.Fit(_real, epochs: 1, batchSize: BatchSize, shuffle: true, verbose: Verbosity.Silent, threads: ThreadPolicy.Unchanged);

    /// <summary>One alternating step by hand; returns (d_loss, g_loss, d_real_accuracy, d_fake_accuracy) on the device.</summary>
    private Tensor Step(Tensor real)
    {
        var batch = real.shape[0];

        // The discriminator: real images labelled 1, generated ones (no gradient to the generator) labelled 0.
        _discriminatorOptimizer.zero_grad();
        var fake = _generator.call(randn(batch, LatentSize)).detach();
        var realLogits = _discriminator.call(real);
        var fakeLogits = _discriminator.call(fake);
        var discriminatorLoss = (nn.functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
            + nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits))) / 2;
        discriminatorLoss.backward();
        _discriminatorOptimizer.step();

        // The generator: fresh latent vectors through the discriminator, whose parameters take no gradient, labelled 1.
        _generatorOptimizer.zero_grad();
        var generated = _generator.call(randn(batch, LatentSize));
        SetRequiresGrad(_discriminator, false);
        var generatorLogits = _discriminator.call(generated);
        var generatorLoss = nn.functional.binary_cross_entropy_with_logits(generatorLogits, ones_like(generatorLogits));
        generatorLoss.backward();
        SetRequiresGrad(_discriminator, true);
        _generatorOptimizer.step();

        using var noGrad = no_grad();
        return stack([
            discriminatorLoss.detach(),
            generatorLoss.detach(),
            realLogits.ge(0).to_type(ScalarType.Float32).mean(),
            fakeLogits.lt(0).to_type(ScalarType.Float32).mean(),
        ]);
    }

    private static void SetRequiresGrad(nn.Module module, bool value)
    {
        foreach (var parameter in module.parameters())
        {
            parameter.requires_grad = value;
        }
    }

    // Both sides must do the same work, or the ratio compares different steps: from the same weights,
    // with TorchSharp's generator seeded alike (the latent vectors and dropout masks are drawn in the
    // same order), one step on the same batch must give the same two losses and accuracies. Both then
    // stand one identical step further, which the benchmark does not mind.
    private void CheckSameFirstStep()
    {
        const int seed = 7;
        using var batch = _real.narrow(0, 0, BatchSize);
        var history = _gan.Fit(batch, epochs: 1, batchSize: BatchSize, shuffle: false, verbose: Verbosity.Silent, seed: seed, threads: ThreadPolicy.Unchanged);
        double[] netGen = [history["d_loss"][0], history["g_loss"][0], history["d_real_accuracy"][0], history["d_fake_accuracy"][0]];

        torch.manual_seed(seed);
        _generator.train();
        _discriminator.train();
        float[] handWritten;
        using (var scope = NewDisposeScope())
        {
            handWritten = Step(batch).data<float>().ToArray();
        }

        for (var i = 0; i < netGen.Length; i++)
        {
            if (Math.Abs(netGen[i] - handWritten[i]) > 1e-4 * Math.Max(1, Math.Abs(netGen[i])))
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"The GAN's first step and the hand-written one disagree (d_loss, g_loss, d_real_accuracy, d_fake_accuracy): NetGen {string.Join(", ", netGen)}, hand-written {string.Join(", ", handWritten)}; the comparison would be meaningless."));
            }
        }

        Console.WriteLine(FormattableString.Invariant($"// First step from the same weights and seed: d_loss {netGen[0]:F6} / {handWritten[0]:F6}, g_loss {netGen[1]:F6} / {handWritten[1]:F6} (NetGen / hand-written)."));
    }
}
