#if !NETGEN_BEFORE
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// One epoch of <c>Fit</c> with one libtorch thread against two, over networks and batch sizes
/// whose work per step (samples per batch times trainable parameters) spans 5 thousand to 86
/// million multiply-adds (15 cases): where two threads start to win sets <see cref="ThreadPolicy.SingleThreadWork"/>.
/// Ratio is two threads / one thread: below 1, two threads win.
/// </summary>
/// <remarks>
/// Each side's global setup sets libtorch to the thread count its policy asks for, so the policy's
/// set-and-restore is a no-op and the numbers are the steady state of a long Fit, not the cost of
/// resizing libtorch's thread team once per epoch.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(WideParameterColumn))]
public class ThreadBenchmarks
{
    private INetwork _network = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;

    // The two cases the runtime's issue names (tabular at batch 10, 784-512-512-10 at batch 128)
    // and, between them, a denser set around where two threads start to win (2 to 16 million).
    // NETGEN_THREAD_WORK=3-11 keeps the cases whose work is within 3 and 11 million, to repeat
    // the crossover band alone (BenchmarkDotNet's --filter does not see parameters); the
    // benchmark processes inherit the variable from the host.
    public static IEnumerable<ThreadCase> Cases => AllCases.Where(InSelectedBand);

    private static IEnumerable<ThreadCase> AllCases =>
    [
        new("30-12-12-1", 10),
        new("30-12-12-1", 128),
        new("784-32-32-10", 16),
        new("784-64-64-10", 16),
        new("784-128-128-10", 16),
        new("784-32-32-10", 128),
        new("784-128-128-10", 32),
        new("784-256-256-10", 16),
        new("784-64-64-10", 128),
        new("784-128-128-10", 64),
        new("784-256-256-10", 32),
        new("784-512-512-10", 16),
        new("784-128-128-10", 128),
        new("784-256-256-10", 128),
        new("784-512-512-10", 128),
    ];

    private static bool InSelectedBand(ThreadCase threadCase)
    {
        var band = Environment.GetEnvironmentVariable("NETGEN_THREAD_WORK");
        if (string.IsNullOrEmpty(band))
        {
            return true;
        }

        var bounds = band.Split('-');
        var low = double.Parse(bounds[0], CultureInfo.InvariantCulture) * 1e6;
        var high = double.Parse(bounds[1], CultureInfo.InvariantCulture) * 1e6;
        return threadCase.Work >= low && threadCase.Work <= high;
    }

    [ParamsSource(nameof(Cases))]
    public ThreadCase Case { get; set; } = null!;

    [GlobalSetup(Target = nameof(OneThread))]
    public void SetupOneThread() => Setup(1);

    [GlobalSetup(Target = nameof(TwoThreads))]
    public void SetupTwoThreads() => Setup(2);

    [GlobalCleanup]
    public void Cleanup()
    {
        _network.Dispose();
        _x.Dispose();
        _y.Dispose();
    }

    [Benchmark(Baseline = true)]
    public History OneThread() => Fit(ThreadPolicy.Fixed(1));

    [Benchmark]
    public History TwoThreads() => Fit(ThreadPolicy.Fixed(2));

    private void Setup(int threads)
    {
        torch.set_num_threads(threads);
        torch.manual_seed(42);
        _network = Case.CreateNetwork();
        (_x, _y) = Case.CreateData();
    }

    private History Fit(ThreadPolicy threads) =>
        _network.Fit(_x, _y, epochs: 1, batchSize: Case.BatchSize, shuffle: true, verbose: Verbosity.Silent, threads: threads);

    /// <summary>Shows the whole case name (network, batch, work) instead of BenchmarkDotNet's 20 characters.</summary>
    private sealed class WideParameterColumn : ManualConfig
    {
        public WideParameterColumn() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
    }
}
#endif
