using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>A broken seed makes every mutant of it meaningless, so each seed is checked on its own first.</summary>
public sealed class SeedTests
{
    public static TheoryData<string> SeedNames()
    {
        var data = new TheoryData<string>();
        foreach (var seed in SeedCorpus.All)
        {
            data.Add(seed.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void SeedCompilesWithNoDiagnostic(string name)
    {
        var seed = SeedCorpus.All.Single(s => s.Name == name);

        var outcome = MutantRunner.Run(new Mutant("seed", seed.Name, seed.Text, []), TimeSpan.FromMinutes(1));

        // Details list every generator, analyzer and compiler diagnostic of Warning severity or
        // above (Info and Hidden analyzer diagnostics too): a seed must have none.
        Assert.True(
            outcome.Passed && outcome.Observations == Observation.None && outcome.Details.Count == 0,
            $"Seed {name} is not clean ({outcome.Failures}; {outcome.Observations}):\n  " + string.Join("\n  ", outcome.Details));
    }

    [Fact]
    public void CorpusHasTheSamplesAndTheCopiedTestNetworks()
    {
        var names = SeedCorpus.All.Select(static s => s.Name).ToList();

        Assert.Contains("samples/BreastCancer/CancerNet.cs", names);
        Assert.Contains("samples/DiabetesRegression/DiabetesNet.cs", names);
        Assert.Contains("tests/NetGen.Analyzers.Tests/Fuzz/Seeds/EveryLayerKind.cs", names);
        Assert.Contains("tests/NetGen.Analyzers.Tests/Fuzz/Seeds/GraphWhileTyping.cs", names);
        Assert.True(names.Count >= 6, "Seeds: " + string.Join(", ", names));
    }

    [Fact]
    public void GeneratorProducesCodeForEverySeed()
    {
        // A seed the generator ignores would be fuzzing plain C#.
        foreach (var seed in SeedCorpus.All)
        {
            var outcome = MutantRunner.Run(new Mutant("seed", seed.Name, seed.Text, []), TimeSpan.FromMinutes(1));
            Assert.True((outcome.Observations & Observation.NothingGenerated) == 0, $"Nothing was generated for seed {seed.Name}.");
        }
    }
}
