using System;
using System.Runtime.InteropServices;

namespace NetGen.Build.Tests.Infrastructure;

/// <summary>
/// A fact that needs Linux x64: the patch only exists there, and the package only ships the
/// linux-x64 ELF these tests read. Elsewhere the test is reported as skipped rather than failed.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = "Needs Linux x64, where TorchSharp's linux-x64 native library is used.";
        }
    }
}
