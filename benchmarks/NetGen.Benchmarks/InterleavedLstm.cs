using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NetGen.Benchmarks.Data;

namespace NetGen.Benchmarks;

/// <summary>
/// <c>--lstm-interleaved</c>: the cases of <see cref="LstmFitBenchmarks"/> in one process,
/// alternating the two sides epoch by epoch (hand-written first in even rounds, NetGen first in
/// odd ones). BenchmarkDotNet runs each side in its own process, one after the other, so on a
/// machine whose load changes from minute to minute the two sides of a ratio meet different
/// loads; here each round's ratio compares two epochs measured seconds apart. Prints the median
/// time per sequence of each side and the median and quartiles of the per-round ratios.
/// Then the cost of the mask: NetGen's <c>Fit</c> on the same reviews without and with <c>MaskZero</c>,
/// alternated the same way. <c>--rounds N</c> (30); <c>--case Forecast|Review|MaskedReview|Mask</c>
/// and <c>--batch N</c> select one case.
/// </summary>
public static class InterleavedLstm
{
    public static int Run(string[] args)
    {
        var rounds = IntOption(args, "--rounds", 30);
        var onlyCase = Option(args, "--case");
        var onlyBatch = Option(args, "--batch");
        Console.WriteLine(FormattableString.Invariant($"LSTM training, NetGen Fit / hand-written epoch, {RandomData.Sequences} sequences per epoch, {rounds} interleaved rounds, libtorch at one thread."));
        Console.WriteLine("| Case | Batch | Hand-written µs/sequence | NetGen µs/sequence | NetGen sequences/s | Ratio (median) | Ratio quartiles |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var recurrentCase in Enum.GetValues<RecurrentCase>())
        {
            foreach (var batchSize in new[] { 1, 64 })
            {
                if ((onlyCase is not null && !string.Equals(onlyCase, recurrentCase.ToString(), StringComparison.OrdinalIgnoreCase))
                    || (onlyBatch is not null && onlyBatch != batchSize.ToString(CultureInfo.InvariantCulture)))
                {
                    continue;
                }

                Measure(recurrentCase, batchSize, rounds);
            }
        }

        if (onlyCase is null || string.Equals(onlyCase, "Mask", StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine();
            Console.WriteLine("The cost of the mask: NetGen's Fit on the same pre-padded reviews without and with MaskZero, interleaved.");
            Console.WriteLine("| Batch | Unmasked µs/sequence | Masked µs/sequence | Masked / unmasked (median) | Quartiles |");
            Console.WriteLine("|---:|---:|---:|---:|---|");
            foreach (var batchSize in new[] { 1, 64 })
            {
                if (onlyBatch is null || onlyBatch == batchSize.ToString(CultureInfo.InvariantCulture))
                {
                    MeasureMask(batchSize, rounds);
                }
            }
        }

        return 0;
    }

    private static void MeasureMask(int batchSize, int rounds)
    {
        var unmasked = new LstmFitBenchmarks { Case = RecurrentCase.Review, BatchSize = batchSize };
        var masked = new LstmFitBenchmarks { Case = RecurrentCase.MaskedReview, BatchSize = batchSize };
        unmasked.Setup();
        masked.Setup();
        try
        {
            var (unmaskedTimes, maskedTimes) = Alternate(() => unmasked.NetGen_Fit(), () => masked.NetGen_Fit(), rounds);
            var ratios = maskedTimes.Zip(unmaskedTimes, static (m, u) => m / u).ToArray();
            var perSequence = 1e6 / RandomData.Sequences;
            Console.WriteLine(FormattableString.Invariant(
                $"| {batchSize} | {Median(unmaskedTimes) * perSequence:N1} | {Median(maskedTimes) * perSequence:N1} | {Median(ratios):0.00} | {Quantile(ratios, 0.25):0.00} to {Quantile(ratios, 0.75):0.00} |"));
        }
        finally
        {
            masked.Cleanup();
            unmasked.Cleanup();
        }
    }

    /// <summary>Three warm-up epochs of each, then <paramref name="rounds"/> rounds, the first side first in even rounds.</summary>
    internal static (double[] First, double[] Second) Alternate(Action first, Action second, int rounds)
    {
        for (var i = 0; i < 3; i++)
        {
            first();
            second();
        }

        var firstTimes = new double[rounds];
        var secondTimes = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                firstTimes[round] = Time(first);
                secondTimes[round] = Time(second);
            }
            else
            {
                secondTimes[round] = Time(second);
                firstTimes[round] = Time(first);
            }
        }

        return (firstTimes, secondTimes);
    }

    private static void Measure(RecurrentCase recurrentCase, int batchSize, int rounds)
    {
        var benchmark = new LstmFitBenchmarks { Case = recurrentCase, BatchSize = batchSize };
        benchmark.Setup();
        try
        {
            var (handWritten, netGen) = Alternate(() => benchmark.HandWritten_Epoch(), () => benchmark.NetGen_Fit(), rounds);
            var ratios = netGen.Zip(handWritten, static (n, h) => n / h).ToArray();
            var perSequence = 1e6 / RandomData.Sequences;
            Console.WriteLine(FormattableString.Invariant(
                $"| {recurrentCase} | {batchSize} | {Median(handWritten) * perSequence:N1} | {Median(netGen) * perSequence:N1} | {RandomData.Sequences / Median(netGen):N0} | {Median(ratios):0.00} | {Quantile(ratios, 0.25):0.00} to {Quantile(ratios, 0.75):0.00} |"));
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    private static double Time(Action epoch)
    {
        var clock = Stopwatch.StartNew();
        epoch();
        return clock.Elapsed.TotalSeconds;
    }

    internal static double Median(double[] values) => Quantile(values, 0.5);

    internal static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    internal static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
