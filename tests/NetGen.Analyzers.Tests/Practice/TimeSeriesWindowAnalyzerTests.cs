using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0126: windows that cannot fit a span whose size the code fixes.</summary>
public sealed class TimeSeriesWindowAnalyzerTests
{
    [Fact]
    public async Task NG0126_WindowsOfASlice_ReportedAtTheLength()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen.Data;

            public static class Forecast
            {
                public static void Cut(TimeSeries series)
                {
                    var validation = series.Slice(0, 40);
                    var windows = validation.Windows([|52|], batchSize: 16);
                    var exact = series.Slice(10, 40).Windows([|40|]);
                    var created = new TimeseriesWindows(series.Last(30), [|10|], horizon: 5, samplingRate: 3);
                }
            }
            """, "NG0126");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("Windows of 52 steps need 53 steps for one window and its target, but 'validation' has 40; shorten the windows or lengthen the span", messages);
        Assert.Contains("Windows of 10 steps need 33 steps for one window and its target, but 'series.Last(30)' has at most 30; shorten the windows or lengthen the span", messages);
    }

    [Fact]
    public Task NG0126_ValidationSpanOfAFixedSplit_Reported() => VerifyAsync("""
        using NetGen.Data;

        public static class Forecast
        {
            public static void Cut(TimeSeries series, Scaler scaler)
            {
                var recent = series.Slice(0, 200).Interpolate();
                var split = ChronologicalSplit.ByFraction(recent, 0.2, 0.1).Scale(scaler);
                var training = split.Training.Windows(52, shuffle: true);
                var validation = split.Validation.Windows([|52|]);
            }
        }
        """, "NG0126");

    [Fact]
    public Task NG0126_UnknownSizesAndWindowsThatFit_Silent() => VerifyAsync("""
        using NetGen.Data;

        public static class Forecast
        {
            public static void Cut(TimeSeries series, int length)
            {
                // The validation span of a loaded series: its size is known only at run time.
                var split = ChronologicalSplit.ByFraction(series, 0.2, 0.1);
                var validation = split.Validation.Windows(52);
                var fits = series.Slice(0, 53).Windows(52);
                var computed = series.Slice(0, 40).Windows(length);
                var span = series.Slice(0, 40);
                span = series;
                var reassigned = span.Windows(52);
                var atMost = series.Last(60).Windows(52);
            }
        }
        """);
}
