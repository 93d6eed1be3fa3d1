using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Reads numeric CSV files (gzipped ones too) into float32 tensors. Numbers are always read
/// with the invariant culture, so <c>0.5</c> means one half on every machine; every error
/// names the file, the line and, where one is to blame, the column and the text.
/// </summary>
public static class CsvLoader
{
    /// <summary>Reads a table into features ([samples, features]) and labels ([samples]).</summary>
    /// <param name="path">A <c>.csv</c> file, or a gzipped one (recognised by its content, whatever the name).</param>
    /// <param name="options">Header, delimiter, label and skipped columns; the defaults read a headed, comma-separated table whose last column is the label.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">The file is empty, a row is ragged or a field is not a number.</exception>
    /// <exception cref="ArgumentException">A label or skipped column named in <paramref name="options"/> is not in the file.</exception>
    public static TabularData Load(string path, CsvOptions? options = null)
    {
        options ??= new CsvOptions();
        var table = CsvTable.Read(path, options);
        var label = LabelIndex(table, options);
        var skipped = SkippedColumns(table, options);
        if (skipped.Contains(label))
        {
            throw new ArgumentException($"Column '{table.Names[label]}' of {Path.GetFileName(path)} is both the label and skipped.", nameof(options));
        }

        var featureColumns = Enumerable.Range(0, table.ColumnCount).Where(c => c != label && !skipped.Contains(c)).ToArray();
        var features = ReadFeatures(table, featureColumns);
        var labels = options.IntegerLabels ? ReadClassIds(table, label) : ReadValues(table, label);
        return new TabularData(features, labels, featureColumns.Select(c => table.Names[c]).ToArray(), table.Names[label]);
    }

    /// <summary>
    /// Reads every column (except <see cref="CsvOptions.SkipColumns"/>) as float32, [rows, columns];
    /// a one-column file gives [rows, 1]. Label options are ignored.
    /// </summary>
    /// <param name="path">A <c>.csv</c> file, or a gzipped one.</param>
    /// <param name="options">How to read the file; without options there is no header.</param>
    public static Tensor LoadMatrix(string path, CsvOptions? options = null)
    {
        options ??= new CsvOptions { HasHeader = false };
        var table = CsvTable.Read(path, options);
        var skipped = SkippedColumns(table, options);
        return ReadFeatures(table, Enumerable.Range(0, table.ColumnCount).Where(c => !skipped.Contains(c)).ToArray());
    }

    private static Tensor ReadFeatures(CsvTable table, int[] columns)
    {
        var values = new float[table.Rows.Count * columns.Length];
        var next = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            foreach (var c in columns)
            {
                values[next++] = ParseFloat(table, r, c);
            }
        }

