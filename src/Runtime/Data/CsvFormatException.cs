using System;

namespace NetGen.Data;

/// <summary>A CSV file that cannot be read as a numeric table; the message names the file, line and column.</summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CsvFormatException(string path, int line, string message)
        : base($"{System.IO.Path.GetFileName(path)} line {line}: {message}")
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line, or 0 for the file as a whole.</summary>
    public int Line { get; }
}
