using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NetGen.Data;
using NetGen.Samples.Forecasting;

namespace NetGen.Samples.Tests;

/// <summary>The forecasting sample on tiny settings (the full run is the README's command) and its network.</summary>
public sealed class ForecastingSampleTests
{
    [Fact]
    public void SampleSplitsInTimeTrainsBothNetworksAndForecastsTheTestSpanAndTheFuture()
    {
        var output = new StringWriter();
        var directory = Directory.CreateTempSubdirectory("netgen-forecasting-").FullName;

        var result = ForecastingSample.Run(output, new ForecastingOptions { MaxEpochs = 2, FutureWeeks = 10, Threads = 1, OutputDirectory = directory });

        var text = output.ToString();
        var (training, validation, test) = (result.Split.Training, result.Split.Validation, result.Split.Test);

        // 2,284 weeks: the newest 15% (343) are the test span, the 343 before them validate, and
        // the spans follow each other week by week without overlapping.
        Assert.Equal((1598, 343, 343), (training.Length, validation.Length, test.Length));
        Assert.Equal(training.End.AddDays(7), validation.Start);
        Assert.Equal(validation.End.AddDays(7), test.Start);
        Assert.Equal(result.Series.End, test.End);
        Assert.Contains("Training 1,598 weeks (1958-03-29 to 1988-11-05); validation 343 weeks (1988-11-12 to 1995-06-03); test 343 weeks (1995-06-10 to 2001-12-29).", text);

        // The baseline repeats the last observed year: its first test week is the value 52 weeks earlier.
        Assert.Equal(test.Timestamps, result.Baseline.Timestamps);
        Assert.Equal(validation[validation.Length - 52], result.Baseline[0]);
        Assert.Equal(validation[validation.Length - 52], result.Baseline[52]);
        Assert.Equal(ForecastMetrics.Rmse(test, result.Baseline), result.BaselineWholeSpanRmse);

        Assert.Equal(new[] { ForecastTarget.Level, ForecastTarget.Differences }, result.Models.Select(static m => m.Target));
        foreach (var model in result.Models)
        {
            // Early stopping watches the validation windows' loss, every epoch.
            Assert.Equal(new[] { "loss", "mae", "val_loss", "val_mae" }, model.History.Values.Keys.ToArray());
            Assert.Equal(2, model.History.Epochs);
            Assert.Equal(model.History["val_loss"].Min(), model.BestValidationLoss);

            // The recursive forecast covers exactly the test weeks, in ppmv, and is scored on them.
            Assert.Equal(test.Timestamps, model.TestForecast.Timestamps);
            Assert.Equal(ForecastMetrics.Rmse(test, model.TestForecast), model.WholeSpanRmse);
            Assert.Equal(ForecastMetrics.Rmse(test.Slice(0, 52), model.TestForecast.Slice(0, 52)), model.FirstYearRmse);
            Assert.Equal(model.FirstYearRmse, model.YearlyRmse[0]);
            Assert.Equal(7, model.YearlyRmse.Count);
            Assert.InRange(model.TestForecast[0], 340, 390);

            // The future: the ten Saturdays after the last observation.
            Assert.Equal(Enumerable.Range(1, 10).Select(w => result.Series.End.AddDays(7 * w)), model.Future.Timestamps);
            Assert.All(model.Future.Values(), static v => Assert.InRange(v, 340, 400));
        }

        Assert.Contains("Total params: 41,301", text);
        Assert.Contains("Levels: 1,546 training windows of 52 weeks, 291 validation windows", text);
        Assert.Contains("Weekly changes: 1,545 training windows of 52 weeks, 291 validation windows", text);
        Assert.Contains(" 1: 1995-06-10 - 1996-06-01", text);
        Assert.Contains(" 7: 2001-06-02 - 2001-12-29", text);
        Assert.Contains("whole span", text);

        var png = File.ReadAllBytes(result.PlotPath);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal((1400, 700), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Fact]
    public void PlotHasAFontWhereSkiaFindsNone()
    {
        // The Linux SkiaSharp build finds no installed font, so ScottPlot's default font name is
        // empty and every text of the plot is blank; the sample registers a TrueType file instead.
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
        {
            return;
        }

        ForecastingSample.Run(TextWriter.Null, new ForecastingOptions { MaxEpochs = 1, Targets = [ForecastTarget.Differences], FutureWeeks = 1, Threads = 1, OutputDirectory = Directory.CreateTempSubdirectory("netgen-forecasting-").FullName });

        Assert.False(string.IsNullOrEmpty(ScottPlot.Fonts.Default));
        Assert.True(ScottPlot.Fonts.GetTypeface(ScottPlot.Fonts.Default, bold: false, italic: false).GlyphCount > 0);
        Assert.True(ScottPlot.Fonts.GetTypeface(ScottPlot.Fonts.Default, bold: true, italic: false).GlyphCount > 0);
    }

    [Fact]
    public void DifferencesAndAccumulateAreInverses()
    {
        var start = new DateTime(2001, 1, 6);
        var levels = new TimeSeries(Enumerable.Range(0, 5).Select(w => start.AddDays(7 * w)).ToArray(), new[] { 350.0, 351.5, 351.0, 353.25, 354.0 }, "co2", TimeSeriesFrequency.Weekly);

        var changes = ForecastingSample.Differences(levels);
        var back = ForecastingSample.Accumulate(changes, levels[0], "co2");

        Assert.Equal(new[] { 1.5, -0.5, 2.25, 0.75 }, changes.Values());
        Assert.Equal(levels.Timestamps.Skip(1), changes.Timestamps);
        Assert.Equal(levels.Values().Skip(1), back.Values());
        Assert.Equal(changes.Timestamps, back.Timestamps);
        Assert.Throws<ArgumentException>(() => ForecastingSample.Differences(levels.Slice(0, 1)));
    }

    [Fact]
    public void Co2NetCountsAndSummaryAreKnownAtCompileTime()
    {
        // LSTM(100) on one feature, PyTorch's count with two bias vectors: 4 * 100 * (1 + 100) + 8 * 100;
        // then Dense(100 -> 1). Keras counts 400 fewer (one bias vector per gate).
        const long expected = Co2Net.ParameterCount;

        Assert.Equal((4 * 100 * (1 + 100)) + (8 * 100) + (100 + 1), expected);
        Assert.Equal(new NetGen.Shape(52, 1), Co2Net.InputShape);
        Assert.Equal(new NetGen.Shape(1), Co2Net.OutputShape);
        using var network = new Co2Net(Devices.Default);
        Assert.Equal(Co2Net.ParameterCount, network.parameters().Sum(static p => p.numel()));

        var documentation = XDocument.Load(Path.ChangeExtension(typeof(Co2Net).Assembly.Location, ".xml"));
        var member = documentation.Descendants("member").Single(m => (string?)m.Attribute("name") == "T:" + typeof(Co2Net).FullName);
        Assert.Equal(network.Summary(), DocText.Dedent(member.Element("remarks")!.Element("code")!.Value));
    }
}
