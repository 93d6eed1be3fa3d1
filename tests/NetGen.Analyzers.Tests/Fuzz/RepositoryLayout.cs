using System;
using System.IO;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Where the fuzzer finds its seeds: the repository is located by walking up from the test
/// binaries to the directory holding <c>NetGen.sln</c>, so the samples are read as they are on disk
/// (a sample edited or added is fuzzed without rebuilding a copy of it).
/// </summary>
internal static class RepositoryLayout
{
    private const string SolutionFile = "NetGen.sln";

    private static readonly Lazy<string> s_root = new(static () =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above '{AppContext.BaseDirectory}': the fuzz tests read their seeds from the repository.");
    });

    /// <summary>The directory holding <c>NetGen.sln</c>.</summary>
    public static string Root => s_root.Value;

    /// <summary>This test project's fuzz seeds: <c>tests/NetGen.Analyzers.Tests/Fuzz/Seeds</c>.</summary>
    public static string SeedDirectory => Path.Combine(Root, "tests", "NetGen.Analyzers.Tests", "Fuzz", "Seeds");

    /// <summary>The samples, whose <c>*Net.cs</c> files are seeds too.</summary>
    public static string SampleDirectory => Path.Combine(Root, "samples");

    /// <summary>Default folder for failing mutants; <c>TestResults/</c> is git-ignored.</summary>
    public static string DefaultFailureDirectory => Path.Combine(Root, "TestResults", "fuzz");

    /// <summary><paramref name="path"/> relative to the repository root, with forward slashes, for stable names in reports.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
