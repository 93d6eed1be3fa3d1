using System;
using System.Text.Json.Nodes;

namespace NetGen.Ide.Tests.Infrastructure;

/// <summary>An LSP position: zero-based line and UTF-16 column, as a C# string indexes text.</summary>
internal readonly record struct LspPosition(int Line, int Character)
{
    /// <summary>The position of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static LspPosition At(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LspPosition(line, offset - lineStart);
    }

    public JsonObject ToJson() => new() { ["line"] = Line, ["character"] = Character };

    public static LspPosition From(JsonNode node) => new(node["line"]!.GetValue<int>(), node["character"]!.GetValue<int>());

    public override string ToString() => $"{Line}:{Character}";
}

/// <summary>An LSP range, end exclusive.</summary>
internal readonly record struct LspRange(LspPosition Start, LspPosition End)
{
    /// <summary>The range of the only occurrence of <paramref name="snippet"/> in <paramref name="text"/>.</summary>
    public static LspRange Of(string text, string snippet) => Of(text, snippet, snippet);

    /// <summary>The range of <paramref name="snippet"/> inside the only occurrence of <paramref name="context"/> in <paramref name="text"/>.</summary>
    public static LspRange Of(string text, string context, string snippet)
    {
        var contextOffset = text.IndexOf(context, StringComparison.Ordinal);
        if (contextOffset < 0 || text.IndexOf(context, contextOffset + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{context}' must occur exactly once in the fixture.", nameof(context));
        }

        var offset = context.IndexOf(snippet, StringComparison.Ordinal);
        if (offset < 0)
        {
            throw new ArgumentException($"'{snippet}' is not in '{context}'.", nameof(snippet));
        }

        var start = contextOffset + offset;
        return new LspRange(LspPosition.At(text, start), LspPosition.At(text, start + snippet.Length));
    }

    public JsonObject ToJson() => new() { ["start"] = Start.ToJson(), ["end"] = End.ToJson() };

    public static LspRange From(JsonNode node) => new(LspPosition.From(node["start"]!), LspPosition.From(node["end"]!));

    public override string ToString() => $"{Start}-{End}";
}

/// <summary>LSP's DiagnosticSeverity values.</summary>
internal enum LspSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

/// <summary>A published diagnostic: its code (the NGxxxx or CSxxxx ID), severity, range and message.</summary>
internal sealed record LspDiagnostic(string? Code, LspSeverity Severity, LspRange Range, string Message)
{
    public static LspDiagnostic From(JsonNode node) => new(
        node["code"]?.ToString(),
        // The protocol reads a missing severity as the client's choice; an error is the strict one.
        (LspSeverity)(node["severity"]?.GetValue<int>() ?? (int)LspSeverity.Error),
        LspRange.From(node["range"]!),
        node["message"]?.GetValue<string>() ?? "");

    public override string ToString() => $"{Code} | severity {Severity} | {Range} | {Message}";
}
