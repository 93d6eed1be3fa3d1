using System;
using System.Collections.Generic;
using System.Text;

namespace NetGen.Data;

/// <summary>Splits one CSV line into fields.</summary>
internal static class CsvLine
{
    /// <summary>
    /// Fields of <paramref name="line"/>, with RFC 4180 quoting (<c>"a, b"</c>, <c>""</c> for a
    /// quote) so a header like <c>"income, USD"</c> is one column; a space delimiter means any
    /// run of spaces or tabs, as in whitespace-aligned files. <see langword="null"/> when a quote
    /// is never closed (fields spanning lines are not supported in a numeric table).
    /// </summary>
    public static string[]? Split(string line, char delimiter)
    {
        if (delimiter == ' ')
        {
            return line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        }

        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line.Split(delimiter);
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
