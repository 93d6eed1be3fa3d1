using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>IDX files written byte by byte as the format defines them, to read back.</summary>
internal static class IdxBytes
{
    /// <summary>Magic number (two zeros, the type code, the rank), big-endian sizes, then <paramref name="data"/>.</summary>
    public static byte[] File(byte typeCode, int[] dimensions, byte[] data)
    {
        var header = new byte[4 + 4 * dimensions.Length];
        header[2] = typeCode;
        header[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dimensions[i]);
        }

        return header.Concat(data).ToArray();
    }

    public static byte[] Images(int count, int rows, int columns, byte[] pixels) => File(0x08, [count, rows, columns], pixels);

    public static byte[] Labels(params byte[] labels) => File(0x08, [labels.Length], labels);

    /// <summary>Pixels that differ from image to image and position to position: (i * 37 + p * 11) mod 256.</summary>
    public static byte[] Pattern(int count, int pixelsPerImage) =>
        Enumerable.Range(0, count * pixelsPerImage).Select(static k => (byte)((k / 6 * 37 + k % 6 * 11 + k) % 256)).ToArray();

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
