using System;
using System.Linq;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data.Series;

public sealed class RecursiveForecasterTests
{
    private static double[] OneHot(int length, int index)
    {
        var weights = new double[length];
        weights[index] = 1;
        return weights;
    }

    [Fact]
    public void ANetworkCopyingTheOldestStepOfTheWindowForecastsTheLastSeasonAgain()
    {
        // Output = window[0]: step h forecasts the value 12 steps before it, which after 12 steps is
        // one of its own forecasts. That is the seasonal-naive forecast of season 12, only if every
        // prediction is appended and the window slides by exactly one step each time.
        var history = new TimeSeries(SeriesData.Weeks(20), Enumerable.Range(0, 20).Select(static i => (double)((i * 7) % 11)).ToArray());
        using var network = WindowNet.WithWeights(OneHot(12, 0));

        var forecast = new RecursiveForecaster(network).Forecast(history, steps: 30);

        var expected = SeasonalNaive.Forecast(history, season: 12, steps: 30);
        Assert.Equal(expected.Values(), forecast.Values().Select(static v => Math.Round(v, 4)));
        Assert.Equal(history.Values().Skip(8).Concat(history.Values().Skip(8)).Concat(history.Values().Skip(8).Take(6)), forecast.Values().Select(static v => Math.Round(v, 4)));
    }

    [Fact]
    public void ForecastsAreDatedFromTheEndOfTheHistory()
    {
        var history = SeriesData.Ramp(15);
        using var network = WindowNet.WithWeights(OneHot(12, 11));

        var weekly = new RecursiveForecaster(network).Forecast(history, steps: 3);
        var monthly = new RecursiveForecaster(network).Forecast(history, steps: 2, TimeSeriesFrequency.Monthly);

        Assert.Equal([14.0, 14, 14], weekly.Values());
        Assert.Equal([history.End.AddDays(7), history.End.AddDays(14), history.End.AddDays(21)], weekly.Timestamps);
        Assert.Equal(TimeSeriesFrequency.Weekly, weekly.Frequency);
        Assert.Equal([history.End.AddMonths(1), history.End.AddMonths(2)], monthly.Timestamps);
        Assert.Equal(history.FeatureNames, weekly.FeatureNames);
    }

    [Fact]
    public void ValuesGoThroughTheScalerAndComeBackInTheOriginalUnits()
    {
        // 2 * last - previous continues a line; scaling is affine, so the scaled network continues
        // the original line too: the forecast of 100, 103, ..., 157 is 160, 163, ...
        var series = new TimeSeries(SeriesData.Weeks(30), Enumerable.Range(0, 30).Select(static i => 100 + (3.0 * i)).ToArray(), "level");
        var split = ChronologicalSplit.ByFraction(series, 0.2, 0.2);
        using var scaler = new StandardScaler();
        split.Scale(scaler);
        var weights = new double[12];
        (weights[10], weights[11]) = (-1, 2);
        using var network = WindowNet.WithWeights(weights);

        var forecast = new RecursiveForecaster(network, scaler).Forecast(split.History, steps: split.Test.Length);

        Assert.Equal(split.Test.Timestamps, forecast.Timestamps);
        Assert.Equal(split.Test.Values(), forecast.Values().Select(static v => Math.Round(v, 3)));
        Assert.Equal(0, ForecastMetrics.Rmse(split.Test, forecast), 3);
    }

    [Fact]
    public void TheWindowLengthComesFromTheNetworkOrIsGivenForANamedStepsDimension()
    {
        using var fixedSteps = new WindowNet(12);
        using var namedSteps = new WindowNet(6, steps: Dimension.Named("steps"));

        Assert.Equal(12, new RecursiveForecaster(fixedSteps).Length);
        Assert.Equal(6, new RecursiveForecaster(namedSteps, length: 6).Length);
        Assert.StartsWith("WindowNet's steps dimension 'steps' is named: give the window length.", Assert.Throws<ArgumentException>(() => new RecursiveForecaster(namedSteps)).Message);
        Assert.StartsWith("WindowNet takes windows of 12 steps; the length given is 10.", Assert.Throws<ArgumentException>(() => new RecursiveForecaster(fixedSteps, length: 10)).Message);
        using var unfitted = new MinMaxScaler();
        Assert.Throws<ArgumentException>(() => new RecursiveForecaster(fixedSteps, unfitted));
    }

    [Fact]
    public void AHistoryShorterThanOneWindowIsAnError()
    {
        using var network = new WindowNet(12);

        var error = Assert.Throws<ArgumentException>(() => new RecursiveForecaster(network).Forecast(SeriesData.Ramp(11), 5));

        Assert.StartsWith("The history (series 2024-01-01 to 2024-03-11 (11 steps, weekly, 1 feature)) is shorter than one window: WindowNet needs 12 steps.", error.Message);
    }

    [Fact]
    public void AnIrregularHistoryNeedsAFrequencyToDateTheForecast()
    {
        var days = Enumerable.Range(0, 12).Select(static i => new DateTime(2024, 1, 1).AddDays(i * i)).ToArray();
        var history = new TimeSeries(days, Enumerable.Repeat(1.0, 12).ToArray());
        using var network = WindowNet.WithWeights(OneHot(12, 11));

        Assert.Throws<ArgumentException>(() => new RecursiveForecaster(network).Forecast(history, 2));
        Assert.Equal([days[^1].AddDays(1), days[^1].AddDays(2)], new RecursiveForecaster(network).Forecast(history, 2, TimeSeriesFrequency.Daily).Timestamps);
    }
}
