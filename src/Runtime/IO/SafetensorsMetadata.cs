using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetGen.IO;

/// <summary>
/// The <c>__metadata__</c> entry of a safetensors header: string keys and string values that
/// travel with the tensors (Python's <c>save_file(tensors, path, metadata)</c> and
/// <c>safe_open(path, "pt").metadata()</c>). Readers that only want tensors skip it.
/// </summary>
internal static class SafetensorsMetadata
{
    private const string Key = "__metadata__";

    /// <summary>
    /// Copies the safetensors file in <paramref name="source"/> to <paramref name="target"/> with
    /// <paramref name="metadata"/> added to its header. Tensor offsets count from the end of the
    /// header, so the data is copied unchanged; the header is padded with spaces to a multiple of
    /// eight bytes, as the format recommends for aligned reads.
    /// </summary>
    public static void Add(byte[] source, Stream target, IReadOnlyDictionary<string, string> metadata)
    {
        var headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(source));
        var header = JsonNode.Parse(source.AsSpan(8, headerLength))!.AsObject();
        var entries = header[Key] as JsonObject ?? [];
        header.Remove(Key);
        foreach (var (name, value) in metadata)
        {
            entries[name] = value;
        }

        // First, as Python writes it, so a reader of the raw header sees it before the tensors.
        var rebuilt = new JsonObject { [Key] = entries };
        foreach (var (name, value) in header)
        {
            rebuilt[name] = value?.DeepClone();
        }

        var json = Encoding.UTF8.GetBytes(rebuilt.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        target.Write(length);
        target.Write(json);
        for (var i = json.Length; i < padded; i++)
        {
            target.WriteByte((byte)' ');
        }

        target.Write(source.AsSpan(8 + headerLength));
    }

    /// <summary>The metadata of the safetensors file at <paramref name="path"/> (empty when it has none). Check the file with <see cref="WeightsFile.ReadIndex"/> first.</summary>
    /// <exception cref="InvalidDataException">The metadata is not an object of strings.</exception>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        var header = new byte[BinaryPrimitives.ReadUInt64LittleEndian(prefix)];
        stream.ReadExactly(header);
        using var json = JsonDocument.Parse(header);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!json.RootElement.TryGetProperty(Key, out var entries))
        {
            return metadata;
        }

        if (entries.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"'{path}' is not a valid safetensors file: its {Key} is not an object.");
        }

        foreach (var entry in entries.EnumerateObject())
        {
            metadata[entry.Name] = entry.Value.ValueKind == JsonValueKind.String
                ? entry.Value.GetString()!
                : throw new InvalidDataException($"'{path}' is not a valid safetensors file: metadata '{entry.Name}' is not a string.");
        }

        return metadata;
    }
}
