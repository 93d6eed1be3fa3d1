using System;
using System.IO;
using System.IO.Compression;

namespace NetGen.Data;

/// <summary>
/// Decompresses a gzip file and, when the data runs out, checks that the file really ended:
/// the CRC-32 and length (ISIZE) in the file's last 8 bytes must match what was decompressed.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="GZipStream"/> checks each member's trailer when it reaches one, but treats the end
/// of the input as the end of the data: a file cut anywhere (a partial download, a full disk)
/// decompresses to a prefix of the rows with no error. Only the last 8 bytes can tell.
/// </para>
/// <para>
/// Concatenated members (<c>cat a.gz b.gz</c>, <c>pigz</c>, <c>bgzip</c>) decompress to one
/// stream, and the last trailer covers only the last member. When the whole-stream check fails
/// and the trailer's length is shorter than the data, the file is decompressed a second time to
/// check the trailer against that many final bytes. Earlier members end inside the file, where
/// <see cref="GZipStream"/> has already checked their trailers. ISIZE is the length modulo 2^32,
/// as gzip defines it; a last member of 4 GiB or more is therefore reported as corrupt.
/// </para>
/// </remarks>
internal sealed class VerifiedGzipStream : Stream
{
    /// <summary>A 10-byte header and an 8-byte trailer; real files also hold at least 2 bytes of deflate data.</summary>
    private const int MinimumLength = 18;

    private readonly string _path;
    private readonly GZipStream _gzip;
    private readonly Func<string, string, Exception?, Exception> _broken;
    private readonly uint _trailerCrc;
    private readonly uint _trailerLength;
    private uint _crc;
    private long _length;
    private bool _verified;

    private VerifiedGzipStream(string path, GZipStream gzip, uint trailerCrc, uint trailerLength, Func<string, string, Exception?, Exception> broken)
    {
        _path = path;
        _gzip = gzip;
        _broken = broken;
        _trailerCrc = trailerCrc;
        _trailerLength = trailerLength;
    }

    /// <summary>Whether this stream has already reported the file as broken (so a caller need not check again).</summary>
    public bool HasFailed { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading: decompressed and checked when it starts with the
    /// gzip magic bytes, as it is otherwise. Content decides, not the name: a <c>.gz</c> renamed
    /// (or a plain file named <c>.gz</c>) still reads.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="broken">
    /// Creates the exception for a broken gzip file from the path, the problem ("is a truncated or
    /// corrupt gzip file: ...") and the decoder's exception; <see cref="CsvFormatException"/> when null.
    /// </param>
    public static Stream OpenMaybeGzipped(string path, Func<string, string, Exception?, Exception>? broken = null)
    {
        var stream = File.OpenRead(path);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var isGzip = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            stream.Position = 0;
            return isGzip ? Open(path, stream, broken) : stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the trailer of <paramref name="file"/> (positioned anywhere) and decompresses it from the start; takes ownership of it.</summary>
    /// <exception cref="CsvFormatException">The file is too short to be a complete gzip file (or the exception <paramref name="broken"/> creates).</exception>
    public static VerifiedGzipStream Open(string path, FileStream file, Func<string, string, Exception?, Exception>? broken = null)
    {
        broken ??= static (path, problem, inner) => new CsvFormatException(path, 0, problem, inner);
        if (file.Length < MinimumLength)
        {
            throw broken(path, Problem($"{file.Length} bytes cannot hold a gzip header and trailer."), null);
        }

        Span<byte> trailer = stackalloc byte[8];
        file.Position = file.Length - 8;
        file.ReadExactly(trailer);
        file.Position = 0;
        var crc = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        return new VerifiedGzipStream(path, new GZipStream(file, CompressionMode.Decompress), crc, length, broken);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    /// <exception cref="CsvFormatException">The data cannot be decoded, or it ended and does not match the trailer.</exception>
    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _gzip.Read(buffer);
        }
        catch (InvalidDataException exception)
        {
            // .NET's message for any zlib data error is "The archive entry was compressed using an
            // unsupported compression method.", which is wrong here: keep it only as the inner exception.
            HasFailed = true;
            throw _broken(_path, Problem("its compressed data cannot be decoded."), exception);
        }

        if (read > 0)
        {
            _crc = Crc32.Append(_crc, buffer[..read]);
            _length += read;
        }
        else if (buffer.Length > 0)
        {
            Verify();
        }

        return read;
    }

    /// <summary>
    /// Reads and checks whatever is left, so that an error found in the text (a ragged last row,
    /// say) can be blamed on a broken file rather than reported as if the file were complete.
    /// </summary>
    /// <exception cref="CsvFormatException">The file is truncated or corrupt.</exception>
    public void ReadToEndAndVerify()
    {
        var scratch = new byte[81920];
        while (Read(scratch) > 0)
        {
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string Problem(string detail) => "is a truncated or corrupt gzip file: " + detail;

    private void Verify()
    {
        if (_verified)
        {
            return;
        }

        if ((uint)_length == _trailerLength && _crc == _trailerCrc)
        {
            _verified = true;
            return;
        }

        if (_trailerLength < _length && LastBytesMatchTrailer(_length - _trailerLength))
        {
            _verified = true;
            return;
        }

        HasFailed = true;
        throw _broken(_path, Problem("the CRC-32 and length in its last 8 bytes do not match the decompressed data."), null);
    }

    /// <summary>Decompresses the file again and checks the trailer against the data after the first <paramref name="skip"/> bytes.</summary>
    private bool LastBytesMatchTrailer(long skip)
    {
        try
        {
            using var gzip = new GZipStream(File.OpenRead(_path), CompressionMode.Decompress);
            var buffer = new byte[81920];
            var position = 0L;
            var crc = 0u;
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                var start = (int)Math.Clamp(skip - position, 0, read);
                crc = Crc32.Append(crc, chunk[start..]);
                position += read;
            }

            // A file replaced since the first pass cannot vouch for the data already read.
            return position == _length && crc == _trailerCrc;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
