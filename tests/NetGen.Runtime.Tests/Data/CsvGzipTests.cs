using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data;

/// <summary>A gzipped CSV either loads completely or fails naming the file: never a prefix of the rows.</summary>
public sealed class CsvGzipTests
{
    private const string Truncated = " is a truncated or corrupt gzip file: the CRC-32 and length in its last 8 bytes do not match the decompressed data.";
    private const string Undecodable = " is a truncated or corrupt gzip file: its compressed data cannot be decoded.";

    [Fact]
    public void EveryCutOfAGzipFileIsAnErrorNeverAPrefixOfTheRows()
    {
        using var files = new TempFiles();
        var complete = TempFiles.Gzip(Table(rows: 300));
        var path = files.PathOf("cut.csv.gz");
        using (var whole = CsvLoader.Load(files.WriteBytes("whole.csv.gz", complete)))
        {
            Assert.Equal(300, whole.Features.shape[0]);
        }

        var loaded = new List<int>();
        var messages = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var length = 0; length < complete.Length; length++)
        {
            File.WriteAllBytes(path, complete[..length]);
            try
            {
                using var data = CsvLoader.Load(path);
                loaded.Add(length);
            }
            catch (CsvFormatException error)
            {
                messages[error.Message] = messages.GetValueOrDefault(error.Message) + 1;
            }
        }

        // 0 bytes is an empty file and 1 byte (0x1f, no gzip magic) a one-field header; every
        // other cut keeps the magic and must fail on the trailer, whatever the text looked like.
        Assert.Empty(loaded);
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["cut.csv.gz is empty."] = 1,
                ["cut.csv.gz has a header but no data rows."] = 1,
                ["cut.csv.gz is a truncated or corrupt gzip file: 2 bytes cannot hold a gzip header and trailer."] = 1,
            }.Concat(Enumerable.Range(3, 15).Select(static n => KeyValuePair.Create($"cut.csv.gz is a truncated or corrupt gzip file: {n} bytes cannot hold a gzip header and trailer.", 1)))
            .Append(KeyValuePair.Create("cut.csv.gz" + Truncated, complete.Length - 18))
            .ToDictionary(),
            messages);
    }

    [Fact]
    public void ACutAtALineBoundaryIsStillAnError()
    {
        // Stored (uncompressed) blocks put the text in the file as is, so the cut can be placed exactly after a row.
        using var files = new TempFiles();
        var complete = TempFiles.Gzip(Table(rows: 20), CompressionLevel.NoCompression);
        var endOfRow10 = IndexOf(complete, "\n10,") + 1;
        var path = files.WriteBytes("rows.csv.gz", complete[..endOfRow10]);

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal("rows.csv.gz" + Truncated, error.Message);
        Assert.Equal(path, error.Path);
        Assert.Equal(0, error.Line);
    }

    [Fact]
    public void GzipMagicFollowedByGarbageIsACsvErrorNamingTheFile()
    {
        using var files = new TempFiles();
        var path = files.WriteBytes("garbage.csv.gz", [0x1f, 0x8b, .. Encoding.ASCII.GetBytes("this is not deflate data at all")]);

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal("garbage.csv.gz" + Undecodable, error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public void AWrongChecksumIsReported()
    {
        using var files = new TempFiles();
        var bytes = TempFiles.Gzip(Table(rows: 5));
        bytes[^8] ^= 0x01;
        var path = files.WriteBytes("crc.csv.gz", bytes);

        Assert.Equal("crc.csv.gz" + Undecodable, Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path)).Message);
    }

    [Fact]
    public void CorruptDataIsBlamedOnTheFileNotOnTheRowItGarbled()
    {
        // A flipped byte in row 3 makes that row ragged long before the end of the file, where
        // the checksum shows why: the error must name the cause, not "line 4 has 2 fields".
        using var files = new TempFiles();
        var bytes = TempFiles.Gzip(Table(rows: 20_000), CompressionLevel.NoCompression);
        bytes[IndexOf(bytes, "\n2,2.5,") + 2] = (byte)';';
        var path = files.WriteBytes("flipped.csv.gz", bytes);

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal("flipped.csv.gz" + Undecodable, error.Message);
    }

    [Fact]
    public void ConcatenatedMembersLoadCompletely()
    {
        // cat a.gz b.gz, pigz and bgzip: the last trailer covers only the last member.
        using var files = new TempFiles();
        var first = TempFiles.Gzip("a,b,y\n1,2,0\n3,4,1\n");
        var second = TempFiles.Gzip("5,6,0\n");
        var path = files.WriteBytes("multi.csv.gz", [.. first, .. second]);

        using var data = CsvLoader.Load(path);

        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, data.Features.data<float>().ToArray());
        Assert.Equal(new[] { 0f, 1f, 0f }, data.Labels.data<float>().ToArray());
    }

    [Fact]
    public void ACutInTheLastOfSeveralMembersIsAnError()
    {
        using var files = new TempFiles();
        var first = TempFiles.Gzip(Table(rows: 50));
        var second = TempFiles.Gzip(Table(rows: 50, header: false, start: 50));
        var whole = first.Concat(second).ToArray();

        for (var cut = first.Length + 1; cut < whole.Length; cut += 3)
        {
            var path = files.WriteBytes($"multi-{cut.ToString(CultureInfo.InvariantCulture)}.csv.gz", whole[..cut]);

            var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

            Assert.EndsWith(" is a truncated or corrupt gzip file: the CRC-32 and length in its last 8 bytes do not match the decompressed data.", error.Message);
        }
    }

    [Fact]
    public void BytesAfterTheLastMemberAreAnError()
    {
        // GZipStream ignores them; gzip -t warns. They are not a trailer, so the file is not known to be complete.
        using var files = new TempFiles();
        var path = files.WriteBytes("trailing.csv.gz", [.. TempFiles.Gzip("x,y\n1,2\n"), 0, 0, 0, 0]);

        Assert.Equal("trailing.csv.gz" + Truncated, Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path)).Message);
    }

    private static string Table(int rows, bool header = true, int start = 0)
    {
        var text = new StringBuilder(header ? "a,b,y\n" : string.Empty);
        for (var i = start; i < start + rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{i + 0.5},{i % 2}\n");
        }

        return text.ToString();
    }

    private static int IndexOf(byte[] bytes, string text)
    {
        var index = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text));
        Assert.True(index >= 0, $"'{text}' is not stored verbatim");
        return index;
    }
}
