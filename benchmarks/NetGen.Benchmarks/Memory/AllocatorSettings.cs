using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Models;
using NetGen.Callbacks;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks.Memory;

/// <summary>
/// <c>--allocator</c>: <c>Fit</c> under several glibc malloc settings, each in fresh child
/// processes (<c>--allocator-child</c>) started with that setting's environment. The child reads
/// <c>VmRSS</c> and the number of live tensors on the training thread after every epoch, and times
/// the epochs after the first; the parent runs the settings in interleaved rounds and prints one row per setting and network.
/// </summary>
/// <remarks>
/// "glibc defaults" runs with <c>NETGEN_MALLOC_TUNING=0</c>, so NetGen leaves the allocator alone;
/// "NetGen" runs with no variable at all (Fit pins the mmap threshold itself); the rows naming a
/// glibc variable also opt out of NetGen's tuning so they show that variable alone; "malloc_trim"
/// calls <c>malloc_trim(0)</c> after every epoch.
/// </remarks>
public static class AllocatorSettings
{
    private const string ResultPrefix = "ALLOC ";

    private static readonly (string Name, string[] Environment, bool Trim)[] s_settings =
    [
        ("glibc defaults", ["NETGEN_MALLOC_TUNING=0"], false),
        ("NetGen (mallopt at the first Fit)", [], false),
        ("MALLOC_MMAP_THRESHOLD_=131072", ["NETGEN_MALLOC_TUNING=0", "MALLOC_MMAP_THRESHOLD_=131072"], false),
        ("MALLOC_ARENA_MAX=2", ["NETGEN_MALLOC_TUNING=0", "MALLOC_ARENA_MAX=2"], false),
        ("MALLOC_TRIM_THRESHOLD_=131072", ["NETGEN_MALLOC_TUNING=0", "MALLOC_TRIM_THRESHOLD_=131072"], false),
        ("malloc_trim(0) after every epoch", ["NETGEN_MALLOC_TUNING=0"], true),
    ];

    private static readonly Dictionary<string, string> s_networks = new()
    {
        ["autoencoder"] = "784-256-64-256-784, 256",
        ["wide"] = "784-512-512-10, 128",
        ["tabular"] = "30-12-12-1, 10",
    };

