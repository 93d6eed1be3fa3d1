using System;
using System.Runtime.InteropServices;

namespace NetGen.Training;

/// <summary>
/// Pins glibc's mmap threshold the first time a network trains, so the resident set stays flat
/// over long training instead of growing with every step.
/// </summary>
/// <remarks>
/// <para>
/// glibc serves a block above its mmap threshold (128 KiB at start) with its own <c>mmap</c> and
/// returns it to the kernel when freed. Its default threshold is dynamic: each time such a block
/// is freed, glibc raises the threshold to that block's size (up to 32 MiB). A training step
/// allocates and frees buffers of about a megabyte (batches, activations, weight gradients), so
/// after the first step they come from the heap arenas instead, whose free space fragments and
/// is rarely given back: the Autoencoder sample grew by about 1.5 MB per step. Setting the
/// threshold with <c>mallopt(M_MMAP_THRESHOLD, …)</c> turns the dynamic adjustment off, which is
/// what the environment variable <c>MALLOC_MMAP_THRESHOLD_</c> does at process start. It also
/// turns off the dynamic trim threshold, which then stays at 128 KiB: glibc would give the heap's top
/// back to the kernel after nearly every free and fault the pages in again at the next step (the
/// Forecasting sample's LSTM trained 2.6 times slower). So the trim threshold is raised to 256 MiB and
/// the heap grows 64 MiB at a time (<c>M_TRIM_THRESHOLD</c>, <c>M_TOP_PAD</c>), unless the user set them.
/// docs/benchmarks.md ("glibc's mmap threshold") has the measurements.
/// </para>
/// <para>
/// It is applied only on Linux with glibc (never on musl, Windows or macOS), at most once per
/// process, and not at all when the user set the threshold (<c>MALLOC_MMAP_THRESHOLD_</c>, or
/// <c>glibc.malloc.mmap_threshold</c> in <c>GLIBC_TUNABLES</c>) or opted out with
/// <c>NETGEN_MALLOC_TUNING=0</c>. Failing to find glibc's functions is not an error.
/// </para>
/// </remarks>
internal static class MallocTuning
{
    /// <summary>The threshold NetGen sets: glibc's own starting value, kept fixed.</summary>
    internal const int MmapThresholdBytes = 128 * 1024;

    /// <summary>The environment variable that turns the tuning off when it is <c>0</c> (or <c>false</c>, <c>off</c>).</summary>
    internal const string OptOutVariable = "NETGEN_MALLOC_TUNING";

    /// <summary>The heap-top size NetGen lets glibc keep instead of returning it to the kernel after every free (256 MiB).</summary>
    internal const int TrimThresholdBytes = 256 * 1024 * 1024;

    /// <summary>The extra room NetGen has glibc take each time the heap grows (64 MiB).</summary>
    internal const int TopPadBytes = 64 * 1024 * 1024;

    // glibc's malloc.h: #define M_TRIM_THRESHOLD -1, M_TOP_PAD -2, M_MMAP_THRESHOLD -3
    private const int TrimThresholdParameter = -1;
    private const int TopPadParameter = -2;
    private const int MmapThresholdParameter = -3;

    private static readonly object s_gate = new();
    private static MallocTuningOutcome? s_outcome;

    /// <summary>What the first training call of this process did, or null before one ran.</summary>
    internal static MallocTuningOutcome? Outcome
    {
        get
        {
            lock (s_gate)
            {
                return s_outcome;
            }
        }
    }

    /// <summary>Applies the tuning once per process; later calls return the first outcome.</summary>
    internal static MallocTuningOutcome EnsureApplied()
    {
        lock (s_gate)
        {
            return s_outcome ??= Apply(Environment.GetEnvironmentVariable, FindGlibcMallopt());
        }
    }

    /// <summary>
    /// Decides and applies the tuning with <paramref name="environment"/> as the process's
    /// environment and <paramref name="mallopt"/> as glibc's <c>mallopt</c> (null when the process
    /// does not run on glibc).
    /// </summary>
    internal static MallocTuningOutcome Apply(Func<string, string?> environment, Func<int, int, int>? mallopt)
    {
        if (environment(OptOutVariable) is { } optOut && IsOff(optOut.Trim()))
        {
            return MallocTuningOutcome.OptedOut;
        }

        if (SetByUser(environment, "MALLOC_MMAP_THRESHOLD_", "glibc.malloc.mmap_threshold"))
        {
            return MallocTuningOutcome.SetByUser;
        }

        if (mallopt is null)
        {
            return MallocTuningOutcome.NotGlibc;
        }

        // mallopt returns 1 on success and 0 on error. A fixed mmap threshold also stops glibc's dynamic trim
        // threshold, which would then return the heap's top (128 KiB and more) to the kernel after nearly every
        // free, and the next step would fault its pages in again: a recurrent network's many small steps trained
        // 2.6 times slower. Keeping 256 MiB of heap top and growing it 64 MiB at a time avoids that churn.
        var applied = mallopt(MmapThresholdParameter, MmapThresholdBytes) == 1;
        if (!SetByUser(environment, "MALLOC_TRIM_THRESHOLD_", "glibc.malloc.trim_threshold"))
        {
            applied &= mallopt(TrimThresholdParameter, TrimThresholdBytes) == 1;
        }

        if (!SetByUser(environment, "MALLOC_TOP_PAD_", "glibc.malloc.top_pad"))
        {
            applied &= mallopt(TopPadParameter, TopPadBytes) == 1;
        }

        return applied ? MallocTuningOutcome.Applied : MallocTuningOutcome.Failed;
    }

    /// <summary>Whether the user set a malloc parameter through its environment variable or a glibc tunable.</summary>
    private static bool SetByUser(Func<string, string?> environment, string variable, string tunable) =>
        environment(variable) is not null
        || environment("GLIBC_TUNABLES") is { } tunables && tunables.Contains(tunable, StringComparison.Ordinal);

    private static bool IsOff(string value) =>
        value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("off", StringComparison.OrdinalIgnoreCase);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MalloptFunction(int parameter, int value);

    /// <summary>glibc's <c>mallopt</c>, looked up in the C library, when the process runs on glibc; else null.</summary>
    internal static Func<int, int, int>? FindGlibcMallopt()
    {
        // musl (Alpine) can provide a libc.so.6 compatibility layer; its mallopt does nothing.
        if (!OperatingSystem.IsLinux() || RuntimeInformation.RuntimeIdentifier.StartsWith("linux-musl", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            // gnu_get_libc_version exists only in glibc; the handle of a loaded library stays valid.
            if (!NativeLibrary.TryLoad("libc.so.6", out var libc)
                || !NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _)
                || !NativeLibrary.TryGetExport(libc, "mallopt", out var address))
            {
                return null;
            }

            var function = Marshal.GetDelegateForFunctionPointer<MalloptFunction>(address);
            return (parameter, value) => function(parameter, value);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }
}

/// <summary>What <see cref="MallocTuning"/> did.</summary>
internal enum MallocTuningOutcome
{
    /// <summary>glibc's mmap threshold is now fixed at <see cref="MallocTuning.MmapThresholdBytes"/>, its trim threshold and top pad raised (unless the user set them).</summary>
    Applied,

    /// <summary><c>NETGEN_MALLOC_TUNING=0</c>: left alone.</summary>
    OptedOut,

    /// <summary>The user set the threshold through the environment: left alone.</summary>
    SetByUser,

    /// <summary>Not Linux with glibc (musl, Windows, macOS), or glibc's functions were not found.</summary>
    NotGlibc,

    /// <summary>glibc's <c>mallopt</c> reported an error.</summary>
    Failed,
}
