using System;
using System.IO;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>A fresh directory per test (tests run in parallel), removed afterwards.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory() => Directory.CreateDirectory(Root);

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netgen-callbacks-" + Guid.NewGuid().ToString("N"));

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover in the temp directory is not worth failing a test for.
        }
    }
}
