using System;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data.Series;

public sealed class TimeSeriesCsvTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ReadsTheDateAndValueColumnsAndInterpolatesGaps()
    {
        var path = _files.Write("sales.csv", "month,units,price\n2024-01,10,2.5\n2024-02,,3.5\n2024-03,30,NA\n");

        var series = TimeSeries.LoadCsv(path);

        Assert.Equal(["units", "price"], series.FeatureNames);
        Assert.Equal([new DateTime(2024, 1, 1), new DateTime(2024, 2, 1), new DateTime(2024, 3, 1)], series.Timestamps);
        Assert.Equal(TimeSeriesFrequency.Monthly, series.Frequency);

        // February is 31 of the 60 days from January to March: 10 + 20 * 31/60.
        Assert.Equal(10 + (20 * 31.0 / 60), series[1, 0], 12);
        Assert.Equal([2.5, 3.5, 3.5], series.Values("price"));
    }

    [Fact]
    public void PicksNamedColumnsInAGivenFormatAndKeepsGapsWhenAsked()
    {
        var path = _files.Write("t.csv", "id;day;temp\n1;31/12/2023;4\n2;01/01/2024;\n");

        var series = TimeSeries.LoadCsv(path, new TimeSeriesCsvOptions
        {
            Delimiter = ';',
            DateColumn = "day",
            DateFormat = "dd/MM/yyyy",
            ValueColumns = ["temp"],
            MissingValues = MissingValuePolicy.Keep,
        });

        Assert.Equal(["temp"], series.FeatureNames);
        Assert.Equal(new DateTime(2023, 12, 31), series.Start);
        Assert.Equal(1, series.MissingCount);
        Assert.True(double.IsNaN(series[1]));
    }

    [Fact]
    public void ErrorsNameTheFileLineColumnAndValue()
    {
        var badDate = _files.Write("a.csv", "date,v\n2024-01-01,1\n2024-13-01,2\n");
        var disorder = _files.Write("b.csv", "date,v\n2024-01-08,1\n2024-01-01,2\n");
        var notNumber = _files.Write("c.csv", "date,v\n2024-01-01,1\n2024-01-08,1.2.3\n");
        var missing = _files.Write("d.csv", "date,v\n2024-01-01,1\n2024-01-08,\n");

        Assert.Equal(
            "a.csv line 3, column 'date': '2024-13-01' is not a date in the format 'yyyy-MM-dd' or 'yyyyMMdd' or 'yyyy-MM-ddTHH:mm:ss' or 'yyyy-MM-dd HH:mm:ss' or 'yyyy-MM-ddTHH:mm' or 'yyyy-MM-dd HH:mm' or 'yyyy-MM-ddTHH:mm:ss.FFFFFFF' or 'yyyy-MM-dd HH:mm:ss.FFFFFFF' or 'yyyy-MM' or 'yyyy/MM/dd'.",
            Assert.Throws<CsvFormatException>(() => TimeSeries.LoadCsv(badDate)).Message);
        Assert.Equal(
            "b.csv line 3, column 'date': 2024-01-01 does not come after the previous row's 2024-01-08; a time series needs its rows in time order, each date once.",
            Assert.Throws<CsvFormatException>(() => TimeSeries.LoadCsv(disorder)).Message);
        Assert.Equal("c.csv line 3, column 'v': '1.2.3' is not a number.", Assert.Throws<CsvFormatException>(() => TimeSeries.LoadCsv(notNumber)).Message);
        var error = Assert.Throws<CsvFormatException>(() => TimeSeries.LoadCsv(missing, new TimeSeriesCsvOptions { MissingValues = MissingValuePolicy.Error }));
        Assert.Equal(3, error.Line);
        Assert.Equal("v", error.Column);
    }

    [Fact]
    public void WithAFrequencyASkippedDateBecomesAMissingRow()
    {
        var path = _files.Write("w.csv", "date,v\n2024-01-01,1\n2024-01-08,2\n2024-01-22,4\n2024-01-29,5\n");
        var weekly = new TimeSeriesCsvOptions { Frequency = TimeSeriesFrequency.Weekly };

        var series = TimeSeries.LoadCsv(path, weekly);
        var kept = TimeSeries.LoadCsv(path, weekly with { MissingValues = MissingValuePolicy.Keep });
        var inferred = TimeSeries.LoadCsv(path);

        Assert.Equal(SeriesData.Weeks(5), series.Timestamps);
        Assert.Equal([1.0, 2, 3, 4, 5], series.Values());
        Assert.Equal(1, kept.MissingCount);
        Assert.Equal(4, inferred.Length);
        Assert.Null(inferred.Frequency);
        Assert.Equal(
            "w.csv has no row for 2024-01-15, a weekly step (MissingValues is Error).",
            Assert.Throws<CsvFormatException>(() => TimeSeries.LoadCsv(path, weekly with { MissingValues = MissingValuePolicy.Error })).Message);
    }

    [Fact]
    public void WithAFrequencyADateOffTheGridIsAnError()
    {
        var path = _files.Write("x.csv", "date,v\n2024-01-01,1\n2024-01-09,2\n");

        var error = Assert.Throws<CsvFormatException>(() => TimeSeries.LoadCsv(path, new TimeSeriesCsvOptions { Frequency = TimeSeriesFrequency.Weekly }));

        Assert.Equal("x.csv has a date off the grid: step 1 (2024-01-09) is not on the weekly grid that starts at 2024-01-01; the grid date next to it is 2024-01-15.", error.Message);
    }

    [Fact]
    public void AnUnknownColumnListsTheFilesColumns()
    {
        var path = _files.Write("e.csv", "date,v\n2024-01-01,1\n");

        var error = Assert.Throws<ArgumentException>(() => TimeSeries.LoadCsv(path, new TimeSeriesCsvOptions { ValueColumns = ["value"] }));

        Assert.StartsWith("e.csv has no column 'value' (ValueColumns); its columns are 'date', 'v'.", error.Message);
    }
}
