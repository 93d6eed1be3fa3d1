using System;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Build.Tests.Infrastructure;
using static NetGen.Build.ElfVersionPatcher;

namespace NetGen.Build.Tests;

/// <summary>The check that decides whether the build patches at all.</summary>
public sealed class ProvidesVersionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [LinuxFact]
    public void System_libstdcxx_provides_the_debian_12_version()
    {
        // GCC 12's libstdc++ (Debian 12) ends at 3.4.30 and every later one keeps it, so this
        // holds on this machine and on newer ones.
        var system = Assert.IsType<string>(NativeFiles.SystemLibstdcxx);
        Assert.True(ProvidesVersion(system, NativeFiles.DebianBookwormGlibcxx));
    }

    [LinuxFact]
    public void System_libstdcxx_does_not_provide_a_version_from_the_future()
    {
        var system = Assert.IsType<string>(NativeFiles.SystemLibstdcxx);
        Assert.False(ProvidesVersion(system, "GLIBCXX_9.9.99"));
    }

    [LinuxFact]
    public void Debian_12_libstdcxx_lacks_the_version_torchsharp_needs()
    {
        // The situation the patch exists for. On a newer distribution the answer is true and the
        // build leaves the library alone (see OutputCopyTests), so only Debian 12 is asserted.
        if (!IsDebian12())
        {
            return;
        }

        var system = Assert.IsType<string>(NativeFiles.SystemLibstdcxx);
        Assert.False(ProvidesVersion(system, NativeFiles.Glibcxx));
    }

    [Fact]
    public void Version_is_found_only_as_a_whole_name()
    {
        var library = _temp.Write("libfake.so", Encoding.ASCII.GetBytes("\0GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0GLIBCXX_3.4.320\0"));

        Assert.True(ProvidesVersion(library, "GLIBCXX_3.4.30"));
        // "GLIBCXX_3.4.3" is a prefix of 3.4.30, and 3.4.32 a prefix of 3.4.320: neither is provided.
        Assert.False(ProvidesVersion(library, "GLIBCXX_3.4.3"));
        Assert.False(ProvidesVersion(library, NativeFiles.Glibcxx));
    }

    [Fact]
    public void Version_at_the_very_end_of_the_file_is_found()
    {
        var library = _temp.Write("libend.so", Encoding.ASCII.GetBytes("xx" + NativeFiles.Glibcxx + "\0"));

        Assert.True(ProvidesVersion(library, NativeFiles.Glibcxx));
    }

    [Fact]
    public void Empty_file_provides_nothing()
    {
        Assert.False(ProvidesVersion(_temp.Write("empty", []), NativeFiles.Glibcxx));
    }

    private static bool IsDebian12()
    {
        const string osRelease = "/etc/os-release";
        if (!File.Exists(osRelease))
        {
            return false;
        }

        var lines = File.ReadAllLines(osRelease);
        return lines.Contains("ID=debian") && lines.Contains("VERSION_ID=\"12\"");
    }
}
