using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0310: Fit trains on the test split.</summary>
public sealed class TrainingOnTestAnalyzerTests
{
    [Fact]
    public async Task NG0310_TestPartOfADataSetATestFileATestSpanAndATestFolder_ReportedAtTheTrainingData()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                public static void Images(Net model, FashionMnistData data)
                {
                    model.Fit([|data.Test.Images|], data.Test.Labels, epochs: 5);
                }

                public static void Table(Net model)
                {
                    var train = CsvLoader.Load("data/train.csv");
                    var test = CsvLoader.Load("data/test.csv");
                    var xTest = test.Features;
                    model.Fit([|xTest|], test.Labels, epochs: 5, validationData: (train.Features, train.Labels));
                }

                public static void Series(Net model, TimeSeries series)
                {
                    var split = ChronologicalSplit.ByFraction(series, 0.2, 0.1);
                    model.Fit([|split.Test.Windows(12)|], validationData: split.Validation.Windows(12));
                }

                public static void Folder(Net model)
                {
                    var folder = ImageFolder.Open("images/test");
                    model.Fit(batches: [|folder.All()|], epochs: 2);
                }
            }
            """), "NG0310");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains(
            "Fit trains 'model' on 'data.Test.Images', which comes from the test split 'data.Test': the test score then measures data the network has learned, not unseen data; train on the training split and keep the test split for the final Evaluate",
            messages);
        Assert.Contains(messages, static m => m.StartsWith("Fit trains 'model' on 'xTest', which comes from the test split 'CsvLoader.Load(\"data/test.csv\")':", System.StringComparison.Ordinal));
        Assert.Contains(messages, static m => m.StartsWith("Fit trains 'model' on 'split.Test.Windows(12)', which comes from the test split 'split.Test':", System.StringComparison.Ordinal));
        Assert.Contains(messages, static m => m.StartsWith("Fit trains 'model' on 'folder.All()', which comes from the test split 'ImageFolder.Open(\"images/test\")':", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task NG0310_HeldOutDataThatTheFinalEvaluateMeasures_ReportedWithTheEvaluate()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                public static double Run(Net model)
                {
                    var table = CsvLoader.Load("data/cancer.csv");
                    var (xTrain, xTest, yTrain, yTest) = DataSplit.TrainTestSplit(table.Features, table.Labels, testFraction: 0.2);
                    model.Fit([|xTest|], yTest, epochs: 5);
                    return model.Evaluate(xTest, yTest).Loss;
                }
            }
            """), "NG0310");

        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("Fit trains 'model' on 'xTest', which is also passed to the final Evaluate of 'model':", diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        var evaluate = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("model.Evaluate(xTest, yTest)", evaluate.SourceTree!.GetText().ToString(evaluate.SourceSpan));
    }

    [Fact]
    public Task TrainingHeldOutValidationOrUnknownData_Silent() => VerifyAsync(With("""
        public static class Training
        {
            public static double Trained(Net model, FashionMnistData data)
            {
                model.Fit(data.Train.Images, data.Train.Labels, validationSplit: 0.2);
                return model.Evaluate(data.Test.Images, data.Test.Labels).Loss;
            }

            // The held-out side of a whole table, used as a validation part: fine-tuned on, then another score.
            public static double HeldOut(Net model)
            {
                var table = CsvLoader.Load("data/cancer.csv");
                using var split = DataSplit.TrainTestSplit(table.Features, table.Labels, testFraction: 0.2);
                var final = CsvLoader.Load("data/final.csv");
                model.Fit(split.XTrain, split.YTrain);
                model.Fit(split.XTest, split.YTest, epochs: 1);
                return model.Evaluate(final.Features, final.Labels).Loss;
            }

            // A validation part carved from the training data, and a chronological split's validation span.
            public static void FineTuned(Net model, FashionMnistData data, TimeSeries series)
            {
                var (xTrain, xValidation, yTrain, yValidation) = DataSplit.TrainTestSplit(data.Train.Images, data.Train.Labels, testFraction: 0.1);
                model.Fit(xTrain, yTrain);
                model.Fit(xValidation, yValidation, epochs: 1);
                var split = ChronologicalSplit.ByFraction(series, 0.2, 0.1);
                model.Fit(split.Validation.Windows(12), epochs: 1);
            }

            // Parameters, whatever their names: the origin is not in this method.
            public static double Unknown(Net model, Tensor xTest, Tensor yTest, Net other, Tensor x, Tensor y)
            {
                model.Fit(xTest, yTest);
                other.Fit(x, y);
                return other.Evaluate(xTest, yTest).Loss;
            }
        }
        """));
}
