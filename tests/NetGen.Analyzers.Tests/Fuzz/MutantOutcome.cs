using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// What one mutant did, reduced to text so thousands can be kept: the failures and observations,
/// a root-cause signature per failure (exception type and NetGen frame, error codes...), and the
/// diagnostics a reader needs to understand it.
/// </summary>
internal sealed record MutantOutcome(
    Mutant Mutant,
    FailureClass Failures,
    Observation Observations,
    TimeSpan Elapsed,
    ImmutableDictionary<FailureClass, string> Signatures,
    IReadOnlyList<string> Details)
{
    public bool Passed => Failures == FailureClass.None;

    /// <summary>The same outcome without its details, to keep passing mutants cheap in a long campaign.</summary>
    public MutantOutcome Compact() => this with { Details = [], Mutant = Mutant with { Text = "" } };
}
