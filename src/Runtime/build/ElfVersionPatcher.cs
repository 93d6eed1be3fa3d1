// Compiled twice: by MSBuild's RoslynCodeTaskFactory for NetGen.NativeLoading.targets, and by
// tests/NetGen.Build.Tests. Keep it dependency-free apart from MSBuild's task API.
#nullable enable
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace NetGen.Build
{
    /// <summary>
    /// Marks one version requirement of an ELF shared object weak (VER_FLG_WEAK), so the dynamic
    /// loader warns instead of refusing to load when the system library lacks that version.
    /// </summary>
    /// <remarks>
    /// TorchSharp 0.107.0's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13) only for
    /// <c>std::ios_base_library_init</c>, a link-time marker that is never bound, so a weak
    /// requirement is safe on systems whose libstdc++ stops at 3.4.30 (Debian 12, Ubuntu 22.04).
    /// </remarks>
    public static class ElfVersionPatcher
    {
        private const uint SectionTypeGnuVersionNeed = 0x6ffffffe;
        private const ushort VersionFlagWeak = 0x2;

        /// <summary>Result of <see cref="MarkVersionWeak"/>.</summary>
        public enum Outcome
        {
            /// <summary>The requirement was strong and is now weak.</summary>
            Patched,
            /// <summary>The requirement was already weak; the file was not written.</summary>
            AlreadyWeak,
            /// <summary>The file does not require that version; the file was not written.</summary>
            NotRequired,
        }

        /// <summary>
        /// Makes the requirement on <paramref name="version"/> weak. The file is replaced through a
        /// temporary file, so a hard link into a package cache is never written through.
        /// </summary>
        public static Outcome MarkVersionWeak(string path, string version)
        {
            var bytes = File.ReadAllBytes(path);
            var entry = FindVersionNeedAuxiliary(bytes, version, path);
            if (entry < 0)
            {
                return Outcome.NotRequired;
            }

            var flags = BitConverter.ToUInt16(bytes, entry + 4);
            if ((flags & VersionFlagWeak) != 0)
            {
                return Outcome.AlreadyWeak;
            }

            flags |= VersionFlagWeak;
            bytes[entry + 4] = (byte)(flags & 0xff);
            bytes[entry + 5] = (byte)(flags >> 8);

            var temporary = path + ".netgen-tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Delete(path);
            File.Move(temporary, path);
            return Outcome.Patched;
        }

        /// <summary>
        /// True when <paramref name="path"/> requires <paramref name="version"/> and the requirement is weak.
        /// </summary>
        public static bool IsVersionWeak(string path, string version)
        {
            var bytes = File.ReadAllBytes(path);
            var entry = FindVersionNeedAuxiliary(bytes, version, path);
            return entry >= 0 && (BitConverter.ToUInt16(bytes, entry + 4) & VersionFlagWeak) != 0;
        }

        /// <summary>True when the file's bytes contain the version name (a libstdc++ defines the versions it provides).</summary>
        public static bool ProvidesVersion(string libraryPath, string version)
        {
            var needle = Encoding.ASCII.GetBytes(version + "\0");
            var haystack = File.ReadAllBytes(libraryPath);
            for (var i = 0; i <= haystack.Length - needle.Length; i++)
            {
                var match = true;
                for (var j = 0; j < needle.Length && match; j++)
                {
                    match = haystack[i + j] == needle[j];
                }

                if (match)
                {
                    return true;
                }
            }

            return false;
        }

        // Returns the offset of the Elf64_Vernaux entry naming the version, or -1.
        private static int FindVersionNeedAuxiliary(byte[] bytes, string version, string path)
        {
            try
            {
                return FindVersionNeedAuxiliaryUnchecked(bytes, version, path);
            }
            catch (Exception exception) when (exception is ArgumentException or IndexOutOfRangeException or OverflowException)
            {
                // Offsets that point past the end: a truncated or corrupt file, not a bug here.
                throw new InvalidDataException($"'{path}' is a truncated or malformed ELF file.", exception);
            }
        }

        private static int FindVersionNeedAuxiliaryUnchecked(byte[] bytes, string version, string path)
        {
            if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            {
                throw new InvalidDataException($"'{path}' is not an ELF file.");
            }

            if (bytes[4] != 2 || bytes[5] != 1)
            {
                throw new InvalidDataException($"'{path}' is not a 64-bit little-endian ELF file.");
            }

            var sectionTableOffset = checked((int)BitConverter.ToUInt64(bytes, 0x28));
            var sectionEntrySize = BitConverter.ToUInt16(bytes, 0x3A);
            var sectionCount = BitConverter.ToUInt16(bytes, 0x3C);
            for (var section = 0; section < sectionCount; section++)
            {
                var header = sectionTableOffset + (section * sectionEntrySize);
                if (BitConverter.ToUInt32(bytes, header + 4) != SectionTypeGnuVersionNeed)
                {
                    continue;
                }

                var tableOffset = checked((int)BitConverter.ToUInt64(bytes, header + 0x18));
                var linkedStrings = BitConverter.ToUInt32(bytes, header + 0x28);
                var stringsHeader = sectionTableOffset + ((int)linkedStrings * sectionEntrySize);
                var stringsOffset = checked((int)BitConverter.ToUInt64(bytes, stringsHeader + 0x18));

                var need = tableOffset;
                while (true)
                {
                    var auxiliaryCount = BitConverter.ToUInt16(bytes, need + 2);
                    var auxiliary = need + (int)BitConverter.ToUInt32(bytes, need + 8);
                    for (var i = 0; i < auxiliaryCount; i++)
                    {
                        var nameOffset = stringsOffset + (int)BitConverter.ToUInt32(bytes, auxiliary + 8);
                        if (ReadString(bytes, nameOffset) == version)
                        {
                            return auxiliary;
                        }

                        var nextAuxiliary = BitConverter.ToUInt32(bytes, auxiliary + 12);
                        if (nextAuxiliary == 0)
                        {
                            break;
                        }

                        auxiliary += (int)nextAuxiliary;
                    }

                    var nextNeed = BitConverter.ToUInt32(bytes, need + 12);
                    if (nextNeed == 0)
                    {
                        break;
                    }

                    need += (int)nextNeed;
                }
            }

            return -1;
        }

        private static string ReadString(byte[] bytes, int offset)
        {
            var end = offset;
            while (end < bytes.Length && bytes[end] != 0)
            {
                end++;
            }

            return Encoding.ASCII.GetString(bytes, offset, end - offset);
        }
    }

    /// <summary>
    /// MSBuild task: for each library given, marks <see cref="Version"/> weak when no system
    /// libstdc++ provides it. Does nothing elsewhere (Windows, macOS, newer Linux).
    /// </summary>
    public sealed class MarkElfVersionWeak : Task
    {
        /// <summary>The copies in the output folder to patch (never the package cache).</summary>
        [Required]
        public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The version requirement to relax, e.g. GLIBCXX_3.4.32.</summary>
        [Required]
        public string Version { get; set; } = string.Empty;

        /// <summary>Candidate system libstdc++ files; the first that exists is checked.</summary>
        [Required]
        public ITaskItem[] SystemLibraries { get; set; } = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        public override bool Execute()
        {
            string? system = null;
            foreach (var candidate in SystemLibraries)
            {
                if (File.Exists(candidate.ItemSpec))
                {
                    system = candidate.ItemSpec;
                    break;
                }
            }

            if (system is null)
            {
                Log.LogMessage(MessageImportance.Low, "NetGen: no system libstdc++ found; native libraries left as they are.");
                return true;
            }

            if (ElfVersionPatcher.ProvidesVersion(system, Version))
            {
                Log.LogMessage(MessageImportance.Low, $"NetGen: {system} provides {Version}; nothing to patch.");
                return true;
            }

            foreach (var library in Libraries)
            {
                var outcome = ElfVersionPatcher.MarkVersionWeak(library.ItemSpec, Version);
                Log.LogMessage(MessageImportance.Normal, $"NetGen: {library.ItemSpec}: {Version} {outcome} (system {system} lacks it).");
            }

            return true;
        }
    }
}
