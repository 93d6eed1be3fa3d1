using System;
using System.IO;
using System.Security.Cryptography;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data.Series;

public sealed class Co2Tests
{
    private static readonly string s_path = SampleData.PathOf(Path.Combine("co2", Co2.FileName));

    [Fact]
    public void TheFileIsTheOneStatsmodelsShips()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(s_path)));

        Assert.Equal("16695fa2786e53414e5a6b54767a3fdf5de99cfbc68617f69d1362d92776a92f", hash);
    }

    [Fact]
    public void LoadsAWeeklySeriesWithItsGapsInterpolated()
    {
        var co2 = Co2.Load(s_path);
        var raw = TimeSeries.LoadCsv(s_path, new TimeSeriesCsvOptions { MissingValues = MissingValuePolicy.Keep });

        Assert.Equal(["co2"], co2.FeatureNames);
        Assert.Equal(2284, co2.Length);
        Assert.Equal(new DateTime(1958, 3, 29), co2.Start);
        Assert.Equal(new DateTime(2001, 12, 29), co2.End);
        Assert.Equal(TimeSeriesFrequency.Weekly, co2.Frequency);
        Assert.False(co2.HasMissingValues);
        Assert.Equal(59, raw.MissingCount);
        Assert.Equal(316.1, co2[0]);

        // 1958-05-10 is missing between 316.9 (05-03) and 317.5 (05-17).
        Assert.True(double.IsNaN(raw[6]));
        Assert.Equal(317.2, co2[6], 12);
        Assert.Equal(371.5, co2[co2.Length - 1]);
    }

    [Fact]
    public void AMissingFileSaysWhereToGetIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Co2.Load("/nonexistent/co2.csv"));

        Assert.StartsWith("The CO2 series was not found at /nonexistent/co2.csv", error.Message);
    }
}
