using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Model;

/// <summary>What kind of constant an attribute argument holds.</summary>
internal enum ArgumentValueKind
{
    Null,
    Int,
    Double,
    Bool,
    String,
    Enum,
    Array,

    /// <summary>A constant of a type no NetGen argument takes (a <c>typeof</c>, a float...).</summary>
    Other,
}

/// <summary>
/// One attribute argument as the compiler evaluated it, free of Roslyn types so that analysis
/// can read it without a compilation (and tests can build it by hand).
/// </summary>
internal sealed class ArgumentValue
{
    private ArgumentValue(ArgumentValueKind kind, object? value, string? typeName, IReadOnlyList<ArgumentValue>? elements)
    {
        Kind = kind;
        Value = value;
        TypeName = typeName;
        Elements = elements ?? new ArgumentValue[0];
    }

    public ArgumentValueKind Kind { get; }

    /// <summary>The int, double, bool or string; the underlying int of an enum.</summary>
    public object? Value { get; }

    /// <summary>The enum's (or other constant's) type name.</summary>
    public string? TypeName { get; }

    /// <summary>The elements of an array.</summary>
    public IReadOnlyList<ArgumentValue> Elements { get; }

    public static ArgumentValue Null { get; } = new(ArgumentValueKind.Null, null, null, null);

    public static ArgumentValue Int(int value) => new(ArgumentValueKind.Int, value, null, null);

    public static ArgumentValue Double(double value) => new(ArgumentValueKind.Double, value, null, null);

    public static ArgumentValue Bool(bool value) => new(ArgumentValueKind.Bool, value, null, null);

    public static ArgumentValue String(string? value) => value is null ? Null : new(ArgumentValueKind.String, value, null, null);

    public static ArgumentValue Enum(int value, string typeName) => new(ArgumentValueKind.Enum, value, typeName, null);

    public static ArgumentValue Array(IEnumerable<ArgumentValue> elements) => new(ArgumentValueKind.Array, null, null, elements.ToList());

    public static ArgumentValue Other(string typeName, object? value) => new(ArgumentValueKind.Other, value, typeName, null);

    /// <summary>How the value reads in a message: <c>12</c>, <c>0.5</c>, <c>"Hidden"</c>, <c>null</c>, <c>(Activation)99</c>.</summary>
    public override string ToString() => Kind switch
    {
        ArgumentValueKind.Null => "null",
        ArgumentValueKind.Int => Format.Number((int)Value!),
        ArgumentValueKind.Double => Format.Number((double)Value!),
        ArgumentValueKind.Bool => (bool)Value! ? "true" : "false",
        ArgumentValueKind.String => "\"" + Value + "\"",
        ArgumentValueKind.Enum => "(" + ShortName(TypeName!) + ")" + Format.Number((int)Value!),
        ArgumentValueKind.Array => "[" + string.Join(", ", Elements.Select(static e => e.ToString())) + "]",
        _ => System.Convert.ToString(Value, CultureInfo.InvariantCulture) ?? TypeName ?? "?",
    };

    private static string ShortName(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);
}
