using System;
using System.IO;
using System.IO.Compression;

namespace NetGen.Runtime.Tests.Data;

/// <summary>A temporary directory for files a test writes, removed afterwards.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory = System.IO.Directory.CreateTempSubdirectory("netgen-tests-").FullName;

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteGzip(string name, string content)
    {
        var path = PathOf(name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        writer.Write(content);
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>One complete gzip member holding <paramref name="content"/> as UTF-8 without a byte-order mark.</summary>
    public static byte[] Gzip(string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(content));
        }

        return buffer.ToArray();
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
