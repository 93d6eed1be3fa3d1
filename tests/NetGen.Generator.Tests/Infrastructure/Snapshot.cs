using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot baselines without Verify, same workflow: <c>Snapshots/{Class}.{Method}#{HintName}.verified.cs</c>
/// beside the test. The set of files must match exactly; on a mismatch <c>*.received.*</c> files
/// are written and the test fails with a compact diff. Accept new baselines with
/// <c>dotnet test -p:UpdateSnapshots=true</c> or <c>NETGEN_UPDATE_SNAPSHOTS=1</c>, never under <c>CI=true</c>.
/// </summary>
internal static class Snapshot
{
    public static void Verify(IEnumerable<(string HintName, string Text)> files, string? parameters = null, [CallerFilePath] string callerFile = "", [CallerMemberName] string method = "")
    {
        var testClass = Path.GetFileNameWithoutExtension(callerFile);
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var prefix = $"{testClass}.{method}{(parameters is null ? string.Empty : "_" + parameters)}#";
        Directory.CreateDirectory(directory);

        var received = files.ToDictionary(static f => f.HintName, static f => Normalize(f.Text));
        var verifiedFiles = Directory.GetFiles(directory, prefix + "*.verified.cs")
            .ToDictionary(path => Path.GetFileName(path).Substring(prefix.Length, Path.GetFileName(path).Length - prefix.Length - ".verified.cs".Length));

        foreach (var stale in Directory.GetFiles(directory, prefix + "*.received.cs"))
        {
            File.Delete(stale);
        }

        var problems = new StringBuilder();
        foreach (var (hintName, text) in received.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, prefix + hintName + ".verified.cs");
            if (!verifiedFiles.TryGetValue(hintName, out var verifiedPath))
            {
                if (Accept(path, text))
                {
                    continue;
                }

                problems.AppendLine($"New file {hintName}: no baseline {Path.GetFileName(path)}.");
                File.WriteAllText(ReceivedPath(path), text);
                continue;
            }

            var verified = Normalize(File.ReadAllText(verifiedPath));
            if (verified != text)
            {
                if (Accept(path, text))
                {
                    continue;
                }

                File.WriteAllText(ReceivedPath(path), text);
                problems.AppendLine($"{hintName} differs from {Path.GetFileName(verifiedPath)}:");
                problems.AppendLine(Diff(verified, text));
            }
        }

        foreach (var missing in verifiedFiles.Keys.Except(received.Keys))
        {
            if (UpdatesAllowed)
            {
                File.Delete(verifiedFiles[missing]);
                continue;
            }

            problems.AppendLine($"Baseline {Path.GetFileName(verifiedFiles[missing])} has no generated file any more.");
        }

        if (problems.Length > 0)
        {
            Assert.Fail(problems + "Accept with: dotnet test -p:UpdateSnapshots=true (or NETGEN_UPDATE_SNAPSHOTS=1).");
        }
    }

    private static bool UpdatesAllowed
    {
        get
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var property = typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(static a => a.Key == "UpdateSnapshots")?.Value;
            return string.Equals(property, "true", StringComparison.OrdinalIgnoreCase)
                || Environment.GetEnvironmentVariable("NETGEN_UPDATE_SNAPSHOTS") == "1";
        }
    }

    private static bool Accept(string path, string text)
    {
        if (!UpdatesAllowed)
        {
            return false;
        }

        File.WriteAllText(path, text);
        return true;
    }

    private static string ReceivedPath(string verifiedPath) =>
        verifiedPath.Substring(0, verifiedPath.Length - ".verified.cs".Length) + ".received.cs";

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    /// <summary>The first differing lines with a little context.</summary>
    private static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var first = 0;
        while (first < left.Length && first < right.Length && left[first] == right[first])
        {
            first++;
        }

        var output = new StringBuilder();
        for (var i = Math.Max(0, first - 2); i < Math.Min(Math.Max(left.Length, right.Length), first + 6); i++)
        {
            var l = i < left.Length ? left[i] : "<end>";
            var r = i < right.Length ? right[i] : "<end>";
            output.AppendLine(l == r ? $"  {i + 1,4}  {l}" : $"- {i + 1,4}  {l}\n+ {i + 1,4}  {r}");
        }

        return output.ToString();
    }

    public static string RepositoryRoot =>
        typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(static a => a.Key == "RepositoryRoot").Value!;
}
