using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Failing mutants on disk, to read and to replay. Per mutant:
/// <list type="bullet">
/// <item><c>{id}.cs</c>: the source as UTF-8 (what to open in an editor or paste into a test);</item>
/// <item><c>{id}.txt</c>: seed file, mutations, failures, signatures and diagnostics;</item>
/// <item><c>{id}.utf16</c>: the exact UTF-16 code units (little-endian, no BOM), written only when UTF-8
/// cannot hold the text (a lone surrogate; every encoder replaces it); replay prefers it.</item>
/// </list>
/// </summary>
internal static class FailureArchive
{
    private const string SourceExtension = ".cs";
    private const string ExactExtension = ".utf16";
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string directory, MutantOutcome outcome)
    {
        Directory.CreateDirectory(directory);
        var name = Path.Combine(directory, outcome.Mutant.Id);
        var text = outcome.Mutant.Text;
        File.WriteAllBytes(name + SourceExtension, s_utf8.GetBytes(text));
        if (!RoundTripsThroughUtf8(text))
        {
            File.WriteAllBytes(name + ExactExtension, MemoryMarshal.AsBytes(text.AsSpan()).ToArray());
        }

        var about = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"mutant: {outcome.Mutant.Id}")
            .AppendLine(CultureInfo.InvariantCulture, $"seed file: {outcome.Mutant.SeedName}")
            .AppendLine(CultureInfo.InvariantCulture, $"failures: {outcome.Failures}")
            .AppendLine(CultureInfo.InvariantCulture, $"observations: {outcome.Observations}")
            .AppendLine(CultureInfo.InvariantCulture, $"elapsed: {outcome.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var (failure, signature) in outcome.Signatures.OrderBy(static s => s.Key))
        {
            about.AppendLine(CultureInfo.InvariantCulture, $"signature {failure}: {signature}");
        }

        about.AppendLine("mutations:");
        foreach (var mutation in outcome.Mutant.Mutations)
        {
            about.AppendLine("  " + mutation);
        }

        about.AppendLine("diagnostics:");
        foreach (var detail in outcome.Details)
        {
            about.AppendLine("  " + detail);
        }

        File.WriteAllText(name + ".txt", about.ToString(), s_utf8);
    }

    /// <summary>The mutants saved at <paramref name="path"/> (a folder, or one <c>.cs</c>/<c>.utf16</c> file), exact text preferred.</summary>
    public static IReadOnlyList<Mutant> Read(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(static f => f.EndsWith(SourceExtension, StringComparison.Ordinal) || f.EndsWith(ExactExtension, StringComparison.Ordinal))
            : File.Exists(path) ? [path] : throw new FileNotFoundException("Nothing to replay at " + path, path);
        return files
            .GroupBy(static f => Path.Combine(Path.GetDirectoryName(f)!, Path.GetFileNameWithoutExtension(f)), StringComparer.Ordinal)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g =>
            {
                var exact = g.FirstOrDefault(static f => f.EndsWith(ExactExtension, StringComparison.Ordinal));
                // GetString, not File.ReadAllText: a leading U+FEFF is part of the mutant, not a byte-order mark to strip.
                var text = exact is not null ? new string(MemoryMarshal.Cast<byte, char>(File.ReadAllBytes(exact))) : s_utf8.GetString(File.ReadAllBytes(g.First()));
                return new Mutant(Path.GetFileName(g.Key), "replay:" + g.Key, text, []);
            })
            .ToList();
    }

    private static bool RoundTripsThroughUtf8(string text) => string.Equals(s_utf8.GetString(s_utf8.GetBytes(text)), text, StringComparison.Ordinal);
}
