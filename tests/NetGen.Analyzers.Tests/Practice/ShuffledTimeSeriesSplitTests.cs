using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0309: a split that shuffles the steps of a time series.</summary>
public sealed class ShuffledTimeSeriesSplitTests
{
    [Fact]
    public async Task NG0309_ShuffledSplitOfSeriesSteps_ReportedAtTheSteps()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                public static TrainTestData Default(TimeSeries series, Tensor y) =>
                    DataSplit.TrainTestSplit([|series.ToTensor()|], y);

                public static TrainTestData ThroughLocals(TimeSeries series, Tensor y)
                {
                    var steps = series.ToTensor();
                    var rows = steps.reshape(-1, 1);
                    return DataSplit.TrainTestSplit([|rows|], y, testFraction: 0.2, shuffle: true);
                }

                public static TrainTestData Sliced(TimeSeries series)
                {
                    var steps = series.ToTensor();
                    return DataSplit.TrainTestSplit([|steps[..^1]|], steps[1..]);
                }
            }
            """), "NG0309");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("TrainTestSplit shuffles the steps of the time series 'series.ToTensor()': each test step has its neighbours in the training part, so the test score measures filling gaps, not forecasting; split in time order with ChronologicalSplit, which tests on the last steps", messages);
        Assert.Contains(messages, static m => m.StartsWith("TrainTestSplit shuffles the steps of the time series 'rows':", System.StringComparison.Ordinal));
    }

    [Fact]
    public Task SplitInOrderOrOfOtherData_Silent() => VerifyAsync(With("""
        public static class Training
        {
            public static TrainTestData InOrder(TimeSeries series, Tensor y) =>
                DataSplit.TrainTestSplit(series.ToTensor(), y, shuffle: false);

            // A table's rows, tensors of unknown origin, and a local written twice.
            public static TrainTestData Table(TabularData table) => DataSplit.TrainTestSplit(table.Features, table.Labels);

            public static TrainTestData Unknown(Tensor x, Tensor y) => DataSplit.TrainTestSplit(x, y);

            public static TrainTestData Rewritten(TimeSeries series, Tensor x, Tensor y)
            {
                var rows = series.ToTensor();
                rows = x;
                return DataSplit.TrainTestSplit(rows, y);
            }

            public static TimeSeriesSplit Chronological(TimeSeries series) => ChronologicalSplit.ByFraction(series, 0.1, 0.2);
        }
        """));
}
