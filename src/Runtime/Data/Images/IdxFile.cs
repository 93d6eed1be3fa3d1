using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetGen.Data;

/// <summary>
/// One IDX file (the format of MNIST and Fashion-MNIST) read whole and checked: its magic number,
/// element type, number of dimensions, and that it holds exactly the bytes its header declares.
/// </summary>
/// <remarks>
/// The format (LeCun, "THE MNIST DATABASE"): two zero bytes, a type code, the number of dimensions,
/// then each dimension as a big-endian int32, then the elements in row-major order. Images and
/// labels are unsigned bytes (type 0x08), so that is the only element type read; the others are
/// recognised so the error can say what the file holds.
/// </remarks>
internal sealed class IdxFile
{
    private const byte UnsignedByte = 0x08;

    private IdxFile(int[] dimensions, byte[] data)
    {
        Dimensions = dimensions;
        Data = data;
    }

    /// <summary>The sizes from the header; the first is the number of items.</summary>
    public int[] Dimensions { get; }

    /// <summary>The elements, row-major, exactly as many as the dimensions multiply to.</summary>
    public byte[] Data { get; }

    /// <summary>Reads and checks <paramref name="path"/>, which must hold unsigned bytes in <paramref name="axes"/>.Length dimensions.</summary>
    /// <param name="path">An IDX file, gzipped or not (recognised by content).</param>
    /// <param name="content">What the file should hold, for messages: "images", "labels".</param>
    /// <param name="axes">The names of the expected dimensions, e.g. count, rows, columns.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The file is not an IDX file of that shape, or holds more or fewer bytes than its header declares.</exception>
    public static IdxFile Read(string path, string content, params string[] axes)
    {
        using var stream = DataFiles.Open(path, "IDX file");
        var gzipped = stream is VerifiedGzipStream;
        var headerLength = 4 + 4 * axes.Length;

        Span<byte> magic = stackalloc byte[4];
        var read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (read < 4)
        {
            throw new DataFormatException(path, $"is too short to be an IDX file: it holds {Bytes(read)}{Decompressed(gzipped)}, fewer than the 4 of a magic number.");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new DataFormatException(
                path,
                $"is not an IDX file: it starts with 0x{Convert.ToHexString(magic)}, and an IDX file starts with two zero bytes, a type code and a dimension count (0x0000080{axes.Length.ToString(CultureInfo.InvariantCulture)} for {content}).");
        }

        if (magic[2] != UnsignedByte)
        {
            throw new DataFormatException(path, $"holds elements of type 0x{magic[2]:X2} ({TypeName(magic[2])}); IDX {content} are unsigned bytes (0x08).");
        }

        if (magic[3] != axes.Length)
        {
            throw new DataFormatException(
                path,
                $"has {Count(magic[3])} {(magic[3] == 1 ? "dimension" : "dimensions")}, but IDX {content} have {Count(axes.Length)} ({string.Join(", ", axes)}){WrongFileHint(content, magic[3])}.");
        }

        Span<byte> header = stackalloc byte[4 * axes.Length];
        read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < header.Length)
        {
            throw new DataFormatException(
                path,
                $"is truncated in its header: {Count(axes.Length)} dimensions need {Bytes(headerLength)}, the file holds {Bytes(4 + read)}{Decompressed(gzipped)}.");
        }

        var dimensions = new int[axes.Length];
        for (var i = 0; i < axes.Length; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(header[(4 * i)..]);
            if (dimensions[i] <= 0)
            {
                throw new DataFormatException(path, $"declares {Count(dimensions[i])} for its {axes[i]}; every dimension must be at least 1.");
            }
        }

        var expected = dimensions.Aggregate(1L, static (product, size) => product * size);
        if (expected > Array.MaxLength)
        {
            throw new DataFormatException(path, $"declares {Product(dimensions, expected)} bytes, more than one array can hold.");
        }

        var data = new byte[expected];
        read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < expected)
        {
            throw new DataFormatException(
                path,
                $"is truncated: its header declares {Product(dimensions, expected)} bytes of {content} ({Bytes(headerLength + expected)} with the header), but it holds {Bytes(headerLength + read)}{Decompressed(gzipped)}.");
        }

        var extra = DataFiles.CountRemaining(stream);
        if (extra > 0)
        {
            throw new DataFormatException(
                path,
                $"holds {Bytes(headerLength + expected + extra)}{Decompressed(gzipped)}, {Bytes(extra)} more than the {Bytes(headerLength + expected)} its header declares ({Product(dimensions, expected)} bytes of {content} after {Bytes(headerLength)} of header).");
        }

        return new IdxFile(dimensions, data);
    }

    private static string WrongFileHint(string content, int rank) => (content, rank) switch
    {
        ("labels", 3) => "; it looks like an images file",
        ("images", 1) => "; it looks like a labels file",
        _ => string.Empty,
    };

    private static string TypeName(byte code) => code switch
    {
        0x09 => "signed bytes",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "not an IDX type code",
    };

    private static string Decompressed(bool gzipped) => gzipped ? " once decompressed" : string.Empty;

    private static string Product(int[] dimensions, long product) =>
        dimensions.Length == 1
            ? Count(product)
            : string.Join(" × ", dimensions.Select(static d => Count(d))) + " = " + Count(product);

    private static string Bytes(long count) => Count(count) + (count == 1 ? " byte" : " bytes");

    internal static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
