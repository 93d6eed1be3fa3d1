using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>A span the test expects a diagnostic on.</summary>
internal sealed record ExpectedSpan(string Id, TextSpan Span);

/// <summary>
/// Test source with the expected diagnostics marked in place: <c>{|NG0201:text|}</c> expects
/// NG0201 exactly on <c>text</c>; <c>[|text|]</c> expects the test's default ID there. Marks may
/// nest (a rate argument inside a layer attribute), so a reader sees every span where it is.
/// </summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<ExpectedSpan> Expected) Parse(string markup, string? defaultId)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<ExpectedSpan>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at offset {i} has no ':' after its diagnostic ID.");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (At(markup, i, "[|"))
            {
                open.Push((defaultId ?? throw new FormatException("Markup '[|' needs a default diagnostic ID; use '{|ID:' instead."), source.Length));
                i++;
            }
            else if (At(markup, i, "|}") || At(markup, i, "|]"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Markup closes a span at offset {i} that was never opened.");
                }

                var (id, start) = open.Pop();
                expected.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Markup leaves {open.Count} span(s) open.");
        }

        return (source.ToString(), expected);
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
