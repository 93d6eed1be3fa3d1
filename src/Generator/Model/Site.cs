using System;

namespace NetGen.Model;

/// <summary>Where in the declaration a problem belongs; the parser turns a site into a source span.</summary>
internal enum SiteKind
{
    /// <summary>The network class's identifier.</summary>
    NetworkName,
    /// <summary>The <c>[Input(...)]</c> attribute.</summary>
    InputAttribute,
    /// <summary>A named argument of <c>[Network(...)]</c> (Loss, Metrics, LearningRate, Optimizer).</summary>
    NetworkArgument,
    /// <summary>The <c>[Optimizer(...)]</c> attribute.</summary>
    OptimizerAttribute,
    /// <summary>A named argument of <c>[Optimizer(...)]</c>.</summary>
    OptimizerArgument,
    /// <summary>A layer member's identifier.</summary>
    LayerMember,
    /// <summary>A layer property's type.</summary>
    LayerType,
    /// <summary>A layer's attribute.</summary>
    LayerAttribute,
    /// <summary>One argument of a layer's attribute, by parameter or property name.</summary>
    LayerArgument,
    /// <summary>The i-th layer name given to a merge layer.</summary>
    LayerInputArgument,
}

/// <summary>
/// A position in the declaration, free of Roslyn types so that analysis stays plain C#.
/// </summary>
internal readonly struct Site : IEquatable<Site>
{
    private Site(SiteKind kind, int layer, string? argument, int index)
    {
        Kind = kind;
        Layer = layer;
        Argument = argument;
        Index = index;
    }

    public SiteKind Kind { get; }

    /// <summary>Declaration index of the layer, or -1.</summary>
    public int Layer { get; }

    /// <summary>Argument name (parameter or property), or null.</summary>
    public string? Argument { get; }

    /// <summary>Element index for <see cref="SiteKind.LayerInputArgument"/>.</summary>
    public int Index { get; }

    public static Site NetworkName => new(SiteKind.NetworkName, -1, null, 0);

    public static Site InputAttribute => new(SiteKind.InputAttribute, -1, null, 0);

    public static Site OptimizerAttribute => new(SiteKind.OptimizerAttribute, -1, null, 0);

    public static Site NetworkArgument(string name) => new(SiteKind.NetworkArgument, -1, name, 0);

    public static Site OptimizerArgument(string name) => new(SiteKind.OptimizerArgument, -1, name, 0);

    public static Site LayerMember(int layer) => new(SiteKind.LayerMember, layer, null, 0);

    public static Site LayerType(int layer) => new(SiteKind.LayerType, layer, null, 0);

    public static Site LayerAttribute(int layer) => new(SiteKind.LayerAttribute, layer, null, 0);

    public static Site LayerArgument(int layer, string argument) => new(SiteKind.LayerArgument, layer, argument, 0);

    public static Site LayerInputArgument(int layer, int index) => new(SiteKind.LayerInputArgument, layer, null, index);

    public bool Equals(Site other) =>
        Kind == other.Kind && Layer == other.Layer && Argument == other.Argument && Index == other.Index;

    public override bool Equals(object? obj) => obj is Site other && Equals(other);

    public override int GetHashCode() => unchecked((((int)Kind * 397) ^ Layer) * 397 ^ Index);

    public override string ToString() => $"{Kind}({Layer}, {Argument}, {Index})";
}

/// <summary>A problem found by analysis, before the parser gives it a source span.</summary>
internal sealed class Issue
{
    public Issue(ProblemKind kind, Site site, params string[] arguments)
    {
        Kind = kind;
        Site = site;
        Arguments = arguments;
    }

    public ProblemKind Kind { get; }

    public Site Site { get; }

    public string[] Arguments { get; }

    /// <summary>Whether the problem stops code generation (the generated class becomes a stub).</summary>
    public bool IsError => Severities.IsError(Kind);

    public override string ToString() => $"{Kind} at {Site}: {string.Join(" | ", Arguments)}";
}
