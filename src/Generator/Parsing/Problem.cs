using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NetGen.Model;

namespace NetGen.Parsing;

/// <summary>
/// One problem found in a network declaration, at the span the user should look at.
/// </summary>
/// <remarks>
/// Problems hold a Roslyn <see cref="Location"/> and are consumed only by the analyzer, which
/// reports them; the generator never caches them (see <see cref="NetworkSpec"/>).
/// </remarks>
internal sealed class Problem
{
    public Problem(ProblemKind kind, Location location, params string[] arguments)
    {
        Kind = kind;
        Location = location;
        Arguments = ImmutableArray.Create(arguments);
    }

    public ProblemKind Kind { get; }

    /// <summary>Other places the problem concerns (<see cref="Issue.AdditionalSites"/>), reported as the diagnostic's additional locations.</summary>
    public ImmutableArray<Location> AdditionalLocations { get; init; } = ImmutableArray<Location>.Empty;

    public Location Location { get; }

    /// <summary>Values a code fix reads (<see cref="Issue.Properties"/>), reported as the diagnostic's properties.</summary>
    public ImmutableDictionary<string, string?> Properties { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>Message arguments, already formatted with the invariant culture.</summary>
    public ImmutableArray<string> Arguments { get; }

    public override string ToString() => $"{Kind} at {Location}: {string.Join(" | ", Arguments)}";
}
