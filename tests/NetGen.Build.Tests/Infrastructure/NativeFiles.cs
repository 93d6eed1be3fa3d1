using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NetGen.Build.Tests.Infrastructure;

/// <summary>Where the files these tests read live on this machine.</summary>
internal static class NativeFiles
{
    /// <summary>The version TorchSharp 0.107.0 needs and Debian 12's libstdc++ (GLIBCXX_3.4.30) lacks.</summary>
    public const string Glibcxx = "GLIBCXX_3.4.32";

    /// <summary>The newest version Debian 12's libstdc++ provides; every later libstdc++ keeps it.</summary>
    public const string DebianBookwormGlibcxx = "GLIBCXX_3.4.30";

    private const string LibraryName = "libLibTorchSharp.so";

    // Same candidates, same order as NetGen.NativeLoading.targets: the tests must judge the
    // system the way the build did.
    private static readonly string[] s_systemLibstdcxxCandidates =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    ];

    /// <summary>The package's own copy, as restore left it. Tests read it and must never write it.</summary>
    public static string CachedLibTorchSharp { get; } = Path.Combine(
        Metadata("NuGetPackageRoot"), "torchsharp", Metadata("TorchSharpVersion"),
        "runtimes", "linux-x64", "native", LibraryName);

    /// <summary>The copy the build put next to this test assembly (and the one TorchSharp loads).</summary>
    public static string OutputLibTorchSharp { get; } = Path.Combine(
        AppContext.BaseDirectory, "runtimes", "linux-x64", "native", LibraryName);

    /// <summary>The libstdc++ the build checked, or null on a system without one at the usual paths.</summary>
    public static string? SystemLibstdcxx { get; } = s_systemLibstdcxxCandidates.FirstOrDefault(File.Exists);

    /// <summary>False when the test project was built with -p:NetGenRelaxGlibcxx=false.</summary>
    public static bool RelaxEnabled { get; } =
        !string.Equals(Metadata("NetGenRelaxGlibcxx"), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A 64-bit ELF without any GLIBCXX need. Coreutils are essential on Debian, so /bin/ls is
    /// always there; it links libc only.
    /// </summary>
    public static string ElfWithoutGlibcxxNeed => "/bin/ls";

    private static string Metadata(string key) =>
        typeof(NativeFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
