using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetGen.Data;

/// <summary>Reads a <see cref="TimeSeries"/> from a CSV file with a header, a date column and value columns.</summary>
internal static class TimeSeriesCsv
{
    private static readonly string[] s_defaultFormats =
    [
        "yyyy-MM-dd", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM", "yyyy/MM/dd",
    ];

    private static readonly string[] s_missing = ["", "nan", "na", "n/a", "null"];

    /// <param name="path">A <c>.csv</c> file (or a gzipped one) whose first line is a header.</param>
    /// <param name="options">The date column and format, the value columns, the missing-value policy.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">
    /// The file is empty or ragged, a date does not parse or does not come after the one before it,
    /// a value is not a number or is infinite, or (with <see cref="MissingValuePolicy.Error"/>) a value is missing.
    /// </exception>
    /// <exception cref="ArgumentException">A column named in <paramref name="options"/> is not in the file, or no value column is left.</exception>
    /// <exception cref="InvalidOperationException">A value column has no value at all, so interpolation has nothing to start from.</exception>
    public static TimeSeries Load(string path, TimeSeriesCsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = CsvTable.Read(path, new CsvOptions { HasHeader = true, Delimiter = options.Delimiter });
        var dateColumn = options.DateColumn is null ? 0 : Column(table, options.DateColumn, nameof(options.DateColumn));
        var valueColumns = options.ValueColumns is null
            ? Enumerable.Range(0, table.ColumnCount).Where(c => c != dateColumn).ToArray()
            : options.ValueColumns.Select(name => Column(table, name, nameof(options.ValueColumns))).ToArray();
        if (valueColumns.Length == 0)
        {
            throw new ArgumentException($"{Path.GetFileName(path)} has no value column besides its date column '{table.Names[dateColumn]}'.", nameof(options));
        }

        if (valueColumns.Contains(dateColumn))
        {
            throw new ArgumentException($"Column '{table.Names[dateColumn]}' of {Path.GetFileName(path)} cannot be both the date and a value.", nameof(options));
        }

        if (table.Rows.Count == 0)
        {
            throw new CsvFormatException(path, 0, "has a header but no rows.");
        }

        var formats = options.DateFormat is null ? s_defaultFormats : [options.DateFormat];
        var timestamps = new DateTime[table.Rows.Count];
        var values = new double[table.Rows.Count * valueColumns.Length];
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var fields = table.Rows[row];
            var line = table.Lines[row];
            var date = fields[dateColumn].Trim();
            if (!DateTime.TryParseExact(date, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamps[row]))
            {
                throw new CsvFormatException(path, line, table.Names[dateColumn], date,
                    $"'{date}' is not a date in the format {string.Join(" or ", formats.Select(static f => "'" + f + "'"))}.");
            }

            if (row > 0 && timestamps[row] <= timestamps[row - 1])
            {
                throw new CsvFormatException(path, line, table.Names[dateColumn], date,
                    $"{TimeSeries.Format(timestamps[row])} does not come after the previous row's {TimeSeries.Format(timestamps[row - 1])}; a time series needs its rows in time order, each date once.");
            }

            for (var v = 0; v < valueColumns.Length; v++)
            {
                values[(row * valueColumns.Length) + v] = Value(path, line, table.Names[valueColumns[v]], fields[valueColumns[v]], options.MissingValues);
            }
        }

        var series = new TimeSeries(timestamps, values, valueColumns.Select(c => table.Names[c]).ToArray(), options.Frequency, TimeSeriesSpan.Whole);
        if (options.Frequency is { } frequency)
        {
            series = series.FillMissingSteps(frequency, problem => new CsvFormatException(path, 0, "has a date off the grid: " + char.ToLowerInvariant(problem[0]) + problem[1..]));
        }

        if (options.MissingValues == MissingValuePolicy.Error && series.HasMissingValues)
        {
            var step = Array.FindIndex(series.Data, double.IsNaN) / series.FeatureCount;
            throw new CsvFormatException(path, 0, $"has no row for {TimeSeries.Format(series.Timestamps[step])}, a {options.Frequency} step (MissingValues is Error).");
        }

        return options.MissingValues == MissingValuePolicy.Interpolate ? series.Interpolate() : series;
    }

    private static double Value(string path, int line, string column, string text, MissingValuePolicy policy)
    {
        if (s_missing.Contains(text.Trim().ToLowerInvariant()))
        {
            return policy == MissingValuePolicy.Error
                ? throw new CsvFormatException(path, line, column, text, "the value is missing (MissingValues is Error).")
                : double.NaN;
        }

        return CsvNumber.Parse(text, out var value) switch
        {
            CsvNumberKind.Finite => value,
            CsvNumberKind.NonFinite => throw new CsvFormatException(path, line, column, text, $"'{text.Trim()}' is infinite; a series' values must be finite (leave a missing value empty)."),
            CsvNumberKind.Overflow => throw new CsvFormatException(path, line, column, text, $"'{text.Trim()}' is beyond the range of a float64."),
            _ => throw new CsvFormatException(path, line, column, text, $"'{text.Trim()}' is not a number."),
        };
    }

    private static int Column(CsvTable table, string name, string option)
    {
        var index = Array.IndexOf(table.Names, name);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"{Path.GetFileName(table.Path)} has no column '{name}' ({option}); its columns are {string.Join(", ", table.Names.Select(static n => "'" + n + "'"))}.",
                "options");
    }
}
