using System;
using System.Linq;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>The mutator alone (no compilation): deterministic, and every kind really fires.</summary>
public sealed class MutatorTests
{
    private static readonly Mutator s_mutator = new(SeedCorpus.All, MutationVocabulary.FromSeeds);

    [Fact]
    public void SameSeedAndIndexMakeTheSameMutant()
    {
        for (var index = 0; index < 50; index++)
        {
            var first = s_mutator.Create(7, index);
            var second = s_mutator.Create(7, index);

            Assert.Equal(first.Text, second.Text);
            Assert.Equal(first.Mutations, second.Mutations);
        }
    }

    [Fact]
    public void SplitMix64MatchesItsReferenceSequence()
    {
        // The reference implementation's outputs for state 0 (Vigna, splitmix64.c). If this
        // fails, every (seed, index) pair in a saved report names a different mutant.
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void EveryKindIsAppliedAndMostMutantsDifferFromTheirSeed()
    {
        var mutants = Enumerable.Range(0, 600).Select(static i => s_mutator.Create(3, i)).ToList();

        var applied = mutants.SelectMany(static m => m.Mutations).Select(static d => d.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var missing = Enum.GetNames<MutationKind>().Where(k => !applied.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Never applied: " + string.Join(", ", missing));
        Assert.All(mutants, static m => Assert.InRange(m.Mutations.Count, 1, 4));
        var unchanged = mutants.Count(static m => SeedCorpus.All.Any(s => s.Text == m.Text));
        Assert.True(unchanged < mutants.Count / 20, $"{unchanged} of {mutants.Count} mutants equal a seed.");
    }
}
