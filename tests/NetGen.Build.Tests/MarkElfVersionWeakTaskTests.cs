using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using NetGen.Build.Tests.Infrastructure;

namespace NetGen.Build.Tests;

/// <summary>The MSBuild task's decision: patch only when no system libstdc++ provides the version.</summary>
public sealed class MarkElfVersionWeakTaskTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [LinuxFact]
    public void Patches_when_the_system_library_lacks_the_version()
    {
        var library = _temp.Copy(NativeFiles.CachedLibTorchSharp);
        var bookworm = FakeLibstdcxx("bookworm", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30");

        var (succeeded, engine) = Run(library, bookworm);

        Assert.True(succeeded);
        Assert.True(ElfVersionPatcher.IsVersionWeak(library, NativeFiles.Glibcxx));
        Assert.Contains(engine.Messages, message => message.Contains("Patched", StringComparison.Ordinal) && message.Contains(library, StringComparison.Ordinal));
        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
    }

    [LinuxFact]
    public void Leaves_the_library_alone_when_the_system_provides_the_version()
    {
        var library = _temp.Copy(NativeFiles.CachedLibTorchSharp);
        var before = Bytes.Sha256(library);
        var trixie = FakeLibstdcxx("trixie", "GLIBCXX_3.4.30", "GLIBCXX_3.4.31", NativeFiles.Glibcxx, "GLIBCXX_3.4.33");

        var (succeeded, _) = Run(library, trixie);

        Assert.True(succeeded);
        Assert.Equal(before, Bytes.Sha256(library));
    }

    [LinuxFact]
    public void Uses_the_first_system_library_that_exists()
    {
        var library = _temp.Copy(NativeFiles.CachedLibTorchSharp);
        var missing = Path.Combine(_temp.Path, "missing", "libstdc++.so.6");
        var bookworm = FakeLibstdcxx("bookworm", "GLIBCXX_3.4.30");
        var trixie = FakeLibstdcxx("trixie", NativeFiles.Glibcxx);

        var (succeeded, _) = Run(library, missing, bookworm, trixie);

        Assert.True(succeeded);
        Assert.True(ElfVersionPatcher.IsVersionWeak(library, NativeFiles.Glibcxx));
    }

    [LinuxFact]
    public void Does_nothing_without_a_system_library()
    {
        // Not Linux with glibc at the usual paths (e.g. a musl container): no basis to decide.
        var library = _temp.Copy(NativeFiles.CachedLibTorchSharp);
        var before = Bytes.Sha256(library);

        var (succeeded, _) = Run(library, Path.Combine(_temp.Path, "nowhere", "libstdc++.so.6"));

        Assert.True(succeeded);
        Assert.Equal(before, Bytes.Sha256(library));
    }

    private static (bool Succeeded, RecordingBuildEngine Engine) Run(string library, params string[] systemLibraries)
    {
        var engine = new RecordingBuildEngine();
        var task = new MarkElfVersionWeak
        {
            BuildEngine = engine,
            Libraries = [new TaskItem(library)],
            Version = NativeFiles.Glibcxx,
            SystemLibraries = systemLibraries.Select(path => (ITaskItem)new TaskItem(path)).ToArray(),
        };
        return (task.Execute(), engine);
    }

    // A libstdc++ stand-in: the check only looks for NUL-terminated version names in the bytes.
    private string FakeLibstdcxx(string folder, params string[] versions)
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, folder));
        var contents = "\0" + string.Join("\0", versions) + "\0";
        return _temp.Write(Path.Combine(folder, "libstdc++.so.6"), Encoding.ASCII.GetBytes(contents));
    }
}
