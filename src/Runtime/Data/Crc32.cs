using System;

namespace NetGen.Data;

/// <summary>
/// The CRC-32 of gzip, zip and PNG (ISO-HDLC: reflected polynomial 0xEDB88320, initial value and
/// final XOR 0xFFFFFFFF), computed a byte at a time from a table. A few hundred MB/s is far more
/// than a CSV parser needs, so this is preferred to a package dependency.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] s_table = CreateTable();

    /// <summary>
    /// The CRC-32 of the bytes that gave <paramref name="crc"/> followed by <paramref name="data"/>,
    /// like zlib's <c>crc32(crc, buf, len)</c>: start from 0 and feed the data in pieces.
    /// </summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        foreach (var b in data)
        {
            state = s_table[(state ^ b) & 0xFF] ^ (state >> 8);
        }

        return ~state;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
