using System.Collections.Generic;

namespace NetGen.Model;

/// <summary>
/// The arguments of one attribute by name: constructor arguments by parameter name, named
/// arguments by property name. <see cref="IsComplete"/> is false while the attribute has compile
/// errors (code being typed); analysis then says nothing about what it declares.
/// </summary>
internal sealed class AttributeArguments
{
    private readonly IReadOnlyDictionary<string, ArgumentValue> _values;

    public AttributeArguments(IReadOnlyDictionary<string, ArgumentValue> values, bool isComplete)
    {
        _values = values;
        IsComplete = isComplete;
    }

    public static AttributeArguments Empty { get; } = new(new Dictionary<string, ArgumentValue>(), isComplete: true);

    public bool IsComplete { get; }

    public IEnumerable<string> Names => _values.Keys;

    public bool Has(string name) => _values.ContainsKey(name);

    public bool TryGet(string name, out ArgumentValue value) => _values.TryGetValue(name, out value!);

    /// <summary>Builds arguments by hand: <c>Of(("units", ArgumentValue.Int(12)))</c>.</summary>
    public static AttributeArguments Of(params (string Name, ArgumentValue Value)[] values)
    {
        var dictionary = new Dictionary<string, ArgumentValue>();
        foreach (var (name, value) in values)
        {
            dictionary[name] = value;
        }

        return new AttributeArguments(dictionary, isComplete: true);
    }
}
