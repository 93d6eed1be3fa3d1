using System;
using System.Linq;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data.Series;

public sealed class ChronologicalSplitTests
{
    [Fact]
    public void FractionsCutTheSeriesInTimeOrder()
    {
        var series = SeriesData.Ramp(20);

        var (training, validation, test) = ChronologicalSplit.ByFraction(series, validationFraction: 0.2, testFraction: 0.15);

        // ceil(0.15 * 20) = 3 test steps, ceil(0.2 * 20) = 4 validation steps, 13 for training.
        Assert.Equal(Enumerable.Range(0, 13).Select(static i => (double)i), training.Values());
        Assert.Equal([13.0, 14, 15, 16], validation.Values());
        Assert.Equal([17.0, 18, 19], test.Values());
        Assert.Equal(series.Timestamps.Skip(17), test.Timestamps);
        Assert.Equal((TimeSeriesSpan.Training, TimeSeriesSpan.Validation, TimeSeriesSpan.Test), (training.Span, validation.Span, test.Span));
        Assert.Equal(TimeSeriesFrequency.Weekly, test.Frequency);
    }

    [Fact]
    public void DatesCutAtTheFirstStepOnOrAfterThem()
    {
        var series = SeriesData.Ramp(10);

        var split = ChronologicalSplit.ByDate(series, SeriesData.Monday.AddDays(40), SeriesData.Monday.AddDays(56));

        Assert.Equal(6, split.Training.Length);
        Assert.Equal([6.0, 7], split.Validation.Values());
        Assert.Equal([8.0, 9], split.Test.Values());
        Assert.Equal(Enumerable.Range(0, 8).Select(static i => (double)i), split.History.Values());
    }

    [Fact]
    public void ASplitThatLeavesNoTrainingOrTestStepIsAnError()
    {
        var series = SeriesData.Ramp(10);

        Assert.Throws<ArgumentException>(() => ChronologicalSplit.ByFraction(series, 0.5, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChronologicalSplit.ByFraction(series, 0.1, 0));
        var late = Assert.Throws<ArgumentException>(() => ChronologicalSplit.ByDate(series, SeriesData.Monday.AddDays(7), new DateTime(2030, 1, 1)));
        Assert.StartsWith("The test span starts (2030-01-01) after the series' last step (2024-03-04): no test step is left.", late.Message);
    }

    [Fact]
    public void TheScalerLearnsFromTheTrainingSpanOnly()
    {
        var split = ChronologicalSplit.ByFraction(SeriesData.Ramp(20, first: 10), 0.25, 0.25);
        using var scaler = new MinMaxScaler();

        var scaled = split.Scale(scaler);

        // Training is 10..19: it maps to [0, 1]; later spans go beyond 1 instead of being squeezed in.
        Assert.Equal(10, scaler.SamplesSeen);
        Assert.Equal([10.0], scaler.DataMin);
        Assert.Equal([19.0], scaler.DataMax);
        Assert.Equal(0, scaled.Training[0], 12);
        Assert.Equal(1, scaled.Training[9], 12);
        Assert.Equal((29 - 10) / 9.0, scaled.Test[4], 12);
        Assert.Equal(split.Test.Timestamps, scaled.Test.Timestamps);
        Assert.Equal(TimeSeriesSpan.Validation, scaled.Validation.Span);
        Assert.Equal(split.Test.Values(), scaled.Test.InverseTransform(scaler).Values().Select(static v => Math.Round(v, 9)));
    }
}
