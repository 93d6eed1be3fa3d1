using System;
using System.IO;

namespace NetGen.Benchmarks.Memory;

/// <summary>
/// The process's resident set as the kernel counts it (<c>/proc/self/status</c>), native
/// allocations included: what BenchmarkDotNet's MemoryDiagnoser, which sees only the managed
/// heap, cannot show about libtorch's tensors.
/// </summary>
public static class ResidentSet
{
    /// <summary>Resident set now (<c>VmRSS</c>), in KiB.</summary>
    public static long CurrentKiB() => Read("VmRSS:");

    /// <summary>Largest resident set so far (<c>VmHWM</c>), in KiB.</summary>
    public static long PeakKiB() => Read("VmHWM:");

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                // "VmRSS:	  123456 kB"
                return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {field} line; resident-set measurements need Linux.");
    }
}
