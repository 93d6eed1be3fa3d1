using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Model;

/// <summary>Formats values for messages and generated code, always with the invariant culture.</summary>
internal static class Format
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Round-trippable, invariant: 0.001, 1E-07, 0.5, NaN, Infinity.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A C# double literal: always has a decimal point or exponent; NaN and infinities by name.</summary>
    public static string DoubleLiteral(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        var text = Number(value);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    /// <summary><c>Hidden1 (None, 12), Hidden2 (None, 8)</c>.</summary>
    public static string NamedShapes(IReadOnlyList<string> names, IReadOnlyList<TensorType> types) =>
        string.Join(", ", names.Select((name, i) => name + " " + types[i]));

    /// <summary><c>'a', 'b'</c>.</summary>
    public static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(static n => "'" + n + "'"));
}
