using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetGen.IO;
using NetGen.Runtime.Tests.Data;
using NetGen.Runtime.Tests.Infrastructure;

namespace NetGen.Runtime.Tests.IO;

/// <summary>Temporary files left by interrupted saves are removed by the next save to the same target, and only those.</summary>
public sealed class AtomicFileCleanupTests
{
    private const string Guid1 = "0123456789abcdef0123456789abcdef";
    private const string Guid2 = "fedcba9876543210fedcba9876543210";

    [Theory]
    [InlineData("m.safetensors")]
    [InlineData("m.dat")]
    public void TheNextSaveRemovesStaleTemporariesOfItsTarget(string name)
    {
        using var files = new TempFiles();
        using var model = new NormalizedNet();
        var stale1 = Stale(files, $".{name}.{Guid1}.tmp");
        var stale2 = Stale(files, $".{name}.{Guid2}.tmp");

        model.SaveWeights(files.PathOf(name));

        Assert.False(File.Exists(stale1));
        Assert.False(File.Exists(stale2));
        Assert.Equal([name], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
        using var reloaded = new NormalizedNet();
        reloaded.LoadWeights(files.PathOf(name));
        Assert.True(WeightFiles.SameState(model, reloaded));
    }

    [Fact]
    public void OnlyOldUnusedFilesNamedExactlyAsOurTemporariesOfThisTargetAreRemoved()
    {
        using var files = new TempFiles();
        string[] kept =
        [
            Stale(files, $".other.bin.{Guid1}.tmp"),        // another target's
            Stale(files, $".m.bin.old.{Guid1}.tmp"),        // the target "m.bin.old"'s
            Stale(files, $".m.bin.{Guid1[..31]}.tmp"),      // 31 digits
            Stale(files, $".m.bin.{Guid1.ToUpperInvariant()}.tmp"), // not as Guid.ToString("N") writes it
            Stale(files, $".m.bin.{Guid1[..31]}g.tmp"),     // not hexadecimal
            Stale(files, $"m.bin.{Guid1}.tmp"),             // not hidden
            Stale(files, $".m.bin.{Guid1}.temp"),           // another suffix
            files.Write($".m.bin.{Guid2}.tmp", "written just now: maybe a concurrent save about to rename it"),
        ];
        var removed = Stale(files, $".m.bin.{Guid1}.tmp");

        AtomicFile.Write(files.PathOf("m.bin"), static stream => stream.WriteByte(1));

        Assert.False(File.Exists(removed));
        Assert.All(kept, static path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void AnOldTemporaryStillOpenInAWriterIsKept()
    {
        // A concurrent save that has been writing for longer than StaleAfter holds its file exclusively.
        using var files = new TempFiles();
        var busy = Stale(files, $".m.bin.{Guid1}.tmp");
        using (var writer = new FileStream(busy, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            AtomicFile.Write(files.PathOf("m.bin"), static stream => stream.WriteByte(1));

            Assert.True(File.Exists(busy));
            writer.WriteByte(2);
        }

        AtomicFile.Write(files.PathOf("m.bin"), static stream => stream.WriteByte(3));

        // Written to a moment ago, it is no longer stale either.
        Assert.True(File.Exists(busy));
    }

    [Fact]
    public void ConcurrentSavesToOneTargetAllSucceedAndLeaveOneCompleteFile()
    {
        using var files = new TempFiles();
        var path = files.PathOf("checkpoint.bin");
        var stale = Stale(files, $".checkpoint.bin.{Guid1}.tmp");

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, writer =>
        {
            var content = Enumerable.Repeat((byte)writer, 64 * 1024).ToArray();
            for (var i = 0; i < 25; i++)
            {
                AtomicFile.Write(path, stream => stream.Write(content));
            }
        });

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(64 * 1024, bytes.Length);
        Assert.All(bytes, b => Assert.Equal(bytes[0], b));
        Assert.False(File.Exists(stale));
        Assert.Equal(["checkpoint.bin"], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void SavingOverADirectoryIsAClearErrorThatWritesNothing()
    {
        using var files = new TempFiles();
        var path = Directory.CreateDirectory(files.PathOf("m.safetensors")).FullName;
        using var model = new NormalizedNet();

        var error = Assert.Throws<IOException>(() => model.SaveWeights(path));

        Assert.Equal($"Cannot write '{path}': it is a directory.", error.Message);
        Assert.Empty(Directory.GetFiles(files.Directory));
    }

    [Theory]
    [InlineData(".m.bin.0123456789abcdef0123456789abcdef.tmp", "m.bin", true)]
    [InlineData(".m.bin.0123456789abcdef0123456789abcdef.tmp", "m", false)]
    [InlineData(".m.bin.0123456789abcdef0123456789abcdef.tmp", "m.bi", false)]
    [InlineData("..m.bin.0123456789abcdef0123456789abcdef.tmp", ".m.bin", true)]
    [InlineData(".m.bin.0123456789abcdef0123456789abcdef.tmp", "M.bin", false)]
    public void TheNamingPattern(string fileName, string target, bool ours)
    {
        Assert.Equal(ours, AtomicFile.IsTemporaryOf(fileName, target));
    }

    /// <summary>A full-size leftover of a save killed more than <see cref="AtomicFile.StaleAfter"/> ago.</summary>
    private static string Stale(TempFiles files, string name)
    {
        var path = files.PathOf(name);
        File.WriteAllBytes(path, new byte[4096]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(5));
        return path;
    }
}
