using System;
using System.IO;

namespace NetGen.Build.Tests.Infrastructure;

/// <summary>A fresh directory per test, removed afterwards, so tests never share a patched file.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netgen-build-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Copies <paramref name="source"/> here under its own name and returns the copy's path.</summary>
    public string Copy(string source)
    {
        var destination = System.IO.Path.Combine(Path, System.IO.Path.GetFileName(source));
        File.Copy(source, destination);
        return destination;
    }

    /// <summary>Writes a file here and returns its path.</summary>
    public string Write(string name, byte[] contents)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not turn a passing test red.
        }
    }
}
