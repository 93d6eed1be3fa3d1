using System;
using System.Globalization;

namespace NetGen.Data;

/// <summary>What a CSV field holds, as far as numbers go.</summary>
internal enum CsvNumberKind
{
    /// <summary>A finite float64, e.g. <c>-1.5e3</c>.</summary>
    Finite,

    /// <summary>A spelled-out NaN or infinity: <c>NaN</c>, <c>nan</c>, <c>inf</c>, <c>-Infinity</c>...</summary>
    NonFinite,

    /// <summary>Digits beyond the float64 range, e.g. <c>1e400</c>, which .NET would read as infinity.</summary>
    Overflow,

    /// <summary>Nothing but white space.</summary>
    Empty,

    /// <summary>Anything else, including a number followed by junk such as a NUL.</summary>
    NotANumber,
}

/// <summary>Reads one CSV field as a number, in the invariant culture.</summary>
internal static class CsvNumber
{
    /// <summary>
    /// Classifies <paramref name="text"/> and, for <see cref="CsvNumberKind.Finite"/> and
    /// <see cref="CsvNumberKind.NonFinite"/>, gives its value.
    /// </summary>
    /// <remarks>
    /// Non-finite spellings are those of .NET (<c>NaN</c>, <c>Infinity</c>), Python and numpy
    /// (<c>nan</c>, <c>inf</c>), with an optional sign, in any case. Otherwise only digits, a
    /// sign, a decimal point and an exponent are accepted: .NET's parser would also take a
    /// number followed by NUL characters (<c>"1\0"</c>) as that number.
    /// </remarks>
    public static CsvNumberKind Parse(string text, out double value)
    {
        value = 0;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return CsvNumberKind.Empty;
        }

        var unsigned = trimmed[0] is '+' or '-' ? trimmed[1..] : trimmed;
        var negative = trimmed[0] == '-';
        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return CsvNumberKind.NonFinite;
        }

        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return CsvNumberKind.NonFinite;
        }

        foreach (var c in trimmed)
        {
            if (!char.IsAsciiDigit(c) && c is not ('+' or '-' or '.' or 'e' or 'E'))
            {
                return CsvNumberKind.NotANumber;
            }
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return CsvNumberKind.NotANumber;
        }

        return double.IsFinite(value) ? CsvNumberKind.Finite : CsvNumberKind.Overflow;
    }
}
