using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Loops;
using NetGen.Benchmarks.Models;
using NetGen.Callbacks;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks.Memory;

/// <summary>
/// <c>--memory</c>: resident-set growth over many epochs of <c>Fit</c> and of the hand-written
/// loop, each run in a fresh child process (<c>--memory-child</c>) so neither inherits the
/// other's heap or allocator state. The child reads <c>VmRSS</c> after setup and after every
/// epoch, and at the end <c>VmHWM</c>, the managed heap and the number of garbage collections;
/// the parent runs each child several times and prints a table.
/// </summary>
/// <remarks>
/// Growth over the first epochs includes the managed heap filling up to its first collections
/// (every step allocates tensor wrappers), so the table also shows the growth over the second
/// half of the run, the managed heap at the end and the gen0 collection count.
/// </remarks>
public static class MemoryGrowth
{
    private const string ResultPrefix = "RSS ";

    private static readonly (string Case, int BatchSize)[] s_cases = [("tabular", 10), ("wide", 128)];
    private static readonly string[] s_loops = ["HandWritten", "NetGen"];

    /// <summary>Runs every loop and case in child processes; <c>--epochs N</c> (50) and <c>--repeat N</c> (3).</summary>
    public static int Run(string[] args)
    {
        var epochs = Option(args, "--epochs", 50);
        var repeat = Option(args, "--repeat", 3);
        Console.WriteLine(FormattableString.Invariant($"Resident set (MiB) over {epochs} epochs, libtorch at one thread, {repeat} fresh processes per row."));
        Console.WriteLine("'setup' is after the data and model exist; growth columns are differences of VmRSS after those epochs (median of the runs, every run in brackets);");
        Console.WriteLine("'managed' is what the training loop allocated on the managed heap (MiB), 'GCs' the gen0 collections it caused.");
        Console.WriteLine();
        var half = Math.Max(1, epochs / 2);
        Console.WriteLine($"| Loop | Network, batch | setup | after epoch 1 | after epoch {epochs} | growth 1 -> {epochs} | growth {half} -> {epochs} | peak (VmHWM) | managed | GCs |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, batchSize) in s_cases)
        {
            foreach (var loop in s_loops)
            {
                var runs = Enumerable.Range(0, repeat).Select(_ => RunChild(loop, name, batchSize, epochs)).ToList();
                string Median(Func<long[], long> pick)
                {
                    var values = runs.Select(pick).Order().ToList();
                    return Mib(values[values.Count / 2]);
                }

                string All(Func<long[], long> pick) => string.Join(", ", runs.Select(pick).Select(Mib));
                var gcs = runs.Select(static r => r[6]).Order().ToList()[runs.Count / 2];
                Console.WriteLine(
                    $"| {loop} | {(name == "tabular" ? "30-12-12-1" : "784-512-512-10")}, {batchSize} | {Median(r => r[0])} | {Median(r => r[1])} | {Median(r => r[2])} | {Median(r => r[2] - r[1])} ({All(r => r[2] - r[1])}) | {Median(r => r[2] - r[4])} ({All(r => r[2] - r[4])}) | {Median(r => r[3])} | {Median(r => r[5])} | {gcs.ToString(CultureInfo.InvariantCulture)} |");
            }
        }

        return 0;
    }

    /// <summary>The child: trains one loop on one case and prints its resident sets (KiB), managed heap and collection count.</summary>
    public static int RunChild(string[] args)
    {
        var (loop, name, batchSize, epochs) = (args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
        torch.set_num_threads(1);
        torch.manual_seed(42);
        var (x, y) = name == "tabular" ? RandomData.Tabular() : RandomData.Images(RandomData.ImageSamples);
        var afterEpoch = new List<long>();
        long setup;
        long allocatedBefore;
        int collectionsBefore;
        if (loop == "NetGen")
        {
#if NETGEN_BEFORE
            Network network = name == "tabular" ? new TabularNet() : new WideNet();
#else
            INetwork network = name == "tabular" ? new TabularNet() : new WideNet();
#endif
            setup = ResidentSet.CurrentKiB();
            (allocatedBefore, collectionsBefore) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
            NetGenCalls.Fit(network, x, y, epochs, batchSize, [new Recorder(afterEpoch)]);
        }
        else
        {
            nn.Module<Tensor, Tensor> model = name == "tabular" ? HandWrittenLogitsMlp.Tabular() : HandWrittenLogitsMlp.Wide();
            using var optimizer = optim.Adam(model.parameters(), lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7);
            using var generator = new Generator(42);
            Func<Tensor, Tensor, Tensor> loss = name == "tabular"
                ? static (logits, targets) => nn.functional.binary_cross_entropy_with_logits(logits, targets)
                : static (logits, targets) => nn.functional.cross_entropy(logits, targets);
            setup = ResidentSet.CurrentKiB();
            (allocatedBefore, collectionsBefore) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                HandWrittenLoops.TrainEpoch(model, optimizer, loss, x, y, batchSize, generator);
                afterEpoch.Add(ResidentSet.CurrentKiB());
            }
        }

        // setup, epoch 1, epoch N, peak, epoch N/2 (KiB), managed allocations (KiB), gen0 collections.
        var managed = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024;
        Console.WriteLine(FormattableString.Invariant(
            $"{ResultPrefix}{setup} {afterEpoch[0]} {afterEpoch[^1]} {ResidentSet.PeakKiB()} {afterEpoch[Math.Max(1, epochs / 2) - 1]} {managed} {GC.CollectionCount(0) - collectionsBefore}"));
        return 0;
    }

    private static long[] RunChild(string loop, string name, int batchSize, int epochs)
    {
        // Run as the parent was run: through its apphost, or through `dotnet <assembly>`.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MemoryGrowth).Assembly.Location);
        }

        foreach (var argument in new[] { "--memory-child", loop, name, batchSize.ToString(CultureInfo.InvariantCulture), epochs.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        // Both loops under the same allocator settings: Fit would otherwise pin glibc's mmap threshold
        // for itself alone (--allocator measures that).
        start.Environment["NETGEN_MALLOC_TUNING"] = "0";
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(static l => l.StartsWith(ResultPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {loop} {name} child exited with {child.ExitCode} and printed no result:\n{output}");
        return line[ResultPrefix.Length..].Split(' ').Select(static v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Mib(long kib) => (kib / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Reads the resident set at the end of every epoch of <c>Fit</c>.</summary>
    private sealed class Recorder(List<long> afterEpoch) : Callback
    {
        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs) =>
            afterEpoch.Add(ResidentSet.CurrentKiB());
    }
}
