using System;
using System.Linq;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data.Series;

public sealed class TimeSeriesTests
{
    [Fact]
    public void FrequencyIsInferredFromFixedStepsAndCalendarMonths()
    {
        Assert.Equal(TimeSeriesFrequency.Weekly, SeriesData.Ramp(5).Frequency);
        DateTime[] months = [new(2023, 11, 15), new(2023, 12, 15), new(2024, 1, 15), new(2024, 2, 15)];
        Assert.Equal(TimeSeriesFrequency.Monthly, TimeSeriesFrequency.Infer(months));
        DateTime[] monthEnds = [new(2024, 1, 31), new(2024, 2, 29), new(2024, 3, 31), new(2024, 4, 30)];
        Assert.Equal(TimeSeriesFrequency.Monthly, TimeSeriesFrequency.Infer(monthEnds));
        DateTime[] quarters = [new(2023, 1, 1), new(2023, 4, 1), new(2023, 7, 1)];
        Assert.Equal(TimeSeriesFrequency.Quarterly, TimeSeriesFrequency.Infer(quarters));
        DateTime[] hours = [new(2024, 1, 1, 0, 0, 0), new(2024, 1, 1, 1, 0, 0), new(2024, 1, 1, 2, 0, 0)];
        Assert.Equal(TimeSeriesFrequency.Every(TimeSpan.FromHours(1)), TimeSeriesFrequency.Infer(hours));
        DateTime[] irregular = [new(2024, 1, 1), new(2024, 1, 8), new(2024, 1, 16)];
        Assert.Null(TimeSeriesFrequency.Infer(irregular));
        Assert.Null(new TimeSeries(irregular, [1.0, 2, 3]).Frequency);
    }

    [Fact]
    public void MonthlyStepsFromAMonthEndStayOnMonthEnds()
    {
        var monthly = TimeSeriesFrequency.Monthly;

        Assert.Equal(new DateTime(2024, 2, 29), monthly.Next(new DateTime(2024, 1, 31)));
        Assert.Equal(new DateTime(2024, 3, 31), monthly.Next(new DateTime(2024, 2, 29)));
        Assert.Equal(new DateTime(2024, 4, 15), monthly.Next(new DateTime(2024, 1, 15), 3));
        Assert.Equal(new DateTime(2024, 1, 15), TimeSeriesFrequency.Weekly.Next(new DateTime(2024, 1, 1), 2));
        Assert.Equal("weekly", TimeSeriesFrequency.Weekly.ToString());
        Assert.Equal("every 2 months", TimeSeriesFrequency.EveryMonths(2).ToString());
    }

    [Fact]
    public void InterpolationIsLinearInTimeAndTakesTheNearestValueAtTheEnds()
    {
        // Steps on days 0, 1, 4 (missing), 5 and 6 (missing): the gap at day 4 lies 3/4 of the way
        // from day 1 to day 5, so it gets 10 + 0.75 * (50 - 10), not the midpoint 30.
        DateTime[] days = [new(2024, 1, 1), new(2024, 1, 2), new(2024, 1, 5), new(2024, 1, 6), new(2024, 1, 7)];
        var series = new TimeSeries(days, [double.NaN, 10, double.NaN, 50, double.NaN]);

        var filled = series.Interpolate();

        Assert.Equal(3, series.MissingCount);
        Assert.False(filled.HasMissingValues);
        Assert.Equal([10.0, 10, 40, 50, 50], filled.Values());
        Assert.Equal(days, filled.Timestamps);
    }

    [Fact]
    public void InterpolationFillsEachFeatureFromItsOwnValues()
    {
        var values = new double[,] { { 1, double.NaN }, { double.NaN, 4 }, { 3, 6 } };
        var filled = new TimeSeries(SeriesData.Weeks(3), values, ["a", "b"]).Interpolate();

        Assert.Equal([1.0, 2, 3], filled.Values("a"));
        Assert.Equal([4.0, 4, 6], filled.Values("b"));
    }

    [Fact]
    public void AFeatureWithoutAnyValueCannotBeInterpolated()
    {
        var series = new TimeSeries(SeriesData.Weeks(2), [double.NaN, double.NaN], "co2");

        var error = Assert.Throws<InvalidOperationException>(() => series.Interpolate());

        Assert.Equal("Feature 'co2' has no value in its 2 steps; there is nothing to interpolate from.", error.Message);
    }

    [Fact]
    public void TimestampsMustIncreaseAndValuesBeFinite()
    {
        DateTime[] repeated = [new(2024, 1, 1), new(2024, 1, 8), new(2024, 1, 8)];
        var order = Assert.Throws<ArgumentException>(() => new TimeSeries(repeated, [1.0, 2, 3]));
        Assert.Equal("Timestamps must increase: step 2 (2024-01-08) does not come after step 1 (2024-01-08).", order.Message);

        var infinite = Assert.Throws<ArgumentException>(() => new TimeSeries(SeriesData.Weeks(2), [1.0, double.PositiveInfinity]));
        Assert.Equal("Feature 'value' is infinite at step 1 (2024-01-08); a missing value is NaN.", infinite.Message);

        Assert.Throws<ArgumentException>(() => new TimeSeries(SeriesData.Weeks(3), [1.0, 2]));
    }

    [Fact]
    public void SlicesAndJoinsKeepTheirTimestamps()
    {
        var series = SeriesData.Ramp(10);

        var middle = series.Slice(3, 4);
        var between = series.Between(SeriesData.Monday.AddDays(21), SeriesData.Monday.AddDays(49));
        var joined = series.Slice(0, 3).Append(middle);

        Assert.Equal([3.0, 4, 5, 6], middle.Values());
        Assert.Equal(series.Timestamps.Skip(3).Take(4), middle.Timestamps);
        Assert.Equal(middle.Values(), between.Values());
        Assert.Equal(series.Timestamps.Take(7), joined.Timestamps);
        Assert.Equal([7.0, 8, 9], series.Last(3).Values());
        var gap = Assert.Throws<ArgumentException>(() => middle.Append(series.Slice(0, 2)));
        Assert.StartsWith("The appended series starts at 2024-01-01, not after this one ends (2024-02-12).", gap.Message);
    }

    [Fact]
    public void ToTensorIsStepsByFeatures()
    {
        using var values = SeriesData.TwoFeatures(3).ToTensor();

        Assert.Equal([3L, 2], values.shape);
        Assert.Equal([0f, 100, 1, 101, 2, 102], values.data<float>().ToArray());
    }
}
