using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0305: the score a method reports is measured on the training data.</summary>
public sealed class TrainingDataEvaluationAnalyzerTests
{
    [Fact]
    public async Task NG0305_OnlyEvaluateOnTrainingData_ReportedAtTheData()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Scoring
            {
                public static double Fitted(Net model, Tensor x, Tensor y)
                {
                    model.Fit(x, y, epochs: 10);
                    return model.Evaluate([|x|], y).Loss;
                }

                public static double Split(Net model, TabularData table)
                {
                    using var split = DataSplit.TrainTestSplit(table.Features, table.Labels);
                    var xTrain = split.XTrain;
                    return model.Evaluate([|xTrain|], split.YTrain)["accuracy"];
                }

                public static double Images(Net model, FashionMnistData data) =>
                    model.Evaluate([|data.Train.Images|], data.Train.Labels).Loss;
            }
            """), "NG0305");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("The only Evaluate of 'model' measures 'x', the data it is trained on in Fit: the score shows how well the network fits, not how it generalizes; evaluate on a held-out test split", messages);
        Assert.Contains(messages, static m => m.StartsWith("The only Evaluate of 'model' measures 'xTrain', the training split 'split.XTrain':", System.StringComparison.Ordinal));
        Assert.Contains(messages, static m => m.StartsWith("The only Evaluate of 'model' measures 'data.Train.Images', the training split 'data.Train':", System.StringComparison.Ordinal));
    }

    [Fact]
    public Task TrainingScoreBesideATestScore_OrUnknownData_Silent() => VerifyAsync(With("""
        public static class Scoring
        {
            // Training and test scores side by side show overfitting: a comparison, not a report.
            public static (double Train, double Test) Compared(Net model, FashionMnistData data)
            {
                model.Fit(data.Train.Images, data.Train.Labels);
                var train = model.Evaluate(data.Train.Images, data.Train.Labels).Loss;
                var test = model.Evaluate(data.Test.Images, data.Test.Labels).Loss;
                return (train, test);
            }

            public static double Tested(Net model, Tensor x, Tensor y, Tensor xTest, Tensor yTest)
            {
                model.Fit(x, y);
                return model.Evaluate(xTest, yTest).Loss;
            }

            // Another network trained on x, and data whose origin is unknown.
            public static double Unknown(Net model, Net other, Tensor x, Tensor y)
            {
                other.Fit(x, y);
                return model.Evaluate(x, y).Loss;
            }
        }
        """));
}
