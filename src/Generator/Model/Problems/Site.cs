using System;

namespace NetGen.Model;

/// <summary>Where in the declaration a problem belongs; the parser turns a site into a source span.</summary>
internal enum SiteKind
{
    /// <summary>The network class's identifier.</summary>
    NetworkName,
    /// <summary>A named argument of <c>[Network(...)]</c> (Loss, Metrics, LearningRate, Optimizer).</summary>
    NetworkArgument,
    /// <summary>The <c>[Optimizer(...)]</c> attribute.</summary>
    OptimizerAttribute,
    /// <summary>An argument of <c>[Optimizer(...)]</c>.</summary>
    OptimizerArgument,
    /// <summary>The i-th <c>[Input(...)]</c> attribute.</summary>
    InputAttribute,
    /// <summary>An argument of the i-th <c>[Input(...)]</c>.</summary>
    InputArgument,
    /// <summary>A layer member's identifier.</summary>
    LayerMember,
    /// <summary>A layer property's type.</summary>
    LayerType,
    /// <summary>A layer's attribute.</summary>
    LayerAttribute,
    /// <summary>One argument of a layer's attribute, by parameter or property name.</summary>
    LayerArgument,
    /// <summary>A layer's <c>[Output]</c> attribute.</summary>
    OutputAttribute,
    /// <summary>An argument of a layer's <c>[Output]</c> attribute.</summary>
    OutputArgument,
    /// <summary>A member of the class that is not a layer, by name.</summary>
    Member,
    /// <summary>One parameter of a layer that is a method (a <c>[Lambda]</c>), by position.</summary>
    LayerParameter,
}

/// <summary>
/// A position in the declaration, free of Roslyn types so that analysis stays plain C#.
/// </summary>
internal readonly struct Site : IEquatable<Site>
{
    private Site(SiteKind kind, int index, string? argument, int element)
    {
        Kind = kind;
        Index = index;
        Argument = argument;
        Element = element;
    }

    public SiteKind Kind { get; }

    /// <summary>Declaration index of the layer, or index of the input; -1 otherwise.</summary>
    public int Index { get; }

    /// <summary>Argument name (parameter or property), or a member's name for <see cref="SiteKind.Member"/>; else null.</summary>
    public string? Argument { get; }

    /// <summary>Element of an array argument (a merge layer's i-th input, the i-th metric), or -1 for the whole argument.</summary>
    public int Element { get; }

    public static Site NetworkName => new(SiteKind.NetworkName, -1, null, -1);

    public static Site OptimizerAttribute => new(SiteKind.OptimizerAttribute, -1, null, -1);

    public static Site NetworkArgument(string name, int element = -1) => new(SiteKind.NetworkArgument, -1, name, element);

    public static Site OptimizerArgument(string name, int element = -1) => new(SiteKind.OptimizerArgument, -1, name, element);

    public static Site InputAttribute(int input) => new(SiteKind.InputAttribute, input, null, -1);

    public static Site InputArgument(int input, string name, int element = -1) => new(SiteKind.InputArgument, input, name, element);

    public static Site LayerMember(int layer) => new(SiteKind.LayerMember, layer, null, -1);

    public static Site LayerType(int layer) => new(SiteKind.LayerType, layer, null, -1);

    public static Site LayerAttribute(int layer) => new(SiteKind.LayerAttribute, layer, null, -1);

    public static Site LayerArgument(int layer, string argument, int element = -1) => new(SiteKind.LayerArgument, layer, argument, element);

    public static Site OutputAttribute(int layer) => new(SiteKind.OutputAttribute, layer, null, -1);

    public static Site OutputArgument(int layer, string argument, int element = -1) => new(SiteKind.OutputArgument, layer, argument, element);

    public static Site LayerParameter(int layer, int parameter) => new(SiteKind.LayerParameter, layer, null, parameter);

    public static Site Member(string name) => new(SiteKind.Member, -1, name, -1);

    /// <summary>Whether the site is part of the compile configuration (loss, metrics, optimizer), not of the module.</summary>
    public bool IsConfiguration => Kind is SiteKind.NetworkArgument or SiteKind.OptimizerAttribute or SiteKind.OptimizerArgument or SiteKind.OutputArgument;

    public bool Equals(Site other) =>
        Kind == other.Kind && Index == other.Index && Argument == other.Argument && Element == other.Element;

    public override bool Equals(object? obj) => obj is Site other && Equals(other);

    public override int GetHashCode() => unchecked(((((int)Kind * 397) ^ Index) * 397) ^ Element);

    public override string ToString() => $"{Kind}({Index}, {Argument}, {Element})";
}
