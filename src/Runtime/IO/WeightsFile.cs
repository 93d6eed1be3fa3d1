using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NetGen.IO;

/// <summary>
/// The two weight-file formats: <c>.safetensors</c> (Hugging Face's format, which Python reads
/// with <c>safetensors.torch.load_file</c>) and, for any other extension, TorchSharp's own
/// <c>Module.save</c> format. Both can be listed (names, types, shapes) without reading the data.
/// </summary>
internal static class WeightsFile
{
    /// <summary>Whether <paramref name="path"/> names a safetensors file (by extension, case-insensitively).</summary>
    public static bool IsSafetensors(string path) => path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every tensor's name, type and shape, in file order, from the file's index alone; names are unique.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a directory.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, inconsistent or not in the format its extension says.</exception>
    public static IReadOnlyList<KeyValuePair<string, TensorEntry>> ReadIndex(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"Weights path '{path}' is a directory, not a file.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Weights file '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            return IsSafetensors(path) ? ReadSafetensorsIndex(stream) : ReadTorchSharpIndex(stream);
        }
        catch (Exception exception) when (exception is EndOfStreamException or FormatException or JsonException or OverflowException or InvalidOperationException or KeyNotFoundException)
        {
            throw Invalid(path, exception.Message, exception);
        }
    }

    /// <summary>Every tensor in the file, by name, on the CPU. Call <see cref="ReadIndex"/> first: this trusts the file's structure.</summary>
    public static Dictionary<string, Tensor> ReadTensors(string path)
    {
        if (IsSafetensors(path))
        {
            return Safetensors.LoadStateDict(path);
        }

        // The layout Module.save writes (see ReadTorchSharpIndex); each tensor is read by
        // TorchSharp's own reader rather than a copy of it.
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var count = reader.Read7BitEncodedInt64();
        for (var i = 0L; i < count; i++)
        {
            var name = reader.ReadString();
            tensors[name] = TensorExtensionMethods.Load(reader);
        }

        return tensors;
    }

    /// <summary>
    /// TorchSharp's <c>Module.save</c> layout (TorchSharp's <c>save_state_dict</c> and
    /// <c>TensorExtensionMethods.Save</c>): the entry count as LEB128; then per entry the
    /// key as a .NET <c>BinaryWriter</c> string, the <c>ScalarType</c>, the rank and each
    /// dimension as LEB128, and the raw little-endian element bytes.
    /// </summary>
    private static List<KeyValuePair<string, TensorEntry>> ReadTorchSharpIndex(FileStream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var count = reader.Read7BitEncodedInt64();
        if (count < 0 || count > stream.Length)
        {
            throw new FormatException($"it claims {count} tensors");
        }

        var entries = new List<KeyValuePair<string, TensorEntry>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0L; i < count; i++)
        {
            var name = reader.ReadString();
            if (!names.Add(name))
            {
                // TorchSharp's reader would keep the last one; which was meant cannot be known.
                throw new FormatException($"tensor '{name}' appears twice");
            }

            var dtype = (ScalarType)reader.Read7BitEncodedInt64();
            var rank = reader.Read7BitEncodedInt64();
            if (rank is < 0 or > 64)
            {
                throw new FormatException($"tensor '{name}' claims rank {rank}");
            }

            var shape = new long[rank];
            var bytes = ElementSize(dtype, name);
            for (var d = 0; d < rank; d++)
            {
                shape[d] = reader.Read7BitEncodedInt64();
                if (shape[d] < 0)
                {
                    throw new FormatException($"tensor '{name}' has a negative dimension {shape[d]}");
                }

                bytes = checked(bytes * shape[d]);
            }

            if (stream.Position + bytes > stream.Length)
            {
                throw new EndOfStreamException($"tensor '{name}' needs {bytes} bytes but the file ends first");
            }

            stream.Seek(bytes, SeekOrigin.Current);
            entries.Add(new(name, new TensorEntry(dtype, shape)));
        }

        if (stream.Position != stream.Length)
        {
            throw new FormatException($"{stream.Length - stream.Position} bytes follow the last tensor");
        }

        return entries;
    }

    /// <summary>
    /// The safetensors layout: an 8-byte little-endian header length, a UTF-8 JSON header
    /// mapping each name to <c>dtype</c>, <c>shape</c> and <c>data_offsets</c> (relative to the
    /// end of the header) plus an optional <c>__metadata__</c> entry, then the data. As the
    /// format's specification requires (and its Rust reader enforces), names are unique and the
    /// tensors tile the data exactly: no overlap, no gap, nothing after the last one.
    /// </summary>
    private static List<KeyValuePair<string, TensorEntry>> ReadSafetensorsIndex(FileStream stream)
    {
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)(stream.Length - 8))
        {
            throw new EndOfStreamException($"the header claims {headerLength} bytes but the file has {stream.Length - 8} after the length");
        }

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var dataLength = stream.Length - 8 - (long)headerLength;
        using var json = JsonDocument.Parse(header);
        var entries = new List<KeyValuePair<string, TensorEntry>>();
        var ranges = new List<(string Name, long Begin, long End)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            // JSON allows a repeated key, and a dictionary built from it would fail or keep one of them.
            if (!names.Add(property.Name))
            {
                throw new FormatException($"the header names '{property.Name}' twice");
            }

            if (property.Name == "__metadata__")
            {
                continue;
            }

            var dtype = SafetensorsType(property.Value.GetProperty("dtype").GetString(), property.Name);
            var shape = new List<long>();
            foreach (var dimension in property.Value.GetProperty("shape").EnumerateArray())
            {
                shape.Add(dimension.GetInt64());
            }

            var offsets = property.Value.GetProperty("data_offsets");
            if (offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
            {
                throw new FormatException($"tensor '{property.Name}' has data_offsets {offsets.GetRawText()}, not [begin, end]");
            }

            var begin = offsets[0].GetInt64();
            var end = offsets[1].GetInt64();
            var expected = ElementSize(dtype, property.Name);
            foreach (var dimension in shape)
            {
                expected = dimension >= 0
                    ? checked(expected * dimension)
                    : throw new FormatException($"tensor '{property.Name}' has a negative dimension {dimension}");
            }

            if (begin < 0 || end - begin != expected)
            {
                throw new FormatException($"tensor '{property.Name}' has {end - begin} bytes of data for {expected} bytes of elements");
            }

            if (end > dataLength)
            {
                throw new EndOfStreamException($"tensor '{property.Name}' ends at byte {end} of the data but the file holds {dataLength}");
            }

            entries.Add(new(property.Name, new TensorEntry(dtype, shape.ToArray())));
            ranges.Add((property.Name, begin, end));
        }

        CheckTiling(ranges, dataLength);
        return entries;
    }

    /// <summary>
    /// Overlapping ranges would load the same bytes into several tensors, and bytes no tensor
    /// covers are either damage or a second file hidden in this one (the specification forbids
    /// both, to rule out polyglot files).
    /// </summary>
    private static void CheckTiling(List<(string Name, long Begin, long End)> ranges, long dataLength)
    {
        ranges.Sort(static (a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        var previous = (Name: (string?)null, End: 0L);
        foreach (var (name, begin, end) in ranges)
        {
            if (begin < previous.End)
            {
                throw new FormatException($"tensors '{previous.Name}' and '{name}' overlap: '{name}' starts at byte {begin} of the data, before '{previous.Name}' ends at byte {previous.End}");
            }

            if (begin > previous.End)
            {
                var after = previous.Name is null ? "the start of the data" : $"'{previous.Name}'";
                throw new FormatException($"no tensor holds bytes {previous.End} to {begin} of the data, between {after} and '{name}'");
            }

            previous = (name, end);
        }

        if (previous.End != dataLength)
        {
            throw new FormatException(previous.Name is null
                ? $"{dataLength} bytes follow a header that names no tensors"
                : $"{dataLength - previous.End} bytes follow the last tensor '{previous.Name}', which ends at byte {previous.End} of the data");
        }
    }

    /// <summary>The safetensors types TorchSharp.PyBridge can read.</summary>
    private static ScalarType SafetensorsType(string? name, string tensor) => name switch
    {
        "F64" => ScalarType.Float64,
        "F32" => ScalarType.Float32,
        "F16" => ScalarType.Float16,
        "BF16" => ScalarType.BFloat16,
        "I64" => ScalarType.Int64,
        "I32" => ScalarType.Int32,
        "I16" => ScalarType.Int16,
        "I8" => ScalarType.Int8,
        "U8" => ScalarType.Byte,
        "BOOL" => ScalarType.Bool,
        _ => throw new FormatException($"tensor '{tensor}' has type '{name}', which TorchSharp cannot load"),
    };

    private static long ElementSize(ScalarType type, string tensor) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new FormatException($"tensor '{tensor}' has unknown type code {(int)type}"),
    };

    private static InvalidDataException Invalid(string path, string detail, Exception inner) =>
        new($"'{path}' is not a {(inner is EndOfStreamException ? "complete" : "valid")} {(IsSafetensors(path) ? "safetensors" : "TorchSharp weights")} file: {detail}.", inner);
}
