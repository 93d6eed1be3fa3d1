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
/// epoch and <c>VmHWM</c> at the end; the parent runs each child several times and prints a table.
/// </summary>
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
        Console.WriteLine("'setup' is after the data, model and optimizer exist; 'growth' is epoch N minus epoch 1 (median of the runs, every run in brackets).");
        Console.WriteLine();
        Console.WriteLine("| Loop | Network, batch | setup | after epoch 1 | after epoch " + epochs + " | growth (N - 1) | peak (VmHWM) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
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
                Console.WriteLine(
                    $"| {loop} | {(name == "tabular" ? "30-12-12-1" : "784-512-512-10")}, {batchSize} | {Median(r => r[0])} | {Median(r => r[1])} | {Median(r => r[2])} | {Median(r => r[2] - r[1])} ({All(r => r[2] - r[1])}) | {Median(r => r[3])} |");
            }
        }

        return 0;
    }

    /// <summary>The child: trains one loop on one case and prints setup, epoch-1, epoch-N and peak resident sets in KiB.</summary>
    public static int RunChild(string[] args)
    {
        var (loop, name, batchSize, epochs) = (args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
        torch.set_num_threads(1);
        torch.manual_seed(42);
        var (x, y) = name == "tabular" ? RandomData.Tabular() : RandomData.Images(RandomData.ImageSamples);
        var afterEpoch = new List<long>();
        long setup;
        if (loop == "NetGen")
        {
#if NETGEN_BEFORE
            Network network = name == "tabular" ? new TabularNet() : new WideNet();
#else
            INetwork network = name == "tabular" ? new TabularNet() : new WideNet();
#endif
            setup = ResidentSet.CurrentKiB();
            NetGenCalls.Fit(network, x, y, epochs, batchSize, [new Recorder(afterEpoch)]);
        }
        else
        {
            nn.Module<Tensor, Tensor> model = name == "tabular" ? new HandWrittenTabularMlp() : new HandWrittenWideMlp();
            using var optimizer = optim.Adam(model.parameters(), lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7);
            using var generator = new Generator(42);
            Func<Tensor, Tensor, Tensor> loss = name == "tabular"
                ? static (logits, targets) => nn.functional.binary_cross_entropy_with_logits(logits, targets)
                : static (logits, targets) => nn.functional.cross_entropy(logits, targets);
            setup = ResidentSet.CurrentKiB();
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                HandWrittenLoops.TrainEpoch(model, optimizer, loss, x, y, batchSize, generator);
                afterEpoch.Add(ResidentSet.CurrentKiB());
            }
        }

        Console.WriteLine(FormattableString.Invariant($"{ResultPrefix}{setup} {afterEpoch[0]} {afterEpoch[^1]} {ResidentSet.PeakKiB()}"));
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
