using System;
using System.Globalization;
using System.Linq;
using NetGen.Benchmarks.Data;
using static NetGen.Benchmarks.InterleavedLstm;

namespace NetGen.Benchmarks;

/// <summary>
/// <c>--gan-interleaved</c>: <see cref="GanStepBenchmarks"/> in one process, the two sides alternating
/// epoch by epoch as <see cref="InterleavedLstm"/> does, so both sides of each round's ratio meet the
/// same machine load. Prints the median time per real image of each side and the median and quartiles
/// of the per-round ratios. <c>--rounds N</c> (30); <c>--threads 1,2</c> (libtorch threads on both
/// sides, one row each; default both).
/// </summary>
public static class InterleavedGan
{
    public static int Run(string[] args)
    {
        var rounds = IntOption(args, "--rounds", 30);
        var threads = Option(args, "--threads") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray()
            : [1, 2];
        Console.WriteLine(FormattableString.Invariant($"GAN training, NetGen Gan.Fit / hand-written epoch, {RandomData.GanImages} real images per epoch in batches of 128 (each step: a discriminator and a generator update), {rounds} interleaved rounds."));
        Console.WriteLine("| Threads | Hand-written µs/image | NetGen µs/image | NetGen images/s | Ratio (median) | Ratio quartiles |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---|");
        foreach (var count in threads)
        {
            var benchmark = new GanStepBenchmarks { Threads = count };
            benchmark.Setup();
            try
            {
                var (handWritten, netGen) = Alternate(() => benchmark.HandWritten_Epoch(), () => benchmark.NetGen_Fit(), rounds);
                var ratios = netGen.Zip(handWritten, static (n, h) => n / h).ToArray();
                var perImage = 1e6 / RandomData.GanImages;
                Console.WriteLine(FormattableString.Invariant(
                    $"| {count} | {Median(handWritten) * perImage:N1} | {Median(netGen) * perImage:N1} | {RandomData.GanImages / Median(netGen):N0} | {Median(ratios):0.00} | {Quantile(ratios, 0.25):0.00} to {Quantile(ratios, 0.75):0.00} |"));
            }
            finally
            {
                benchmark.Cleanup();
            }
        }

        return 0;
    }
}
