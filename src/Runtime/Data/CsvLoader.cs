using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
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
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a directory.</exception>
    /// <exception cref="CsvFormatException">
    /// The file is empty, truncated or corrupt (gzip), a row is ragged, two columns have the same
    /// name, or a field is not a number, is NaN or infinite (see <see cref="CsvOptions.AllowNaNAndInfinity"/>)
    /// or does not fit in float32.
    /// </exception>
    /// <exception cref="ArgumentException">A label or skipped column named in <paramref name="options"/> is not in the file, or no feature column is left.</exception>
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
        if (featureColumns.Length == 0)
        {
            throw new ArgumentException(
                $"SkipColumns and SkipColumnNames leave no feature columns in {Path.GetFileName(path)}: its columns are {ColumnList(table)} and '{table.Names[label]}' is the label.",
                nameof(options));
        }

        var features = ReadFeatures(table, featureColumns, options);
        var labels = options.IntegerLabels ? ReadClassIds(table, label) : ReadValues(table, label, options);

        // A file named test.csv is test data, train.csv training data (DataRoles).
        var role = DataRoles.OfFileName(path);
        return new TabularData(DataRoles.Mark(features, role), DataRoles.Mark(labels, role), featureColumns.Select(c => table.Names[c]).ToArray(), table.Names[label]);
    }

    /// <summary>
    /// Reads every column (except <see cref="CsvOptions.SkipColumns"/>) as float32, [rows, columns];
    /// a one-column file gives [rows, 1]. Label options are ignored.
    /// </summary>
    /// <param name="path">A <c>.csv</c> file, or a gzipped one.</param>
    /// <param name="options">How to read the file; without options there is no header.</param>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a directory.</exception>
    /// <exception cref="CsvFormatException">As for <see cref="Load"/>.</exception>
    /// <exception cref="ArgumentException">A skipped column named in <paramref name="options"/> is not in the file, or every column is skipped.</exception>
    public static Tensor LoadMatrix(string path, CsvOptions? options = null)
    {
        options ??= new CsvOptions { HasHeader = false };
        var table = CsvTable.Read(path, options);
        var skipped = SkippedColumns(table, options);
        var columns = Enumerable.Range(0, table.ColumnCount).Where(c => !skipped.Contains(c)).ToArray();
        if (columns.Length == 0)
        {
            throw new ArgumentException($"SkipColumns and SkipColumnNames leave no columns in {Path.GetFileName(path)}: its columns are {ColumnList(table)}.", nameof(options));
        }

        return DataRoles.Mark(ReadFeatures(table, columns, options), DataRoles.OfFileName(path));
    }

    private static Tensor ReadFeatures(CsvTable table, int[] columns, CsvOptions options)
    {
        var values = new float[table.Rows.Count * columns.Length];
        var next = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            foreach (var c in columns)
            {
                values[next++] = ParseFloat(table, r, c, options);
            }
        }

        return tensor(values, new long[] { table.Rows.Count, columns.Length });
    }

    private static Tensor ReadValues(CsvTable table, int column, CsvOptions options)
    {
        var values = new float[table.Rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = ParseFloat(table, r, column, options);
        }

        return tensor(values);
    }

    private static Tensor ReadClassIds(CsvTable table, int column)
    {
        var ids = new long[table.Rows.Count];
        for (var r = 0; r < ids.Length; r++)
        {
            var kind = CsvNumber.Parse(table.Rows[r][column], out var value);
            ThrowIfNotANumber(table, r, column, kind);

            // Class ids written by pandas or numpy often look like "1.0": accept any whole number.
            if (kind != CsvNumberKind.Finite || value != Math.Floor(value) || Math.Abs(value) > 9e15)
            {
                throw FieldError(table, r, column, "is not an integer class id");
            }

            ids[r] = (long)value;
        }

        return tensor(ids);
    }

    private static float ParseFloat(CsvTable table, int row, int column, CsvOptions options)
    {
        var kind = CsvNumber.Parse(table.Rows[row][column], out var value);
        ThrowIfNotANumber(table, row, column, kind);
        if (kind == CsvNumberKind.NonFinite)
        {
            // One NaN turns the loss, and then every weight, into NaN, far from the cause.
            return options.AllowNaNAndInfinity
                ? (float)value
                : throw FieldError(table, row, column, $"is not a finite number (set {nameof(CsvOptions)}.{nameof(CsvOptions.AllowNaNAndInfinity)} to load NaN and infinities)");
        }

        // Silently turning 1e300 (or 1e400, beyond even float64) into infinity would poison training the same way.
        var single = (float)value;
        return kind == CsvNumberKind.Overflow || float.IsInfinity(single)
            ? throw FieldError(table, row, column, "is outside the float32 range")
            : single;
    }

    private static void ThrowIfNotANumber(CsvTable table, int row, int column, CsvNumberKind kind)
    {
        switch (kind)
        {
            case CsvNumberKind.Empty:
                throw FieldError(table, row, column, "is not a number (the field is empty)");
            case CsvNumberKind.NotANumber:
                throw FieldError(table, row, column, "is not a number");
        }
    }

    private static CsvFormatException FieldError(CsvTable table, int row, int column, string problem)
    {
        var text = table.Rows[row][column];
        return new CsvFormatException(table.Path, table.Lines[row], table.Names[column], text, $"\"{Visible(text)}\" {problem}");
    }

    /// <summary>The text with invisible characters (NUL, a stray byte-order mark...) spelled <c>\u0000</c>, so a message shows why "1" is not a number.</summary>
    private static string Visible(string text)
    {
        if (!text.Any(IsInvisible))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(IsInvisible(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.ToString();
    }

    private static bool IsInvisible(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string ColumnList(CsvTable table) => string.Join(", ", table.Names.Select(static n => "'" + n + "'"));

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
                $"{Path.GetFileName(table.Path)} has no column '{name}' ({option}); its columns are {ColumnList(table)}.",
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
}
