using System;
using System.Globalization;
using System.IO;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Campaign settings, from environment variables so the same test runs CI-sized by default and
/// as a long campaign on demand (docs/fuzzing.md):
/// <list type="table">
/// <item><term>NETGEN_FUZZ_MUTANTS</term><description>mutants to run (default <see cref="CiMutants"/>)</description></item>
/// <item><term>NETGEN_FUZZ_SEED</term><description>campaign seed (default <see cref="DefaultSeed"/>)</description></item>
/// <item><term>NETGEN_FUZZ_WORKERS</term><description>parallel workers (default: one per core)</description></item>
/// <item><term>NETGEN_FUZZ_TIMEOUT_MS</term><description>per-mutant limit (default 5000)</description></item>
/// <item><term>NETGEN_FUZZ_OUT</term><description>where failing mutants are written (default TestResults/fuzz; relative paths from the repository root)</description></item>
/// <item><term>NETGEN_FUZZ_REPLAY</term><description>a saved mutant file or folder for the replay test (relative paths from the repository root)</description></item>
/// <item><term>NETGEN_FUZZ_REDUCE</term><description>1 to shrink one mutant per root cause for the report</description></item>
/// </list>
/// </summary>
internal sealed record FuzzSettings(int Mutants, ulong Seed, int Workers, TimeSpan Timeout, string FailureDirectory, string? Replay, bool Reduce)
{
    /// <summary>
    /// The CI-sized run. Measured in Release on the 2-core build machine, 2 workers, while other
    /// engineers were building: 3,000 mutants in 26.4 s (median 12 ms each) at load average 16, the
    /// whole Fuzz filter in 36 s wall-clock. For scale, 4,000 took 16.7 s when the machine was quiet
    /// and 33 to 83 s under load, too close to the 2-minute budget.
    /// </summary>
    public const int CiMutants = 3000;

    public const ulong DefaultSeed = 11;

    public static FuzzSettings FromEnvironment() => new(
        Mutants: Read("NETGEN_FUZZ_MUTANTS", CiMutants, int.Parse),
        Seed: Read("NETGEN_FUZZ_SEED", DefaultSeed, ulong.Parse),
        Workers: Math.Max(1, Read("NETGEN_FUZZ_WORKERS", Environment.ProcessorCount, int.Parse)),
        Timeout: TimeSpan.FromMilliseconds(Read("NETGEN_FUZZ_TIMEOUT_MS", 5000, int.Parse)),
        FailureDirectory: Environment.GetEnvironmentVariable("NETGEN_FUZZ_OUT") is { Length: > 0 } output ? FromRoot(output) : RepositoryLayout.DefaultFailureDirectory,
        Replay: Environment.GetEnvironmentVariable("NETGEN_FUZZ_REPLAY") is { Length: > 0 } replay ? FromRoot(replay) : null,
        Reduce: Environment.GetEnvironmentVariable("NETGEN_FUZZ_REDUCE") is "1" or "true");

    /// <summary>Relative paths are taken from the repository root, not from the test host's working directory (the bin folder).</summary>
    private static string FromRoot(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RepositoryLayout.Root, path));

    private static T Read<T>(string name, T fallback, Func<string, IFormatProvider, T> parse) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? parse(text.Trim(), CultureInfo.InvariantCulture)
            : fallback;
}