    /// <summary>
    /// Runs every setting; <c>--epochs N</c> (8), <c>--repeat N</c> (2), <c>--cases a,b</c>
    /// (autoencoder,wide,tabular), <c>--settings i,j</c> (indices into the table, all by default).
    /// </summary>
    public static int Run(string[] args)
    {
        var epochs = Option(args, "--epochs", "8", int.Parse);
        var repeat = Option(args, "--repeat", "2", int.Parse);
        var cases = Option(args, "--cases", "autoencoder,wide,tabular", static v => v.Split(','));
        var settings = Option(args, "--settings", string.Join(',', Enumerable.Range(0, s_settings.Length)), static v => v.Split(',').Select(int.Parse).ToArray());
        Console.WriteLine(FormattableString.Invariant($"Fit for {epochs} epochs per process, {repeat} fresh processes per row; load average at start: {LoadAverage()}."));
        Console.WriteLine("VmRSS in MiB (median of the runs, every run in brackets for the growth); live tensors on the training thread after the first and last epoch; steps/s over epochs 2 to N (median of the runs).");
        Console.WriteLine();
        Console.WriteLine($"| Setting | Network, batch | after epoch 1 | after epoch {epochs} | growth 1 -> {epochs} | peak (VmHWM) | live tensors 1 / {epochs} | steps/s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var name in cases)
        {
            // Rounds interleave the settings, so a change in the machine's load reaches every row alike.
            var results = settings.ToDictionary(static index => index, static _ => new List<double[]>());
            for (var round = 0; round < repeat; round++)
            {
                foreach (var index in settings)
                {
                    var setting = s_settings[index];
                    results[index].Add(RunChild(setting.Environment, setting.Trim, name, epochs));
                }
            }

            foreach (var index in settings)
            {
                var setting = s_settings[index];
                var runs = results[index];
                T Median<T>(Func<double[], T> pick) => runs.Select(pick).Order().ToList()[runs.Count / 2];
                string Growth(double[] r) => Mib(r[1] - r[0]);
                Console.WriteLine(FormattableString.Invariant(
                    $"| {setting.Name} | {s_networks[name]} | {Mib(Median(r => r[0]))} | {Mib(Median(r => r[1]))} | {Mib(Median(r => r[1] - r[0]))} ({string.Join(", ", runs.Select(Growth))}) | {Mib(Median(r => r[2]))} | {Median(r => r[3])} / {Median(r => r[4])} | {Median(r => r[5]):0.0} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Load average at the end: {LoadAverage()}."));
        return 0;
    }

    /// <summary>The child: trains one network and prints its resident sets (KiB), live tensor counts and steps per second.</summary>
    public static int RunChild(string[] args)
    {
        var (name, epochs, trim) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3] == "trim");
        torch.manual_seed(42);
        var (network, x, y, batchSize) = Setup(name);
        using var disposeNetwork = network as IDisposable;
        var recorder = new Recorder(trim);
        NetGenCalls.Fit(network, x, y, epochs, batchSize, [recorder]);
        var steps = (x.shape[0] + batchSize - 1) / batchSize;
        var seconds = recorder.EpochSeconds.Skip(1).Sum();
        var stepsPerSecond = steps * (epochs - 1) / seconds;
        Console.WriteLine(FormattableString.Invariant(
            $"{ResultPrefix}{recorder.Resident[0]} {recorder.Resident[^1]} {ResidentSet.PeakKiB()} {recorder.Live[0]} {recorder.Live[^1]} {stepsPerSecond}"));
        return 0;
    }

    private static (INetwork Network, Tensor X, Tensor Y, int BatchSize) Setup(string name)
    {
        switch (name)
        {
            case "autoencoder":
                // 60 steps of 256 per epoch, the Autoencoder sample's step on a quarter of Fashion-MNIST.
                var pixels = RandomData.Pixels(60 * 256);
                return (new ImageAutoencoder(), pixels, pixels, 256);
            case "wide":
                var (images, classes) = RandomData.Images(8 * RandomData.ImageSamples);
                return (new WideNet(), images, classes, 128);
            case "tabular":
                var (rows, labels) = RandomData.Tabular();
                return (new TabularNet(), rows, labels, 10);
            default:
                throw new ArgumentException($"Unknown network '{name}': autoencoder, wide or tabular.", nameof(name));
        }
    }

    private static double[] RunChild(string[] environment, bool trim, string name, int epochs)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(AllocatorSettings).Assembly.Location);
        }

        foreach (var argument in new[] { "--allocator-child", name, epochs.ToString(CultureInfo.InvariantCulture), trim ? "trim" : "none" })
        {
            start.ArgumentList.Add(argument);
        }

        // The child starts from the parent's environment minus every setting this table varies.
        foreach (var variable in new[] { "NETGEN_MALLOC_TUNING", "MALLOC_MMAP_THRESHOLD_", "MALLOC_ARENA_MAX", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var assignment in environment)
        {
            var parts = assignment.Split('=', 2);
            start.Environment[parts[0]] = parts[1];
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(static l => l.StartsWith(ResultPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {name} child exited with {child.ExitCode} and printed no result:\n{output}");
        return line[ResultPrefix.Length..].Split(' ').Select(static v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }

    private static T Option<T>(string[] args, string name, string fallback, Func<string, T> parse)
    {
        var index = Array.IndexOf(args, name);
        return parse(index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback);
    }

    private static string Mib(double kib) => (kib / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string LoadAverage() => System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>Reads the resident set, the live tensors and the epoch's duration at the end of every epoch.</summary>
    private sealed class Recorder(bool trim) : Callback
    {
        private Stopwatch _clock = new();

        public List<long> Resident { get; } = [];

        public List<long> Live { get; } = [];

        public List<double> EpochSeconds { get; } = [];

        public override void OnEpochBegin(TrainingContext context, int epoch) => _clock = Stopwatch.StartNew();

        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
        {
            EpochSeconds.Add(_clock.Elapsed.TotalSeconds);
            if (trim)
            {
                _ = MallocTrim(0);
            }

            Resident.Add(ResidentSet.CurrentKiB());
            Live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
    }

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
