using System;

namespace NetGen.Data;

/// <summary>
/// Train/validation/test splits of a time series in time order, never shuffled: the training span
/// is the oldest part, the test span the newest, so nothing is learned from the future it is tested on.
/// </summary>
public static class ChronologicalSplit
{
    /// <summary>
    /// Splits by shares of the steps: the test span is the last <c>ceil(testFraction * steps)</c>
    /// steps, the validation span the <c>ceil(validationFraction * steps)</c> before them, the training
    /// span the rest.
    /// </summary>
    /// <param name="series">The whole series.</param>
    /// <param name="validationFraction">The share of steps for validation, in [0, 1); 0 leaves the validation span empty.</param>
    /// <param name="testFraction">The share of steps for the test, in (0, 1).</param>
    /// <exception cref="ArgumentException">A fraction is out of range, or the shares leave no training step.</exception>
    public static TimeSeriesSplit ByFraction(TimeSeries series, double validationFraction, double testFraction)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!(validationFraction >= 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must be in [0, 1).");
        }

        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1 (exclusive).");
        }

        var test = (int)Math.Ceiling(testFraction * series.Length);
        var validation = (int)Math.Ceiling(validationFraction * series.Length);
        if (test + validation >= series.Length)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"A validation fraction of {validationFraction} and a test fraction of {testFraction} of {series.Length} steps leave no training step."),
                nameof(testFraction));
        }

        return Cut(series, series.Length - test - validation, series.Length - test);
    }

    /// <summary>
    /// Splits at dates: training before <paramref name="validationStart"/>, validation from it to
    /// <paramref name="testStart"/>, test from <paramref name="testStart"/> on. Equal dates leave the
    /// validation span empty.
    /// </summary>
    /// <exception cref="ArgumentException">The dates are out of order, or a span other than validation would be empty.</exception>
    public static TimeSeriesSplit ByDate(TimeSeries series, DateTime validationStart, DateTime testStart)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (testStart < validationStart)
        {
            throw new ArgumentException($"The test span must start ({TimeSeries.Format(testStart)}) no earlier than the validation span ({TimeSeries.Format(validationStart)}).", nameof(testStart));
        }

        var validation = series.FirstAtOrAfter(validationStart);
        var test = series.FirstAtOrAfter(testStart);
        if (validation == 0)
        {
            throw new ArgumentException($"The validation span starts ({TimeSeries.Format(validationStart)}) at or before the series' first step ({TimeSeries.Format(series.Start)}): no training step is left.", nameof(validationStart));
        }

        if (test == series.Length)
        {
            throw new ArgumentException(
                $"The test span starts ({TimeSeries.Format(testStart)}) after the series' last step ({TimeSeries.Format(series.End)}): no test step is left.",
                nameof(testStart));
        }

        return Cut(series, validation, test);
    }

    private static TimeSeriesSplit Cut(TimeSeries series, int validationStart, int testStart) => new(
        series.Slice(0, validationStart).As(TimeSeriesSpan.Training),
        series.Slice(validationStart, testStart - validationStart).As(TimeSeriesSpan.Validation),
        series.Slice(testStart, series.Length - testStart).As(TimeSeriesSpan.Test));
}
