using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using Tensorboard;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>
/// Reads a TensorBoard event file, checking its TFRecord framing: each record is a little-endian
/// uint64 length, the masked CRC-32C of those 8 bytes, the payload (an Event protocol buffer) and
/// the masked CRC-32C of the payload.
/// </summary>
internal static class EventFile
{
    public static List<Event> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<Event>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            Check(bytes.Length - offset >= 12, $"record at {offset} is cut short in its header");
            var length = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset, 8));
            Check(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8, 4)) == Masked(Crc32C(bytes.AsSpan(offset, 8))), $"record at {offset}: length CRC mismatch");
            Check(length <= (ulong)(bytes.Length - offset - 16), $"record at {offset}: {length} bytes do not fit");
            var payload = bytes.AsSpan(offset + 12, (int)length);
            Check(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 12 + (int)length, 4)) == Masked(Crc32C(payload)), $"record at {offset}: payload CRC mismatch");
            // TorchSharp's generated classes predate span parsing: parse from an array.
            events.Add(Event.Parser.ParseFrom(payload.ToArray()));
            offset += 16 + (int)length;
        }

        return events;
    }

    /// <summary>CRC-32C (Castagnoli), as TFRecord uses.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }

    /// <summary>TFRecord's mask: rotate right by 15 bits and add a constant.</summary>
    public static uint Masked(uint crc) => ((crc >> 15) | (crc << 17)) + 0xa282ead8u;

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException(problem);
        }
    }
}
