using System.IO;
using NetGen.Build.Tests.Infrastructure;
using TorchSharp;
using static NetGen.Build.ElfVersionPatcher;

namespace NetGen.Build.Tests;

/// <summary>What the build step did to this very project's output, and that TorchSharp loads from it.</summary>
public sealed class OutputCopyTests
{
    [LinuxFact]
    public void Output_copy_is_patched_exactly_when_the_system_lacks_the_version()
    {
        Assert.True(File.Exists(NativeFiles.OutputLibTorchSharp), $"The build put no {NativeFiles.OutputLibTorchSharp}.");
        var system = Assert.IsType<string>(NativeFiles.SystemLibstdcxx);
        var expectPatched = NativeFiles.RelaxEnabled && !ProvidesVersion(system, NativeFiles.Glibcxx);

        Assert.Equal(expectPatched, IsVersionWeak(NativeFiles.OutputLibTorchSharp, NativeFiles.Glibcxx));

        var differences = Bytes.Differences(
            File.ReadAllBytes(NativeFiles.CachedLibTorchSharp),
            File.ReadAllBytes(NativeFiles.OutputLibTorchSharp));
        Assert.Equal(expectPatched ? 1 : 0, differences.Count);
    }

    [LinuxFact]
    public void Build_left_the_package_cache_unpatched()
    {
        Assert.False(IsVersionWeak(NativeFiles.CachedLibTorchSharp, NativeFiles.Glibcxx));
    }

    [LinuxFact]
    public void TorchSharp_loads_from_the_output_and_computes()
    {
        // The end-to-end proof: on Debian 12 this throws "GLIBCXX_3.4.32 not found" without the patch.
        using var scope = torch.NewDisposeScope();
        var ones = torch.ones(2, 3);
        var total = (ones * 2).sum().item<float>();

        Assert.Equal(12f, total);
    }
}
