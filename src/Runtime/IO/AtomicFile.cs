using System;
using System.IO;
using System.Threading;

namespace NetGen.IO;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same directory
/// (same file system, so the rename is atomic), is flushed to disk, then renamed over the
/// target. A crash or an error part-way leaves the previous file untouched.
/// </summary>
internal static class AtomicFile
{
    private static readonly AsyncLocal<Action<string>?> s_beforeCommit = new();

    /// <summary>
    /// Test seam: runs with the complete temporary file's path just before it replaces the
    /// target. Async-local, so a test that sets it cannot disturb saves running in parallel tests.
    /// </summary>
    internal static Action<string>? BeforeCommit
    {
        get => s_beforeCommit.Value;
        set => s_beforeCommit.Value = value;
    }

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>; on any exception the temporary file is removed and the exception rethrown.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);

        // Hidden and unique, so concurrent writers and directory listings never mistake it for a result.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);

                // Without this the rename can reach the disk before the data after a power cut.
                stream.Flush(flushToDisk: true);
            }

            BeforeCommit?.Invoke(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
            // The original exception is the one worth reporting; a stray hidden .tmp is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
