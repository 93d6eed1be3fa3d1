using System;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data.Series;

public sealed class SeasonalNaiveAndMetricsTests
{
    [Fact]
    public void SeasonalNaiveRepeatsTheLastSeason()
    {
        var history = new TimeSeries(SeriesData.Weeks(7), [9.0, 1, 2, 3, 4, 5, 6]);

        var forecast = SeasonalNaive.Forecast(history, season: 4, steps: 6);
        var naive = SeasonalNaive.Forecast(history, season: 1, steps: 2);

        Assert.Equal([3.0, 4, 5, 6, 3, 4], forecast.Values());
        Assert.Equal(history.End.AddDays(7), forecast.Start);
        Assert.Equal([6.0, 6], naive.Values());
        Assert.Throws<ArgumentException>(() => SeasonalNaive.Forecast(history, season: 8, steps: 1));
    }

    [Fact]
    public void RmseAndMaeOfAForecast()
    {
        var actual = new TimeSeries(SeriesData.Weeks(4), [1.0, 2, 3, 4]);
        var forecast = new TimeSeries(SeriesData.Weeks(4), [2.0, 2, 3, 1]);

        // Errors 1, 0, 0, 3: RMSE sqrt(10 / 4), MAE 4 / 4.
        Assert.Equal(Math.Sqrt(2.5), ForecastMetrics.Rmse(actual, forecast), 12);
        Assert.Equal(1.0, ForecastMetrics.Mae(actual, forecast), 12);
        Assert.Equal(Math.Sqrt(2.5), ForecastMetrics.Rmse([1.0, 2, 3, 4], [2.0, 2, 3, 1]), 12);
    }

    [Fact]
    public void AForecastForOtherDatesCannotBeCompared()
    {
        var actual = SeriesData.Ramp(4);
        var shifted = new TimeSeries(SeriesData.Weeks(5)[1..], [0.0, 1, 2, 3]);

        var error = Assert.Throws<ArgumentException>(() => ForecastMetrics.Rmse(actual, shifted));

        Assert.StartsWith("Step 0 of the forecast is dated 2024-01-08 but the actual value is dated 2024-01-01", error.Message);
        Assert.Throws<ArgumentException>(() => ForecastMetrics.Mae([1.0], [1.0, 2]));
    }
}
