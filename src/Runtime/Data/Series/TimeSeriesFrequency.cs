using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Data;

/// <summary>
/// The step between consecutive timestamps of a regular series: a fixed duration (daily, weekly,
/// hourly...) or a number of calendar months (monthly, quarterly, yearly), which a fixed duration
/// cannot express. Forecasts use it to date the steps after a series' end.
/// </summary>
public sealed class TimeSeriesFrequency : IEquatable<TimeSeriesFrequency>
{
    private TimeSeriesFrequency(TimeSpan duration, int months)
    {
        Duration = duration;
        Months = months;
    }

    /// <summary>One day.</summary>
    public static TimeSeriesFrequency Daily { get; } = new(TimeSpan.FromDays(1), 0);

    /// <summary>Seven days (the Mauna Loa CO2 series is weekly, on Saturdays).</summary>
    public static TimeSeriesFrequency Weekly { get; } = new(TimeSpan.FromDays(7), 0);

    /// <summary>One calendar month.</summary>
    public static TimeSeriesFrequency Monthly { get; } = new(TimeSpan.Zero, 1);

    /// <summary>Three calendar months.</summary>
    public static TimeSeriesFrequency Quarterly { get; } = new(TimeSpan.Zero, 3);

    /// <summary>Twelve calendar months.</summary>
    public static TimeSeriesFrequency Yearly { get; } = new(TimeSpan.Zero, 12);

    /// <summary>The fixed step, or <see cref="TimeSpan.Zero"/> for a frequency in months.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The number of calendar months per step, or 0 for a fixed duration.</summary>
    public int Months { get; }

    /// <summary>A fixed step such as <c>TimeSpan.FromHours(1)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    public static TimeSeriesFrequency Every(TimeSpan step) => step > TimeSpan.Zero
        ? new(step, 0)
        : throw new ArgumentOutOfRangeException(nameof(step), step, "A series' step must be positive.");

    /// <summary>A step of <paramref name="months"/> calendar months.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is not positive.</exception>
    public static TimeSeriesFrequency EveryMonths(int months) => months > 0
        ? new(TimeSpan.Zero, months)
        : throw new ArgumentOutOfRangeException(nameof(months), months, "A series' step must be at least one month.");

    /// <summary>
    /// The timestamp <paramref name="steps"/> steps after <paramref name="timestamp"/>. A monthly step
    /// from the last day of a month lands on the last day of the target month (31 January, 28 or 29
    /// February, 31 March), so a month-end series stays on month ends.
    /// </summary>
    public DateTime Next(DateTime timestamp, int steps = 1)
    {
        if (Months == 0)
        {
            return timestamp + (Duration * steps);
        }

        var shifted = timestamp.AddMonths(Months * steps);
        return IsMonthEnd(timestamp)
            ? DateTime.SpecifyKind(new DateTime(shifted.Year, shifted.Month, DateTime.DaysInMonth(shifted.Year, shifted.Month)) + timestamp.TimeOfDay, timestamp.Kind)
            : shifted;
    }

    /// <summary>
    /// The frequency of <paramref name="timestamps"/> when every step is the same: one fixed duration,
    /// or the same number of calendar months on the same day of the month (or on month ends).
    /// Null for fewer than two timestamps or an irregular series.
    /// </summary>
    public static TimeSeriesFrequency? Infer(IReadOnlyList<DateTime> timestamps)
    {
        ArgumentNullException.ThrowIfNull(timestamps);
        if (timestamps.Count < 2)
        {
            return null;
        }

        var step = timestamps[1] - timestamps[0];
        var fixedStep = step > TimeSpan.Zero;
        for (var i = 2; i < timestamps.Count && fixedStep; i++)
        {
            fixedStep = timestamps[i] - timestamps[i - 1] == step;
        }

        if (fixedStep)
        {
            return step == Daily.Duration ? Daily : step == Weekly.Duration ? Weekly : new(step, 0);
        }

        var months = MonthIndex(timestamps[1]) - MonthIndex(timestamps[0]);
        if (months <= 0)
        {
            return null;
        }

        var candidate = EveryMonths(months);
        for (var i = 1; i < timestamps.Count; i++)
        {
            if (candidate.Next(timestamps[i - 1]) != timestamps[i])
            {
                return null;
            }
        }

        return months switch
        {
            1 => Monthly,
            3 => Quarterly,
            12 => Yearly,
            _ => candidate,
        };
    }

    /// <inheritdoc />
    public bool Equals(TimeSeriesFrequency? other) => other is not null && Duration == other.Duration && Months == other.Months;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TimeSeriesFrequency);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Duration, Months);

    /// <summary>"weekly", "monthly", "every 3 months", "every 01:00:00"...</summary>
    public override string ToString() => (Months, Duration) switch
    {
        (1, _) => "monthly",
        (3, _) => "quarterly",
        (12, _) => "yearly",
        (> 0, _) => "every " + Months.ToString(CultureInfo.InvariantCulture) + " months",
        _ when Duration == Daily.Duration => "daily",
        _ when Duration == Weekly.Duration => "weekly",
        _ => "every " + Duration.ToString("c", CultureInfo.InvariantCulture),
    };

    private static int MonthIndex(DateTime t) => (t.Year * 12) + t.Month;

    private static bool IsMonthEnd(DateTime t) => t.Day == DateTime.DaysInMonth(t.Year, t.Month);
}
