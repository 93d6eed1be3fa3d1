using System;
using System.IO;
using System.Threading;

namespace NetGen.IO;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same directory
/// (same file system, so the rename is atomic), is flushed to disk, then renamed over the
/// target. A crash or an error part-way leaves the previous file untouched.
/// </summary>
/// <remarks>
/// <para>
/// A process killed between creating the temporary file and the rename leaves it behind, often
/// full-size (the kill tends to land during the flush). So each write first removes the
/// leftovers of earlier writes to the same target: hidden files named exactly as this class
/// names them (<c>.{target}.{32 hex digits}.tmp</c>), last written more than
/// <see cref="StaleAfter"/> ago, and not open in a writer.
/// </para>
/// <para>
/// Two processes (or threads) saving the same checkpoint at once each write their own
/// temporary file, and the last rename wins, whole. Neither removes the other's: a writer holds
/// its temporary file open with <see cref="FileShare.None"/> until it is complete, which makes
/// the cleaner's exclusive open fail (a sharing violation on Windows, .NET's advisory
/// <c>flock</c> on Unix); the age covers the moments when the file is not yet, or no longer,
/// locked (just created, or closed and about to be renamed), and systems where .NET's file
/// locking is off (<c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>). Cleanup is best effort: a
/// leftover that cannot be removed is left, and never makes the save fail.
/// </para>
/// </remarks>
internal static class AtomicFile
{
    /// <summary>How long a temporary file must have gone unwritten before another write to its target may remove it.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private const string Suffix = ".tmp";
    private const int GuidDigits = 32;

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
    /// <exception cref="IOException"><paramref name="path"/> is a directory, or the file system failed.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"Cannot write '{path}': it is a directory.");
        }

        var directory = Path.GetDirectoryName(full)!;
        var target = Path.GetFileName(full);
        Directory.CreateDirectory(directory);
        RemoveStaleTemporaries(directory, target);

        // Hidden and unique, so concurrent writers and directory listings never mistake it for a result.
        var temporary = Path.Combine(directory, $".{target}.{Guid.NewGuid():N}{Suffix}");
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

    /// <summary>Whether <paramref name="fileName"/> is the name <see cref="Write"/> gives a temporary file for <paramref name="target"/>.</summary>
    internal static bool IsTemporaryOf(string fileName, string target)
    {
        var prefixLength = target.Length + 2;
        if (fileName.Length != prefixLength + GuidDigits + Suffix.Length
            || fileName[0] != '.'
            || !fileName.AsSpan(1).StartsWith(target, StringComparison.Ordinal)
            || fileName[prefixLength - 1] != '.'
            || !fileName.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in fileName.AsSpan(prefixLength, GuidDigits))
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void RemoveStaleTemporaries(string directory, string target)
    {
        try
        {
            foreach (var candidate in Directory.EnumerateFiles(directory, ".*" + Suffix))
            {
                if (IsTemporaryOf(Path.GetFileName(candidate), target)
                    && DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) > StaleAfter)
                {
                    TryDeleteUnused(candidate);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The save matters; the cleanup can wait for the next one.
        }
    }

    /// <summary>Deletes <paramref name="candidate"/> only if nobody has it open: the exclusive open fails while a writer holds it.</summary>
    private static void TryDeleteUnused(string candidate)
    {
        try
        {
            using var unused = new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // In use by a concurrent writer, already gone, or not ours to delete.
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
            // The original exception is the one worth reporting; a stray hidden .tmp is removed by the next save.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
