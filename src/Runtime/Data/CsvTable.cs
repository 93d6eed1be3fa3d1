using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetGen.Data;

/// <summary>The fields of a file as text, with the line each row came from, before any parsing.</summary>
internal sealed class CsvTable
{
    private CsvTable(string path, bool hasHeader, string[] names, List<string[]> rows, List<int> lines)
    {
        Path = path;
        HasHeader = hasHeader;
        Names = names;
        Rows = rows;
        Lines = lines;
    }

    public string Path { get; }

    public bool HasHeader { get; }

    /// <summary>Header names (unique), or <c>column0</c>, <c>column1</c>... so errors can always name a column.</summary>
    public string[] Names { get; }

    public List<string[]> Rows { get; }

    public List<int> Lines { get; }

    public int ColumnCount => Names.Length;

    /// <summary>Reads every row of <paramref name="path"/>; a gzipped file is recognised by its content and checked to be complete.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/> (nothing, or a directory).</exception>
    /// <exception cref="CsvFormatException">The file is empty, truncated, ragged or has a repeated column name.</exception>
    public static CsvTable Read(string path, CsvOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SkipRows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SkipRows, "SkipRows cannot be negative.");
        }

        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"CSV path '{path}' is a directory, not a file.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        }

        using var input = VerifiedGzipStream.OpenMaybeGzipped(path);
        try
        {
            using var reader = new StreamReader(input, leaveOpen: true);
            return Parse(path, options, reader);
        }
        catch (CsvFormatException) when (input is VerifiedGzipStream { HasFailed: false } gzip)
        {
            // A row cut short by truncation, or garbled by corruption, is a symptom: report the cause.
            gzip.ReadToEndAndVerify();
            throw;
        }
    }

    private static CsvTable Parse(string path, CsvOptions options, StreamReader reader)
    {
        string[]? header = null;
        var rows = new List<string[]>();
        var lines = new List<int>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                // StreamReader drops one byte-order mark; files written by appending to a file that
                // already had one start with two, and the second would end up in a column name.
                line = line.TrimStart('\uFEFF');
            }

            if (lineNumber <= options.SkipRows || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = CsvLine.Split(line, options.Delimiter) ?? throw new CsvFormatException(path, lineNumber, "has a quote that is never closed.");
            if (options.HasHeader && header is null)
            {
                header = fields.Select(static f => f.Trim().Trim('\uFEFF')).ToArray();
                CheckUnique(path, lineNumber, header);
                continue;
            }

            var expected = header?.Length ?? (rows.Count > 0 ? rows[0].Length : fields.Length);
            if (fields.Length != expected)
            {
                throw new CsvFormatException(
                    path,
                    lineNumber,
                    $"has {fields.Length.ToString(CultureInfo.InvariantCulture)} fields, expected {expected.ToString(CultureInfo.InvariantCulture)}.");
            }

            rows.Add(fields);
            lines.Add(lineNumber);
        }

        if (rows.Count == 0)
        {
            throw new CsvFormatException(path, 0, header is null ? "is empty." : "has a header but no data rows.");
        }

        var names = header ?? Enumerable.Range(0, rows[0].Length).Select(static i => "column" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new CsvTable(path, header is not null, names, rows, lines);
    }

    /// <summary>A column chosen by a repeated name would be whichever came first; refuse the ambiguity.</summary>
    private static void CheckUnique(string path, int lineNumber, string[] header)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!seen.TryAdd(header[i], i))
            {
                throw new CsvFormatException(
                    path,
                    lineNumber,
                    $"names column '{header[i]}' twice (fields {(seen[header[i]] + 1).ToString(CultureInfo.InvariantCulture)} and {(i + 1).ToString(CultureInfo.InvariantCulture)}); column names must be unique.");
            }
        }
    }
}
