using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Makes mutant <c>I</c> of campaign seed <c>S</c>: picks a seed source, then applies 1 to 4
/// mutations of kinds drawn uniformly from <see cref="MutationKind"/>. Everything comes from
/// <see cref="SplitMix64.ForMutant"/>(S, I), so a mutant depends on (S, I, the seeds, this code)
/// alone and is the same whatever order or thread makes it.
/// </summary>
internal sealed class Mutator
{
    private const int MaxMutations = 4;

    /// <summary>A kind may not apply (no nameof, no collection): another is drawn, this many times at most.</summary>
    private const int AttemptsPerMutation = 8;

    private static readonly Func<MutationContext, Mutation?>[] s_kinds = CreateKinds();

    private readonly IReadOnlyList<Seed> _seeds;
    private readonly MutationVocabulary _vocabulary;

    public Mutator(IReadOnlyList<Seed> seeds, MutationVocabulary vocabulary)
    {
        _seeds = seeds;
        _vocabulary = vocabulary;
    }

    public static string MutantId(ulong campaignSeed, long index) =>
        string.Create(CultureInfo.InvariantCulture, $"{campaignSeed}-{index:D6}");

    public Mutant Create(ulong campaignSeed, long index)
    {
        var random = SplitMix64.ForMutant(campaignSeed, index);
        var seed = random.Pick(_seeds);
        var count = 1 + random.Next(MaxMutations);
        var text = seed.Text;
        var applied = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            for (var attempt = 0; attempt < AttemptsPerMutation; attempt++)
            {
                var mutation = s_kinds[random.Next(s_kinds.Length)](new MutationContext(text, random, _vocabulary));
                if (mutation is not null)
                {
                    applied.Add(mutation.Describe(text));
                    text = mutation.Apply(text);
                    break;
                }
            }
        }

        return new Mutant(MutantId(campaignSeed, index), seed.Name, text, applied);
    }

    private static Func<MutationContext, Mutation?>[] CreateKinds()
    {
        var kinds = new Func<MutationContext, Mutation?>[Enum.GetValues<MutationKind>().Length];
        kinds[(int)MutationKind.DeleteToken] = TokenMutations.DeleteToken;
        kinds[(int)MutationKind.DuplicateToken] = TokenMutations.DuplicateToken;
        kinds[(int)MutationKind.SwapTokens] = TokenMutations.SwapTokens;
        kinds[(int)MutationKind.ReplaceNumber] = TokenMutations.ReplaceNumber;
        kinds[(int)MutationKind.ReplaceString] = TokenMutations.ReplaceString;
        kinds[(int)MutationKind.ReplaceNameofTarget] = ArgumentMutations.ReplaceNameofTarget;
        kinds[(int)MutationKind.DropAttribute] = DeclarationMutations.DropAttribute;
        kinds[(int)MutationKind.AddAttribute] = DeclarationMutations.AddAttribute;
        kinds[(int)MutationKind.AddNamedArgument] = ArgumentMutations.AddNamedArgument;
        kinds[(int)MutationKind.DropPartial] = DeclarationMutations.DropPartial;
        kinds[(int)MutationKind.ChangePropertyType] = DeclarationMutations.ChangePropertyType;
        kinds[(int)MutationKind.InsertJunk] = TokenMutations.InsertJunk;
        kinds[(int)MutationKind.Truncate] = TokenMutations.Truncate;
        kinds[(int)MutationKind.RenameMember] = DeclarationMutations.RenameMember;
        kinds[(int)MutationKind.RenameType] = DeclarationMutations.RenameType;
        kinds[(int)MutationKind.AddModifier] = DeclarationMutations.AddModifier;
        kinds[(int)MutationKind.DropModifier] = DeclarationMutations.DropModifier;
        kinds[(int)MutationKind.ChangeAccessors] = DeclarationMutations.ChangeAccessors;
        kinds[(int)MutationKind.ChangeTypeKind] = DeclarationMutations.ChangeTypeKind;
        kinds[(int)MutationKind.ReplaceEnumValue] = ArgumentMutations.ReplaceEnumValue;
        kinds[(int)MutationKind.ReplaceCollection] = ArgumentMutations.ReplaceCollection;
        if (Array.IndexOf(kinds, null) is var missing and >= 0)
        {
            throw new InvalidOperationException($"Mutation kind {(MutationKind)missing} has no implementation.");
        }

        return kinds;
    }
}
