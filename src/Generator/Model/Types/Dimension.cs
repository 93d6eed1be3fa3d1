using System;
using System.Globalization;

namespace NetGen.Model;

/// <summary>
/// One axis of a tensor type: a known size, or a named size known only at run time (a variable
/// sequence length). Two dimensions agree only when they are equal: the same size, or the same
/// name; a known size never matches a name or a different size.
/// </summary>
internal readonly struct Dimension : IEquatable<Dimension>
{
    private Dimension(int size, string? name)
    {
        Size = size;
        Name = name;
    }

    /// <summary>The size; 0 for a named dimension.</summary>
    public int Size { get; }

    /// <summary>The name of a dimension known only at run time, or null.</summary>
    public string? Name { get; }

    public bool IsKnown => Name is null;

    public static Dimension Known(int size) => new(size, null);

    public static Dimension Named(string name) => new(0, name);

    public bool Equals(Dimension other) => Size == other.Size && Name == other.Name;

    public override bool Equals(object? obj) => obj is Dimension other && Equals(other);

    public override int GetHashCode() => Name is null ? Size : Name.GetHashCode();

    public override string ToString() => Name ?? Size.ToString(CultureInfo.InvariantCulture);
}
