namespace NetGen.Model;

/// <summary>
/// One argument an attribute takes, with the default the runtime attribute gives it: each layer
/// rule lists its attribute's arguments, and a test checks the lists against the runtime
/// attributes' constructor parameters and settable properties (names and defaults).
/// </summary>
internal sealed class ArgumentSpec
{
    public ArgumentSpec(string name, object? defaultValue)
    {
        Name = name;
        Default = defaultValue;
    }

    /// <summary>A constructor parameter's or a property's name, exactly as the attribute declares it.</summary>
    public string Name { get; }

    /// <summary>The default value: an int, double, bool, string, enum value, or null when required.</summary>
    public object? Default { get; }

    public override string ToString() => Name + " = " + (Default ?? "(required)");
}
