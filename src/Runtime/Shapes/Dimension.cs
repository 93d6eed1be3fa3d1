using System;
using System.Globalization;

namespace NetGen;

/// <summary>
/// One axis of a <see cref="Shape"/>: a known size, or a named size known only at run time
/// (a variable sequence length, say). Two named dimensions are the same size when they have the
/// same name; a known size matches only itself.
/// </summary>
public readonly struct Dimension : IEquatable<Dimension>
{
    private readonly int _size;

    private Dimension(int size, string? name)
    {
        _size = size;
        Name = name;
    }

    /// <summary>The size, or null for a named dimension.</summary>
    public int? Size => Name is null ? _size : null;

    /// <summary>The name of a dimension known only at run time, or null for a known size.</summary>
    public string? Name { get; }

    /// <summary>Whether the size is known.</summary>
    public bool IsKnown => Name is null;

    /// <summary>A dimension of a known, positive size.</summary>
    public static Dimension Of(int size) =>
        size > 0 ? new Dimension(size, null) : throw new ArgumentOutOfRangeException(nameof(size), size, "A dimension's size must be positive.");

    /// <summary>A dimension whose size is known only at run time, such as <c>"steps"</c>.</summary>
    public static Dimension Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Dimension(0, name);
    }

    /// <summary>A known size.</summary>
    public static implicit operator Dimension(int size) => Of(size);

    /// <summary>Whether a concrete size fits: equal to a known size; any positive size for a name.</summary>
    public bool Accepts(long size) => Name is null ? size == _size : size > 0;

    /// <inheritdoc />
    public bool Equals(Dimension other) => _size == other._size && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Dimension other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_size, Name);

    /// <summary>The size, or the name.</summary>
    public override string ToString() => Name ?? _size.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equal dimensions.</summary>
    public static bool operator ==(Dimension left, Dimension right) => left.Equals(right);

    /// <summary>Different dimensions.</summary>
    public static bool operator !=(Dimension left, Dimension right) => !left.Equals(right);
}
