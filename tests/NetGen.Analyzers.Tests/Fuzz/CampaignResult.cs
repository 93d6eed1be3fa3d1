using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>The outcome of a campaign: one entry per mutant, in index order.</summary>
internal sealed record CampaignResult(FuzzSettings Settings, int SeedCount, IReadOnlyList<MutantOutcome> Outcomes, TimeSpan Elapsed, string? SavedTo)
{
    public IEnumerable<MutantOutcome> Failures => Outcomes.Where(static o => !o.Passed);
}
