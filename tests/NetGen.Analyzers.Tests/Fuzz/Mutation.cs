using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// One mutation as plain text edits (a consistent rename is several), so it can be applied to,
/// described from and replayed against text alone.
/// </summary>
internal sealed record Mutation(MutationKind Kind, ImmutableArray<TextChange> Changes)
{
    public Mutation(MutationKind kind, TextSpan span, string newText)
        : this(kind, ImmutableArray.Create(new TextChange(span, newText)))
    {
    }

    public string Apply(string text)
    {
        // Applied from the end so earlier offsets stay valid; spans never overlap.
        foreach (var change in Changes.OrderByDescending(static c => c.Span.Start))
        {
            text = text.Remove(change.Span.Start, change.Span.Length).Insert(change.Span.Start, change.NewText ?? "");
        }

        return text;
    }

    /// <summary><c>ReplaceNumber @212: `12` -> `-1`</c> (long texts shortened, control characters escaped).</summary>
    public string Describe(string before)
    {
        var first = Changes[0];
        var old = before.Substring(first.Span.Start, first.Span.Length);
        var more = Changes.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{Changes.Length - 1} more)") : "";
        return first.Span.IsEmpty
            ? string.Create(CultureInfo.InvariantCulture, $"{Kind} @{first.Span.Start}: insert `{Show(first.NewText ?? "")}`{more}")
            : string.Create(CultureInfo.InvariantCulture, $"{Kind} @{first.Span.Start}: `{Show(old)}` -> `{Show(first.NewText ?? "")}`{more}");
    }

    private static string Show(string text)
    {
        var shown = string.Concat(text.Select(static c => char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF'
            ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")
            : c.ToString()));
        return shown.Length <= 60 ? shown : shown.Substring(0, 40) + string.Create(CultureInfo.InvariantCulture, $"...({shown.Length} chars)");
    }
}
