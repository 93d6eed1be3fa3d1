using System;
using System.Linq;

namespace NetGen.Samples.Tests;

/// <summary>Reads text blocks back out of a compiler-written XML documentation file.</summary>
internal static class DocText
{
    /// <summary>Removes the indentation the compiler puts before every line of a doc element.</summary>
    public static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        while (lines.Length > 0 && lines[0].Trim().Length == 0)
        {
            lines = lines.Skip(1).ToArray();
        }

        while (lines.Length > 0 && lines[^1].Trim().Length == 0)
        {
            lines = lines.Take(lines.Length - 1).ToArray();
        }

        // Every table line starts with "Model", "_", "=", "Total"... or the one space before a row,
        // so the smallest indentation is the compiler's.
        var indentation = lines.Where(static l => l.Trim().Length > 0).Min(static l => l.Length - l.TrimStart(' ').Length);
        return string.Join("\n", lines.Select(l => l.Length >= indentation ? l.Substring(indentation) : l.TrimStart(' ')));
    }
}
