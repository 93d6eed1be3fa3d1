using System;
using System.Globalization;

namespace NetGen.Data;

/// <summary>
/// A CSV file that cannot be read as a numeric table. The message names the file, the line
/// and, where one is to blame, the column and the offending text, e.g.
/// <c>breast.csv line 12, column 'mean radius': "abc" is not a number</c>.
/// </summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception for a problem with the file as a whole (<paramref name="line"/> 0) or a line.</summary>
    public CsvFormatException(string path, int line, string problem)
        : this(path, line, column: null, text: null, problem)
    {
    }

    /// <summary>Creates the exception for one field.</summary>
    public CsvFormatException(string path, int line, string? column, string? text, string problem)
        : base(Describe(path, line, column, problem))
    {
        Path = path;
        Line = line;
        Column = column;
        Text = text;
    }

    /// <summary>Creates the exception for a problem with the file as a whole, caused by <paramref name="inner"/> (e.g. a gzip decoding error).</summary>
    internal CsvFormatException(string path, int line, string problem, Exception? inner)
        : base(Describe(path, line, column: null, problem), inner)
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line in the file (skipped rows and the header count), or 0 for the file as a whole.</summary>
    public int Line { get; }

    /// <summary>The column's name (from the header, else <c>column3</c>...), when one field is to blame.</summary>
    public string? Column { get; }

    /// <summary>The field's text as it appears in the file, when one field is to blame.</summary>
    public string? Text { get; }

    private static string Describe(string path, int line, string? column, string problem)
    {
        var where = System.IO.Path.GetFileName(path);
        if (line > 0)
        {
            where += " line " + line.ToString(CultureInfo.InvariantCulture);
        }

        return column is null ? $"{where} {problem}" : $"{where}, column '{column}': {problem}";
    }
}
