using System;
using System.IO;

namespace NetGen.Runtime.Tests.Data;

/// <summary>A temporary directory for files a test writes, removed afterwards.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory = System.IO.Directory.CreateTempSubdirectory("netgen-tests-").FullName;

    public string Directory { get; }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
