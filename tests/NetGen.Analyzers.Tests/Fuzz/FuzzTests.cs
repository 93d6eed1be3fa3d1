using System;
using System.Linq;
using Xunit.Abstractions;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// The invariant, over seeded mutants, the review's repros and saved failures: the generator
/// and analyzers never throw or hang, and the generated code compiles whenever the user's own
/// code does, unless an NG error at the user's code explains why (see <see cref="FailureClass"/>).
/// </summary>
public sealed class FuzzTests
{
    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// CI-sized by default (<see cref="FuzzSettings.CiMutants"/>); <c>NETGEN_FUZZ_MUTANTS=100000</c>
    /// makes it the long campaign (docs/fuzzing.md).
    /// </summary>
    [Fact]
    public void MutantsKeepTheInvariant()
    {
        var settings = FuzzSettings.FromEnvironment();
        FuzzCampaign.WarmUp(SeedCorpus.All);

        var result = FuzzCampaign.Run(settings, SeedCorpus.All, MutationVocabulary.FromSeeds);

        var summary = FuzzReport.Summary(result);
        _output.WriteLine(summary);
        if (result.Failures.Any())
        {
            Assert.Fail(summary + FuzzReport.Failures(result.Failures.ToList(), settings));
        }
    }

    public static TheoryData<string> ReproNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ReviewRepros.Sources.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReproNames))]
    public void ReviewReproKeepsTheInvariant(string name)
    {
        var outcome = MutantRunner.Run(new Mutant(name, "review repro", ReviewRepros.Sources[name], []), TimeSpan.FromSeconds(30));

        Assert.True(outcome.Passed, FuzzReport.Failures([outcome], FuzzSettings.FromEnvironment() with { Reduce = false }));
    }

    public static TheoryData<string> FoundReproNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in FoundRepros.Sources.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FoundReproNames))]
    public void FoundReproKeepsTheInvariant(string name)
    {
        var outcome = MutantRunner.Run(new Mutant(name, "found repro", FoundRepros.Sources[name], []), TimeSpan.FromSeconds(30));

        Assert.True(outcome.Passed, FuzzReport.Failures([outcome], FuzzSettings.FromEnvironment() with { Reduce = false }));
    }

    /// <summary>
    /// Replays the mutants saved by a campaign: <c>NETGEN_FUZZ_REPLAY=TestResults/fuzz/seed-11</c>
    /// (a folder or one file). Passes trivially when the variable is not set.
    /// </summary>
    [Fact]
    public void SavedMutantsKeepTheInvariant()
    {
        var settings = FuzzSettings.FromEnvironment();
        if (settings.Replay is not { } path)
        {
            _output.WriteLine("NETGEN_FUZZ_REPLAY is not set: nothing to replay.");
            return;
        }

        var outcomes = FailureArchive.Read(path).Select(m => MutantRunner.Run(m, settings.Timeout)).ToList();

        _output.WriteLine($"Replayed {outcomes.Count} mutants from {path}: {outcomes.Count(static o => !o.Passed)} fail.");
        foreach (var outcome in outcomes)
        {
            _output.WriteLine($"  {outcome.Mutant.Id}: {outcome.Failures}; {outcome.Observations}");
        }

        var failing = outcomes.Where(static o => !o.Passed).ToList();
        Assert.True(failing.Count == 0, FuzzReport.Failures(failing, settings));
    }
}