        return tensor(values, new long[] { table.Rows.Count, columns.Length });
    }

    private static Tensor ReadValues(CsvTable table, int column)
    {
        var values = new float[table.Rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = ParseFloat(table, r, column);
        }

        return tensor(values);
    }

    private static Tensor ReadClassIds(CsvTable table, int column)
    {
        var ids = new long[table.Rows.Count];
        for (var r = 0; r < ids.Length; r++)
        {
            var value = ParseDouble(table, r, column);

            // Class ids written by pandas or numpy often look like "1.0": accept any whole number.
            if (value != Math.Floor(value) || Math.Abs(value) > 9e15)
            {
                throw FieldError(table, r, column, "is not an integer class id");
            }

            ids[r] = (long)value;
        }

        return tensor(ids);
    }

    private static float ParseFloat(CsvTable table, int row, int column)
    {
        var value = ParseDouble(table, row, column);
        var single = (float)value;

        // Silently turning 1e300 into infinity would poison training far from the cause.
        return float.IsInfinity(single) && !double.IsInfinity(value)
            ? throw FieldError(table, row, column, "is outside the float32 range")
            : single;
    }

    private static double ParseDouble(CsvTable table, int row, int column)
    {
        var text = table.Rows[row][column];
        if (double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return text.Trim().Length == 0
            ? throw FieldError(table, row, column, "is not a number (the field is empty)")
            : throw FieldError(table, row, column, "is not a number");
    }

    private static CsvFormatException FieldError(CsvTable table, int row, int column, string problem)
    {
        var text = table.Rows[row][column];
        return new CsvFormatException(table.Path, table.Lines[row], table.Names[column], text, $"\"{text}\" {problem}");
    }

    private static int LabelIndex(CsvTable table, CsvOptions options)
    {
        if (table.ColumnCount < 2)
        {
            throw new CsvFormatException(table.Path, 0, "has one column; a table with labels needs at least two (use LoadMatrix for a single column).");
        }

        return options.LabelColumnName is { } name
            ? ColumnByName(table, name, nameof(CsvOptions.LabelColumnName))
            : ColumnByIndex(table, options.LabelColumn, nameof(CsvOptions.LabelColumn));
    }

    private static HashSet<int> SkippedColumns(CsvTable table, CsvOptions options)
    {
        var skipped = new HashSet<int>();
        foreach (var index in options.SkipColumns ?? Array.Empty<int>())
        {
            skipped.Add(ColumnByIndex(table, index, nameof(CsvOptions.SkipColumns)));
        }

        foreach (var name in options.SkipColumnNames ?? Array.Empty<string>())
        {
            skipped.Add(ColumnByName(table, name, nameof(CsvOptions.SkipColumnNames)));
        }

        return skipped;
    }

    private static int ColumnByName(CsvTable table, string name, string option)
    {
        if (!table.HasHeader)
        {
            throw new ArgumentException($"{option} '{name}' needs a header row, but HasHeader is false for {Path.GetFileName(table.Path)}.", "options");
        }

        var index = Array.IndexOf(table.Names, name);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"{Path.GetFileName(table.Path)} has no column '{name}' ({option}); its columns are {string.Join(", ", table.Names.Select(static n => "'" + n + "'"))}.",
                "options");
    }

    private static int ColumnByIndex(CsvTable table, int index, string option)
    {
        var resolved = index < 0 ? table.ColumnCount + index : index;
        return resolved >= 0 && resolved < table.ColumnCount
            ? resolved
            : throw new ArgumentException(
                $"{option} {index.ToString(CultureInfo.InvariantCulture)} is outside the {table.ColumnCount.ToString(CultureInfo.InvariantCulture)} columns of {Path.GetFileName(table.Path)}.",
                "options");
    }

    /// <summary>The fields of a file as text, with the line each row came from, before any parsing.</summary>
    private sealed class CsvTable
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

        /// <summary>Header names, or <c>column0</c>, <c>column1</c>... so errors can always name a column.</summary>
        public string[] Names { get; }

        public List<string[]> Rows { get; }

        public List<int> Lines { get; }

        public int ColumnCount => Names.Length;

        public static CsvTable Read(string path, CsvOptions options)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            ArgumentNullException.ThrowIfNull(options);
            if (options.SkipRows < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.SkipRows, "SkipRows cannot be negative.");
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
            }

            using var reader = new StreamReader(OpenMaybeGzipped(path));
            string[]? header = null;
            var rows = new List<string[]>();
            var lines = new List<int>();
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (lineNumber <= options.SkipRows || string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var fields = CsvLine.Split(line, options.Delimiter) ?? throw new CsvFormatException(path, lineNumber, "has a quote that is never closed.");
                if (options.HasHeader && header is null)
                {
                    header = fields.Select(static f => f.Trim()).ToArray();
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

        private static Stream OpenMaybeGzipped(string path)
        {
            var stream = File.OpenRead(path);
            try
            {
                // Decide by content, not name: a .gz renamed .csv (or the reverse) still reads.
                Span<byte> magic = stackalloc byte[2];
                var isGzip = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
                stream.Position = 0;
                return isGzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
    }
}
