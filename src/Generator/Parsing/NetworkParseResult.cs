using System.Collections.Immutable;
using NetGen.Model;

namespace NetGen.Parsing;

/// <summary>What parsing one <c>[Network]</c> class produced.</summary>
internal sealed class NetworkParseResult
{
    public NetworkParseResult(NetworkSpec? spec, ImmutableArray<Problem> problems)
    {
        Spec = spec;
        Problems = problems;
    }

    /// <summary>The spec to emit from, or null when nothing can be emitted (the class is not partial).</summary>
    public NetworkSpec? Spec { get; }

    /// <summary>Problems to report, with their source spans.</summary>
    public ImmutableArray<Problem> Problems { get; }
}
