using System;
using System.Linq;

namespace NetGen.Data;

/// <summary>
/// The seasonal-naive forecast, the baseline a seasonal forecast must beat: each step repeats the
/// value one season earlier, <c>y(T + h) = y(T + h - m * (floor((h - 1) / m) + 1))</c> for a season of
/// <c>m</c> steps (the last observed season, repeated). A season of 1 is the naive forecast (the last value).
/// </summary>
public static class SeasonalNaive
{
    /// <summary>Forecasts <paramref name="steps"/> steps after <paramref name="history"/> (every feature).</summary>
    /// <param name="history">The known values.</param>
    /// <param name="season">Steps per season: 52 for a weekly series with a yearly cycle, 12 for a monthly one.</param>
    /// <param name="steps">How many steps to forecast.</param>
    /// <param name="frequency">The step between forecast timestamps; the history's when null.</param>
    /// <exception cref="ArgumentException">The history is shorter than one season, or has no frequency to date the forecast with.</exception>
    public static TimeSeries Forecast(TimeSeries history, int season, int steps, TimeSeriesFrequency? frequency = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(season, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (history.Length < season)
        {
            throw new ArgumentException($"A seasonal-naive forecast with a season of {season} steps needs a history of at least one season; the {history} is shorter.", nameof(history));
        }

        frequency ??= history.Frequency
            ?? throw new ArgumentException("The history's timestamps are irregular, so the forecast cannot be dated: give its frequency.", nameof(frequency));
        var features = history.FeatureCount;
        var values = new double[steps * features];
        for (var h = 0; h < steps; h++)
        {
            var source = history.Length - season + (h % season);
            Array.Copy(history.Data, source * features, values, h * features, features);
        }

        var last = history.End;
        var timestamps = Enumerable.Range(1, steps).Select(i => frequency.Next(last, i)).ToArray();
        return new TimeSeries(timestamps, values, history.FeatureNames.ToArray(), frequency, TimeSeriesSpan.Whole);
    }
}
