using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>One valid network source the fuzzer mutates.</summary>
/// <param name="Name">Path relative to the repository root, e.g. <c>samples/BreastCancer/CancerNet.cs</c>.</param>
/// <param name="Text">The file's text.</param>
internal sealed record Seed(string Name, string Text)
{
    public override string ToString() => Name;
}

/// <summary>
/// The seeds, read from the repository at test time. Two sources, sorted by path so a campaign's
/// seed number picks the same seed on every machine:
/// <list type="bullet">
/// <item>every <c>samples/**/*.cs</c> that declares a <c>[Network]</c>: a new sample's network is fuzzed as soon as it exists;</item>
/// <item>every <c>tests/NetGen.Analyzers.Tests/Fuzz/Seeds/*.cs</c>: networks the generator's snapshot tests read
/// (excluded from compilation; add a file there to add a seed).</item>
/// </list>
/// Every seed must compile with no diagnostic at all (<see cref="SeedTests"/>): a mutant is only
/// interesting relative to a seed that was right.
/// </summary>
internal static class SeedCorpus
{
    /// <summary>What a sample file must contain to be a seed.</summary>
    public const string NetworkMarker = "[Network";

    private static readonly Lazy<IReadOnlyList<Seed>> s_all = new(Load);

    public static IReadOnlyList<Seed> All => s_all.Value;

    private static IReadOnlyList<Seed> Load()
    {
        var samples = Directory.EnumerateFiles(RepositoryLayout.SampleDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(static path => !IsBuildOutput(path) && File.ReadAllText(path).Contains(NetworkMarker, StringComparison.Ordinal));
        var copies = Directory.EnumerateFiles(RepositoryLayout.SeedDirectory, "*.cs", SearchOption.TopDirectoryOnly);
        return samples.Concat(copies)
            .Select(static path => new Seed(RepositoryLayout.Relative(path), File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal)))
            .OrderBy(static seed => seed.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsBuildOutput(string path)
    {
        var parts = RepositoryLayout.Relative(path).Split('/');
        return parts.Contains("bin") || parts.Contains("obj");
    }
}
