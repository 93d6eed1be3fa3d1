using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// glibc's mmap threshold, pinned at the first Fit unless the user set it or opted out. The
/// decision is tested with a fake environment and a fake <c>mallopt</c>; the last tests check that
/// a real Fit on this machine applied it.
/// </summary>
// Fit seeds the process-wide generator and sets libtorch's thread count.
[Collection(ProcessWideState.Name)]
public sealed class MallocTuningTests
{
    private const int MmapThresholdParameter = -3;
    private const int TrimThresholdParameter = -1;
    private const int TopPadParameter = -2;

    private static readonly string[] s_variables = ["NETGEN_MALLOC_TUNING", "MALLOC_MMAP_THRESHOLD_", "GLIBC_TUNABLES"];

    [Fact]
    public void PinsTheMmapThresholdAt128KiBAndRaisesTheTrimThresholdAndTopPadWhenNothingIsSet()
    {
        var calls = new List<(int, int)>();

        var outcome = MallocTuning.Apply(Environment(), Mallopt(calls, result: 1));

        Assert.Equal(MallocTuningOutcome.Applied, outcome);
        Assert.Equal([(MmapThresholdParameter, 131072), (TrimThresholdParameter, 256 * 1024 * 1024), (TopPadParameter, 64 * 1024 * 1024)], calls);
    }

    [Theory]
    [InlineData("MALLOC_TRIM_THRESHOLD_", "1048576", TopPadParameter)]
    [InlineData("MALLOC_TOP_PAD_", "0", TrimThresholdParameter)]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1048576", TopPadParameter)]
    public void KeepsATrimThresholdOrTopPadTheUserSet(string variable, string value, int stillSet)
    {
        var calls = new List<(int, int)>();

        var outcome = MallocTuning.Apply(Environment((variable, value)), Mallopt(calls, result: 1));

        Assert.Equal(MallocTuningOutcome.Applied, outcome);
        Assert.Equal([MmapThresholdParameter, stillSet], calls.ConvertAll(static call => call.Item1));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData(" OFF ")]
    public void LeavesTheAllocatorAloneWhenTheUserOptsOut(string value)
    {
        var calls = new List<(int, int)>();

        var outcome = MallocTuning.Apply(Environment(("NETGEN_MALLOC_TUNING", value)), Mallopt(calls, result: 1));

        Assert.Equal(MallocTuningOutcome.OptedOut, outcome);
        Assert.Empty(calls);
    }

    [Fact]
    public void AnyOtherValueOfTheSwitchKeepsTheTuning()
    {
        var calls = new List<(int, int)>();

        var outcome = MallocTuning.Apply(Environment(("NETGEN_MALLOC_TUNING", "1")), Mallopt(calls, result: 1));

        Assert.Equal(MallocTuningOutcome.Applied, outcome);
        Assert.Equal(3, calls.Count);
    }

    [Theory]
    [InlineData("MALLOC_MMAP_THRESHOLD_", "65536")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=65536")]
    public void KeepsTheUsersOwnThreshold(string variable, string value)
    {
        var calls = new List<(int, int)>();

        var outcome = MallocTuning.Apply(Environment((variable, value)), Mallopt(calls, result: 1));

        Assert.Equal(MallocTuningOutcome.SetByUser, outcome);
        Assert.Empty(calls);
    }

    [Fact]
    public void OtherTunablesDoNotStopIt()
    {
        var calls = new List<(int, int)>();

        var outcome = MallocTuning.Apply(Environment(("GLIBC_TUNABLES", "glibc.malloc.arena_max=2")), Mallopt(calls, result: 1));

        Assert.Equal(MallocTuningOutcome.Applied, outcome);
        Assert.Equal(3, calls.Count);
    }

    [Fact]
    public void WithoutGlibcNothingIsCalled() =>
        Assert.Equal(MallocTuningOutcome.NotGlibc, MallocTuning.Apply(Environment(), mallopt: null));

    [Fact]
    public void AnErrorFromMalloptIsReportedNotThrown() =>
        Assert.Equal(MallocTuningOutcome.Failed, MallocTuning.Apply(Environment(), Mallopt([], result: 0)));

    [Fact]
    public void FindsMalloptExactlyOnGlibc()
    {
        var mallopt = MallocTuning.FindGlibcMallopt();

        if (RunsOnGlibc())
        {
            // Setting glibc's own starting value again succeeds; this is what Fit does.
            Assert.NotNull(mallopt);
            Assert.Equal(1, mallopt(MmapThresholdParameter, MallocTuning.MmapThresholdBytes));
        }
        else
        {
            Assert.Null(mallopt);
        }
    }

    [Fact]
    public void FitAppliesItOnceForTheProcess()
    {
        var (x, y) = ToyData.Separable(16, seed: 171);
        using var model = new TinyNet();

        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);
        var first = MallocTuning.Outcome;
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);

        Assert.NotNull(first);
        Assert.Equal(first, MallocTuning.Outcome);
        Assert.Equal(first, MallocTuning.EnsureApplied());
        var userSetSomething = Array.Exists(s_variables, static v => System.Environment.GetEnvironmentVariable(v) is not null);
        if (RunsOnGlibc() && !userSetSomething)
        {
            Assert.Equal(MallocTuningOutcome.Applied, first);
        }
    }

    private static bool RunsOnGlibc() =>
        OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.StartsWith("linux-musl", StringComparison.Ordinal);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in variables)
        {
            values[name] = value;
        }

        return name => values.GetValueOrDefault(name);
    }

    private static Func<int, int, int> Mallopt(List<(int, int)> calls, int result) =>
        (parameter, value) =>
        {
            calls.Add((parameter, value));
            return result;
        };
}
