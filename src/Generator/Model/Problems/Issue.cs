using System;
using System.Collections.Generic;

namespace NetGen.Model;

/// <summary>A problem found by analysis, before the parser gives it a source span.</summary>
internal sealed class Issue
{
    public Issue(ProblemKind kind, Site site, params string[] arguments)
    {
        Kind = kind;
        Site = site;
        Arguments = arguments;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();

    public ProblemKind Kind { get; }

    public Site Site { get; }

    /// <summary>Other places the problem concerns, in an order the problem kind defines (NG0121/NG0122: the recurrent layer's attribute, when its code fix applies; NG0201, NG0203, NG0204: the loss a code fix may switch).</summary>
    public IReadOnlyList<Site> AdditionalSites { get; init; } = Array.Empty<Site>();

    /// <summary>Values a code fix reads, keyed by <see cref="FixProperties"/> (NG0006: the module type the layer needs).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    /// <summary>Message arguments, already formatted with the invariant culture.</summary>
    public string[] Arguments { get; }

    /// <summary>What the problem does to the generated class.</summary>
    public ProblemEffect Effect => ProblemEffects.Of(Kind, Site);

    public override string ToString() => $"{Kind} at {Site}: {string.Join(" | ", Arguments)}";
}
