using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Reads numeric CSV files (optionally gzipped) into tensors, with the invariant culture and
/// errors that name the file, line, column and the text that did not parse.
/// </summary>
public static class CsvLoader
{
    /// <summary>Reads features and labels.</summary>
    public static TabularData Load(string path, CsvOptions? options = null)
    {
        options ??= new CsvOptions();
        var (header, rows, lines) = Read(path, options);
        var columns = rows[0].Length;
        var label = LabelIndex(path, header, columns, options);
        var names = header ?? Enumerable.Range(0, columns).Select(static i => "column" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        var features = new float[rows.Count * (columns - 1)];
        var labels = new double[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var offset = r * (columns - 1);
            for (var c = 0; c < columns; c++)
            {
                var value = Parse(path, lines[r], names[c], rows[r][c]);
                if (c == label)
                {
                    labels[r] = value;
                }
                else
                {
                    features[offset++] = (float)value;
                }
            }
        }

        Tensor labelTensor;
        if (options.IntegerLabels)
        {
            var ids = new long[labels.Length];
            for (var r = 0; r < labels.Length; r++)
            {
                if (labels[r] != Math.Floor(labels[r]))
                {
                    throw new CsvFormatException(path, lines[r], $"column '{names[label]}': \"{rows[r][label]}\" is not an integer class id.");
                }

                ids[r] = (long)labels[r];
            }

            labelTensor = tensor(ids);
        }
        else
        {
            labelTensor = tensor(labels.Select(static v => (float)v).ToArray());
        }

        return new TabularData(
            tensor(features, new long[] { rows.Count, columns - 1 }),
            labelTensor,
            names.Where((_, i) => i != label).ToArray(),
            names[label]);
    }

    /// <summary>Reads every column as float32, [rows, columns]; a one-column file gives [rows, 1].</summary>
    public static Tensor LoadMatrix(string path, CsvOptions? options = null)
    {
        options ??= new CsvOptions { HasHeader = false };
        var (header, rows, lines) = Read(path, options);
        var columns = rows[0].Length;
        var values = new float[rows.Count * columns];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = (float)Parse(path, lines[r], header?[c] ?? "column" + c.ToString(CultureInfo.InvariantCulture), rows[r][c]);
            }
        }

        return tensor(values, new long[] { rows.Count, columns });
    }

    private static (string[]? Header, List<string[]> Rows, List<int> Lines) Read(string path, CsvOptions options)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        string[]? header = null;
        var rows = new List<string[]>();
        var lines = new List<int>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber <= options.SkipRows || line.Trim().Length == 0)
            {
                continue;
            }

            var fields = Split(line, options.Delimiter);
            if (header is null && options.HasHeader)
            {
                header = fields.Select(static f => f.Trim().Trim('"')).ToArray();
                continue;
            }

            var expected = header?.Length ?? (rows.Count > 0 ? rows[0].Length : fields.Length);
            if (fields.Length != expected)
            {
                throw new CsvFormatException(path, lineNumber, $"{fields.Length} fields, expected {expected}.");
            }

            rows.Add(fields);
            lines.Add(lineNumber);
        }

        if (rows.Count == 0)
        {
            throw new CsvFormatException(path, 0, "the file has no data rows.");
        }

        return (header, rows, lines);
    }

    private static string[] Split(string line, char delimiter) =>
        delimiter == ' '
            ? line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)
            : line.Split(delimiter);

    private static int LabelIndex(string path, string[]? header, int columns, CsvOptions options)
    {
        if (columns < 2)
        {
            throw new CsvFormatException(path, 0, "a table with labels needs at least two columns.");
        }

        if (options.LabelColumnName is { } name)
        {
            if (header is null)
            {
                throw new ArgumentException($"LabelColumnName '{name}' needs a header row, but HasHeader is false.", nameof(options));
            }

            var index = Array.IndexOf(header, name);
            return index >= 0
                ? index
                : throw new ArgumentException($"{Path.GetFileName(path)} has no column '{name}'; its columns are {string.Join(", ", header)}.", nameof(options));
        }

        var label = options.LabelColumn < 0 ? columns + options.LabelColumn : options.LabelColumn;
        return label >= 0 && label < columns
            ? label
            : throw new ArgumentException($"Label column {options.LabelColumn} is outside the {columns} columns of {Path.GetFileName(path)}.", nameof(options));
    }

    private static double Parse(string path, int line, string column, string text)
    {
        var trimmed = text.Trim().Trim('"');
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new CsvFormatException(path, line, $"column '{column}': \"{text}\" is not a number.");
    }
}
