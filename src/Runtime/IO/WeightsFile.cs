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

    /// <summary>Every tensor's name, type and shape, in file order, from the file's index alone.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is truncated or not in the format its extension says.</exception>
    public static IReadOnlyList<KeyValuePair<string, TensorEntry>> ReadIndex(string path)
    {
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
        for (var i = 0L; i < count; i++)
        {
            var name = reader.ReadString();
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
    /// end of the header) plus an optional <c>__metadata__</c> entry, then the data.
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
        foreach (var property in json.RootElement.EnumerateObject())
        {
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
            var begin = offsets[0].GetInt64();
            var end = offsets[1].GetInt64();
            var expected = ElementSize(dtype, property.Name);
            foreach (var dimension in shape)
            {
                expected = checked(expected * dimension);
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
        }

        return entries;
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
        new($"'{path}' is not a complete {(IsSafetensors(path) ? "safetensors" : "TorchSharp weights")} file: {detail}.", inner);
}
