using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>How <see cref="TimeSeries.LoadCsv"/> reads a file: which column holds the dates, in which format, and which hold values.</summary>
public sealed record TimeSeriesCsvOptions
{
    /// <summary>The date column's header name; the first column when null.</summary>
    public string? DateColumn { get; init; }

    /// <summary>
    /// A .NET exact date format (<c>"dd/MM/yyyy"</c>), read in the invariant culture. When null,
    /// ISO 8601 dates (<c>2001-12-29</c>, with an optional time <c>2001-12-29T13:00:00</c> or
    /// <c>2001-12-29 13:00</c>), months (<c>2001-12</c>) and compact dates (<c>20011229</c>) are accepted.
    /// </summary>
    public string? DateFormat { get; init; }

    /// <summary>The value columns' header names, in the order wanted; every column but the date when null.</summary>
    public IReadOnlyList<string>? ValueColumns { get; init; }

    /// <summary>The field separator (comma by default).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// What to do with a missing value: an empty field, <c>NaN</c>, <c>NA</c>, <c>N/A</c> or <c>null</c>.
    /// Interpolated linearly in time by default.
    /// </summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Interpolate;

    /// <summary>
    /// The step between rows. When given, a date of that grid without a row (a skipped week) becomes a
    /// row of missing values, handled as <see cref="MissingValues"/> says, and a date off the grid is
    /// an error. When null the step is inferred from the dates and no row is added.
    /// </summary>
    public TimeSeriesFrequency? Frequency { get; init; }
}
