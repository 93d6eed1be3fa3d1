using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Model;

/// <summary>Formats values for messages and generated code, always with the invariant culture.</summary>
internal static class Format
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Round-trippable, invariant: 0.001, 1E-07, 0.5.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A C# double literal: always has a decimal point or exponent.</summary>
    public static string DoubleLiteral(double value)
    {
        var text = Number(value);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    /// <summary><c>Hidden1 (None, 12), Hidden2 (None, 8)</c>.</summary>
    public static string NamedShapes(IReadOnlyList<string> names, IReadOnlyList<TensorShape> shapes) =>
        string.Join(", ", names.Select((name, i) => name + " " + shapes[i]));
}
