using System;
using System.Globalization;
using System.Linq;
using NetGen.Benchmarks.Data;
using static NetGen.Benchmarks.InterleavedLstm;

namespace NetGen.Benchmarks;

/// <summary>
/// <c>--autoencoder-interleaved</c>: <see cref="AutoencoderFitBenchmarks"/> in one process, the two
/// sides alternating epoch by epoch as <see cref="InterleavedLstm"/> does, so both sides of each
/// round's ratio meet the same machine load. Prints the median time per image of each side and the
/// median and quartiles of the per-round ratios. <c>--rounds N</c> (30); <c>--threads 1,2</c>
/// (libtorch threads on both sides, one row each; default both); <c>--hand-written-loss
/// probabilities</c> makes the hand-written side compute the loss as NetGen does on an output whose
/// sigmoid it cannot see (see <see cref="AutoencoderFitBenchmarks.HandWrittenOnProbabilities"/>).
/// </summary>
public static class InterleavedAutoencoder
{
    public static int Run(string[] args)
    {
        var rounds = IntOption(args, "--rounds", 30);
        var threads = Option(args, "--threads") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray()
            : [1, 2];
        var onProbabilities = Option(args, "--hand-written-loss") switch
        {
            null or "logits" => false,
            "probabilities" => true,
            var other => throw new ArgumentException($"--hand-written-loss is 'logits' (binary_cross_entropy_with_logits, the default) or 'probabilities' (NetGen's clamped form), not '{other}'."),
        };
        Console.WriteLine(FormattableString.Invariant($"Autoencoder training, NetGen Fit / hand-written epoch, {RandomData.AutoencoderImages} images per epoch in batches of 256, {rounds} interleaved rounds; hand-written loss {(onProbabilities ? "on clamped probabilities" : "from the logits")}."));
        Console.WriteLine("| Threads | Hand-written µs/image | NetGen µs/image | NetGen images/s | Ratio (median) | Ratio quartiles |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---|");
        foreach (var count in threads)
        {
            var benchmark = new AutoencoderFitBenchmarks { Threads = count, HandWrittenOnProbabilities = onProbabilities };
            benchmark.Setup();
            try
            {
                var (handWritten, netGen) = Alternate(() => benchmark.HandWritten_Epoch(), () => benchmark.NetGen_Fit(), rounds);
                var ratios = netGen.Zip(handWritten, static (n, h) => n / h).ToArray();
                var perImage = 1e6 / RandomData.AutoencoderImages;
                Console.WriteLine(FormattableString.Invariant(
                    $"| {count} | {Median(handWritten) * perImage:N1} | {Median(netGen) * perImage:N1} | {RandomData.AutoencoderImages / Median(netGen):N0} | {Median(ratios):0.00} | {Quantile(ratios, 0.25):0.00} to {Quantile(ratios, 0.75):0.00} |"));
            }
            finally
            {
                benchmark.Cleanup();
            }
        }

        return 0;
    }
}
