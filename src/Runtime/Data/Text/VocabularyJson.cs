using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using NetGen.IO;

namespace NetGen.Data.Text;

/// <summary>
/// A vocabulary as JSON: <c>{"format": "NetGen.Vocabulary", "version": 1, "lowercase": true,
/// "punctuation": "...", "split": "whitespace", "words": ["", "[UNK]", "the", ...]}</c>, the token
/// of each id in order. The same text is a file of its own or the <see cref="MetadataKey"/> entry
/// of a safetensors file's <c>__metadata__</c>, where Python reads it with
/// <c>safe_open(path, "pt").metadata()["netgen.vocabulary"]</c>.
/// </summary>
internal static class VocabularyJson
{
    /// <summary>The safetensors metadata key that holds a vocabulary saved with weights.</summary>
    public const string MetadataKey = "netgen.vocabulary";

    private const string Format = "NetGen.Vocabulary";
    private const int Version = 1;

    public static void Write(Vocabulary vocabulary, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteNumber("version", Version);
        writer.WriteBoolean("lowercase", vocabulary.Standardization.Lowercase);
        writer.WriteString("punctuation", vocabulary.Standardization.Punctuation);
        writer.WriteString("split", SplitName(vocabulary.Standardization.Split));
        writer.WriteStartArray("words");
        foreach (var word in vocabulary.Words)
        {
            writer.WriteStringValue(word);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string ToJson(Vocabulary vocabulary)
    {
        using var buffer = new MemoryStream();
        Write(vocabulary, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static Vocabulary Read(string path)
    {
        CheckFile(path);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new IOException($"Vocabulary file '{path}' cannot be read: {exception.Message}", exception);
        }

        return Parse(content, detail => new InvalidDataException($"'{path}' is not a valid NetGen vocabulary file: {detail}."));
    }

    public static Vocabulary ReadFromWeights(string path)
    {
        CheckFile(path);

        // The whole file is checked as weights first, so a truncated or foreign file is reported as such.
        WeightsFile.ReadIndex(path);
        var metadata = SafetensorsMetadata.Read(path);
        if (!metadata.TryGetValue(MetadataKey, out var json))
        {
            throw new InvalidDataException($"'{path}' holds weights but no vocabulary: save it with SaveWeights(path, vocabulary) to keep one in the file.");
        }

        return Parse(Encoding.UTF8.GetBytes(json), detail => new InvalidDataException($"The vocabulary in '{path}' (metadata '{MetadataKey}') is not valid: {detail}."));
    }

    private static void CheckFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"Vocabulary path '{path}' is a directory, not a file.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Vocabulary file '{path}' does not exist.", path);
        }
    }

    private static Vocabulary Parse(byte[] content, Func<string, InvalidDataException> invalid)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException exception)
        {
            throw invalid($"it is not JSON ({exception.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
            {
                throw invalid($"it has no \"format\": \"{Format}\" entry");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != Version)
            {
                throw invalid($"version {(root.TryGetProperty("version", out var v) ? v.GetRawText() : "(missing)")} is not {Version}, the version this NetGen reads");
            }

            var standardization = new TextStandardization
            {
                Lowercase = Property(root, "lowercase", JsonValueKind.True, JsonValueKind.False, invalid).GetBoolean(),
                Punctuation = Property(root, "punctuation", JsonValueKind.String, JsonValueKind.String, invalid).GetString()!,
                Split = ParseSplit(Property(root, "split", JsonValueKind.String, JsonValueKind.String, invalid).GetString(), invalid),
            };

            var words = Property(root, "words", JsonValueKind.Array, JsonValueKind.Array, invalid);
            var tokens = new List<string>(words.GetArrayLength());
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in words.EnumerateArray())
            {
                var token = word.ValueKind == JsonValueKind.String ? word.GetString() : null;
                var expected = tokens.Count switch
                {
                    0 => Vocabulary.PaddingToken,
                    1 => Vocabulary.OutOfVocabularyToken,
                    _ => null,
                };

                if (expected is not null && token != expected)
                {
                    throw invalid($"id {tokens.Count} is {word.GetRawText()}, not the reserved token \"{expected}\"");
                }

                if (expected is null && Vocabulary.WordProblem(token, seen) is { } problem)
                {
                    throw invalid($"the word of id {tokens.Count} {problem}");
                }

                tokens.Add(token!);
            }

            if (tokens.Count < 2)
            {
                throw invalid("the word list lacks the padding and out-of-vocabulary tokens");
            }

            return Vocabulary.Restore([.. tokens], standardization);
        }
    }

    private static JsonElement Property(JsonElement root, string name, JsonValueKind kind, JsonValueKind other, Func<string, InvalidDataException> invalid) =>
        root.TryGetProperty(name, out var value) && (value.ValueKind == kind || value.ValueKind == other)
            ? value
            : throw invalid($"\"{name}\" is missing or not {(kind == JsonValueKind.True ? "a boolean" : kind == JsonValueKind.Array ? "an array" : "a string")}");

    private static string SplitName(TokenSplit split) => split switch
    {
        TokenSplit.Whitespace => "whitespace",
        TokenSplit.Character => "character",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, null),
    };

    private static TokenSplit ParseSplit(string? name, Func<string, InvalidDataException> invalid) => name switch
    {
        "whitespace" => TokenSplit.Whitespace,
        "character" => TokenSplit.Character,
        _ => throw invalid($"\"split\" is \"{name}\", not \"whitespace\" or \"character\""),
    };
}
