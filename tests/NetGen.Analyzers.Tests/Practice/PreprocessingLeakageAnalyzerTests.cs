using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0303 and NG0304: a scaler or other fitted transform that sees the test rows.</summary>
public sealed class PreprocessingLeakageAnalyzerTests
{
    [Fact]
    public async Task NG0303_FittedOnATestFileOrTheHeldOutSideOfASplit_ErrorAtTheData()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Preparation
            {
                public static Tensor File(StandardScaler scaler)
                {
                    var test = CsvLoader.Load("data/test.csv");
                    scaler.Fit([|test.Features|]);
                    return scaler.Transform(test.Features);
                }

                public static Tensor Split()
                {
                    using var scaler = new MinMaxScaler();
                    var table = CsvLoader.Load("data/table.csv");
                    var (xTrain, xTest, yTrain, yTest) = DataSplit.TrainTestSplit(table.Features, table.Labels);
                    var scaledTest = scaler.FitTransform([|xTest|]);
                    return scaler.Transform(xTrain);
                }

                public static Pca Projection(FashionMnistData data) => Pca.Fit([|data.Test.Images|], 2);
            }

            // A transform of the user's own with a Fit: the rule knows it by the name.
            public sealed class Pca
            {
                public static Pca Fit(Tensor x, int components) => new();
            }
            """), "NG0303");

        Assert.All(diagnostics, static d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("'scaler' is fitted on 'test.Features', which is test data (from 'CsvLoader.Load(\"data/test.csv\")'): fit it on the training split and only transform the test data", messages);
        Assert.Contains("'scaler' is fitted on 'xTest', which is test data: fit it on the training split and only transform the test data", messages);
        Assert.Contains(messages, static m => m.StartsWith("'Pca.Fit' is fitted on 'data.Test.Images', which is test data (from 'data.Test')", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task NG0304_FittedOnTheWholeTableThenSplit_WarningAtTheData()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Preparation
            {
                public static TrainTestData Scaled(string path)
                {
                    using var scaler = new StandardScaler();
                    var table = CsvLoader.Load(path);
                    var scaled = scaler.FitTransform([|table.Features|]);
                    return DataSplit.TrainTestSplit(scaled, table.Labels, testFraction: 0.2);
                }

                public static TrainTestData Transformed(StandardScaler scaler, TabularData table)
                {
                    var features = table.Features;
                    scaler.Fit([|features|]);
                    return DataSplit.TrainTestSplit(scaler.Transform(table.Features), table.Labels);
                }
            }
            """), "NG0304");

        Assert.Contains(
            "'scaler' is fitted on 'table.Features' before DataSplit.TrainTestSplit splits it: statistics of the test rows leak into training; split first, then fit on the training split",
            diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public Task FittedOnTheTrainingSplit_OrOnDataNotSplitHere_Silent() => VerifyAsync(With("""
        public static class Preparation
        {
            public static (Tensor Train, Tensor Test) Correct(string path)
            {
                using var scaler = new StandardScaler();
                var table = CsvLoader.Load(path);
                using var split = DataSplit.TrainTestSplit(table.Features, table.Labels, testFraction: 0.2);
                return (scaler.FitTransform(split.XTrain), scaler.Transform(split.XTest));
            }

            // A split of the training part: its held-out side is validation data, never test data.
            public static Tensor Validation(StandardScaler scaler, FashionMnistData data)
            {
                var split = DataSplit.TrainTestSplit(data.Train.Images, data.Train.Labels);
                return scaler.Fit(split.XTrain).Transform(split.XTest);
            }

            // Fitted on a parameter and on other data than the data split afterwards; fitted after the split.
            public static TrainTestData Unsure(StandardScaler scaler, Tensor features, Tensor other, Tensor labels)
            {
                scaler.Fit(features);
                var split = DataSplit.TrainTestSplit(other.reshape(-1, 30), labels);
                scaler.Fit(features);
                return DataSplit.TrainTestSplit(scaler.Transform(other), labels);
            }
        }
        """));
}
