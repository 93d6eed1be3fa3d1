using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model;

/// <summary>
/// Reads an attribute's arguments by the names its <see cref="ArgumentSpec"/> table declares,
/// falling back to the declared defaults, and reports values the compiler accepts but NetGen
/// cannot use (an enum value that names no member, a null where names are needed).
/// </summary>
internal sealed class ArgumentReader
{
    private readonly AttributeArguments _arguments;
    private readonly IReadOnlyList<ArgumentSpec> _specs;
    private readonly Func<string, int, Site> _site;
    private readonly List<Issue> _issues;

    public ArgumentReader(AttributeArguments arguments, IReadOnlyList<ArgumentSpec> specs, Func<string, int, Site> site, List<Issue> issues)
    {
        _arguments = arguments;
        _specs = specs;
        _site = site;
        _issues = issues;
    }

    /// <summary>Whether something was reported while reading.</summary>
    public bool HasProblems { get; private set; }

    /// <summary>Whether the argument was written (as opposed to left at its default).</summary>
    public bool Has(string name)
    {
        Spec(name);
        return _arguments.Has(name);
    }

    public int Int(string name) => Get(name, out var value) && value.Kind == ArgumentValueKind.Int ? (int)value.Value! : Spec(name).Default is int fallback ? fallback : 0;

    public double Double(string name) => Get(name, out var value) && value.Kind == ArgumentValueKind.Double ? (double)value.Value! : System.Convert.ToDouble(Spec(name).Default);

    public bool Bool(string name) => Get(name, out var value) && value.Kind == ArgumentValueKind.Bool ? (bool)value.Value! : Spec(name).Default is true;

    /// <summary>An enum argument; a value that names no member is reported (NG0017) and read as the default.</summary>
    public TEnum Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var fallback = Spec(name).Default is TEnum declared ? declared : default;
        if (!Get(name, out var value) || value.Kind != ArgumentValueKind.Enum)
        {
            return fallback;
        }

        return Defined<TEnum>(value, name, -1) ?? fallback;
    }

    /// <summary>An array of enum values; undefined elements are reported and left out.</summary>
    public IReadOnlyList<TEnum>? Enums<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (!Get(name, out var value) || value.Kind != ArgumentValueKind.Array)
        {
            return null;
        }

        var result = new List<TEnum>();
        for (var i = 0; i < value.Elements.Count; i++)
        {
            if (Defined<TEnum>(value.Elements[i], name, i) is { } defined)
            {
                result.Add(defined);
            }
        }

        return result;
    }

    /// <summary>An int array, or null when it was given as null (the caller says why that is wrong).</summary>
    public IReadOnlyList<int>? Ints(string name)
    {
        if (!Get(name, out var value))
        {
            return Spec(name).Default as int[] ?? new int[0];
        }

        return value.Kind == ArgumentValueKind.Array
            ? value.Elements.Where(static e => e.Kind == ArgumentValueKind.Int).Select(static e => (int)e.Value!).ToList()
            : null;
    }

    /// <summary>A string argument, or null.</summary>
    public string? String(string name) => Get(name, out var value) && value.Kind == ArgumentValueKind.String ? (string)value.Value! : Spec(name).Default as string;

    /// <summary>The raw value, when written.</summary>
    public ArgumentValue? Raw(string name) => Get(name, out var value) ? value : null;

    /// <summary>Reports a problem at an argument (or one of its elements).</summary>
    public void Report(ProblemKind kind, string argument, int element, params string[] arguments)
    {
        HasProblems = true;
        _issues.Add(new Issue(kind, _site(argument, element), arguments));
    }

    private TEnum? Defined<TEnum>(ArgumentValue value, string name, int element)
        where TEnum : struct, Enum
    {
        if (value.Kind == ArgumentValueKind.Enum && System.Enum.IsDefined(typeof(TEnum), value.Value!))
        {
            return (TEnum)System.Enum.ToObject(typeof(TEnum), (int)value.Value!);
        }

        var type = value.TypeName is { } typeName ? typeName.Substring(typeName.LastIndexOf('.') + 1) : typeof(TEnum).Name;
        Report(ProblemKind.UndefinedEnumValue, name, element, value.ToString(), type, name);
        return null;
    }

    private bool Get(string name, out ArgumentValue value)
    {
        Spec(name);
        return _arguments.TryGet(name, out value);
    }

    private ArgumentSpec Spec(string name) =>
        _specs.FirstOrDefault(spec => spec.Name == name)
        ?? throw new InvalidOperationException($"'{name}' is not in the argument table being read; add it to the rule's Arguments.");
}
