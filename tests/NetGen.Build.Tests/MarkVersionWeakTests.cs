using System;
using System.IO;
using System.Runtime.InteropServices;
using NetGen.Build.Tests.Infrastructure;
using static NetGen.Build.ElfVersionPatcher;

namespace NetGen.Build.Tests;

/// <summary>The byte-level patch, on a copy of the real TorchSharp library.</summary>
public sealed class MarkVersionWeakTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [LinuxFact]
    public void Package_copy_needs_the_version_strongly()
    {
        // The premise of the whole build step: if TorchSharp ever ships a weak or no need, the
        // patch and these tests are obsolete.
        Assert.False(IsVersionWeak(NativeFiles.CachedLibTorchSharp, NativeFiles.Glibcxx));
    }

    [LinuxFact]
    public void Patch_makes_the_need_weak_and_changes_only_its_flag_byte()
    {
        var cacheHash = Bytes.Sha256(NativeFiles.CachedLibTorchSharp);
        var cacheWritten = File.GetLastWriteTimeUtc(NativeFiles.CachedLibTorchSharp);
        var copy = _temp.Copy(NativeFiles.CachedLibTorchSharp);
        var before = File.ReadAllBytes(copy);
        Assert.False(IsVersionWeak(copy, NativeFiles.Glibcxx));

        Assert.Equal(Outcome.Patched, MarkVersionWeak(copy, NativeFiles.Glibcxx));

        Assert.True(IsVersionWeak(copy, NativeFiles.Glibcxx));
        var after = File.ReadAllBytes(copy);
        var offset = Assert.Single(Bytes.Differences(before, after));
        // VER_FLG_WEAK is bit 0x2 of vna_flags; nothing else in that byte may move.
        Assert.Equal(0, before[offset] & 0x2);
        Assert.Equal(before[offset] | 0x2, after[offset]);

        Assert.Equal(cacheHash, Bytes.Sha256(NativeFiles.CachedLibTorchSharp));
        Assert.Equal(cacheWritten, File.GetLastWriteTimeUtc(NativeFiles.CachedLibTorchSharp));
        Assert.False(IsVersionWeak(NativeFiles.CachedLibTorchSharp, NativeFiles.Glibcxx));
    }

    [LinuxFact]
    public void Second_run_reports_already_weak_and_leaves_the_file_alone()
    {
        var copy = _temp.Copy(NativeFiles.CachedLibTorchSharp);
        Assert.Equal(Outcome.Patched, MarkVersionWeak(copy, NativeFiles.Glibcxx));
        var patched = File.ReadAllBytes(copy);
        var written = File.GetLastWriteTimeUtc(copy);

        Assert.Equal(Outcome.AlreadyWeak, MarkVersionWeak(copy, NativeFiles.Glibcxx));

        Assert.Equal(patched, File.ReadAllBytes(copy));
        // Incremental builds rely on this: rewriting would make the file newer than its source.
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    [LinuxFact]
    public void Patching_a_hard_link_leaves_the_other_name_untouched()
    {
        // MSBuild may hard-link output files to their source (CreateHardLinksForCopyFilesToOutputDirectoryIfPossible);
        // writing in place would then patch the package cache through the link.
        var original = _temp.Copy(NativeFiles.CachedLibTorchSharp);
        var linked = Path.Combine(_temp.Path, "linked.so");
        Assert.Equal(0, HardLink(original, linked));
        var originalHash = Bytes.Sha256(original);

        Assert.Equal(Outcome.Patched, MarkVersionWeak(linked, NativeFiles.Glibcxx));

        Assert.True(IsVersionWeak(linked, NativeFiles.Glibcxx));
        Assert.Equal(originalHash, Bytes.Sha256(original));
        Assert.False(IsVersionWeak(original, NativeFiles.Glibcxx));
    }

    [LinuxFact]
    public void Elf_without_the_need_is_not_required_and_not_written()
    {
        // A copy, so that a bug could never touch the system's own binary.
        var copy = _temp.Copy(NativeFiles.ElfWithoutGlibcxxNeed);
        var before = File.ReadAllBytes(copy);
        var written = File.GetLastWriteTimeUtc(copy);

        Assert.Equal(Outcome.NotRequired, MarkVersionWeak(copy, NativeFiles.Glibcxx));

        Assert.False(IsVersionWeak(copy, NativeFiles.Glibcxx));
        Assert.Equal(before, File.ReadAllBytes(copy));
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    [LinuxFact]
    public void Version_the_library_does_not_need_is_not_required()
    {
        // A near miss of the real name must not match a prefix or suffix of it.
        var copy = _temp.Copy(NativeFiles.CachedLibTorchSharp);
        var before = File.ReadAllBytes(copy);

        Assert.Equal(Outcome.NotRequired, MarkVersionWeak(copy, "GLIBCXX_3.4.3"));
        Assert.Equal(Outcome.NotRequired, MarkVersionWeak(copy, "GLIBCXX_3.4.321"));

        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Text_file_is_rejected_with_a_message_naming_it()
    {
        var path = _temp.Write("notes.txt", "this is not a shared library\n"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => MarkVersionWeak(path, NativeFiles.Glibcxx));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not an ELF file", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => IsVersionWeak(path, NativeFiles.Glibcxx));
    }

    [Fact]
    public void Empty_file_is_rejected_as_not_elf()
    {
        var path = _temp.Write("empty.so", []);

        var error = Assert.Throws<InvalidDataException>(() => MarkVersionWeak(path, NativeFiles.Glibcxx));

        Assert.Contains("not an ELF file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thirty_two_bit_elf_is_rejected_with_its_reason()
    {
        // ELF magic, ELFCLASS32, little-endian: a real ELF the patcher does not parse.
        var header = new byte[64];
        header[0] = 0x7f;
        header[1] = (byte)'E';
        header[2] = (byte)'L';
        header[3] = (byte)'F';
        header[4] = 1;
        header[5] = 1;
        var path = _temp.Write("lib32.so", header);

        var error = Assert.Throws<InvalidDataException>(() => MarkVersionWeak(path, NativeFiles.Glibcxx));

        Assert.Contains("64-bit little-endian", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_elf_is_rejected_as_malformed()
    {
        // A real 64-bit ELF header whose section table lies past the end of the file.
        var header = File.ReadAllBytes("/bin/ls").AsSpan(0, 64).ToArray();
        var path = _temp.Write("truncated.so", header);

        var error = Assert.Throws<InvalidDataException>(() => MarkVersionWeak(path, NativeFiles.Glibcxx));

        Assert.Contains("truncated or malformed ELF file", error.Message, StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int HardLink(string existing, string created);
}
