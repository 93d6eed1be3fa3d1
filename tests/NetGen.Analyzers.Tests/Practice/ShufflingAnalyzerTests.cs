using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0307: shuffling turned off for samples that do not depend on their order.</summary>
public sealed class ShufflingAnalyzerTests
{
    [Fact]
    public async Task NG0307_ShuffleFalseOnImagesOrAShuffledSplit_ReportedAtTheFalse()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                public static void Images(Net model, FashionMnistData data) =>
                    model.Fit(data.Train.Images, data.Train.Labels, shuffle: [|false|]);

                public static void Split(Net model, TabularData table)
                {
                    using var split = DataSplit.TrainTestSplit(table.Features, table.Labels, seed: 7);
                    var xTrain = split.XTrain;
                    model.Fit(xTrain, split.YTrain, epochs: 3, batchSize: 16, [|false|]);
                }

                public static void Deconstructed(Net model, Tensor x, Tensor y)
                {
                    var (xTrain, _, yTrain, _) = DataSplit.TrainTestSplit(x, y, shuffle: true);
                    model.Fit(xTrain, yTrain, shuffle: [|false|]);
                }
            }
            """), "NG0307");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("Fit trains on 'data.Train.Images', images of 'data.Train', with shuffling turned off: every epoch sees the samples in the same order, so its batches are not random draws; leave shuffle at true", messages);
        Assert.Contains(messages, static m => m.StartsWith("Fit trains on 'xTrain', rows of the shuffled split 'split.XTrain', with shuffling turned off", System.StringComparison.Ordinal));
        Assert.Contains(messages, static m => m.StartsWith("Fit trains on 'xTrain', rows of the shuffled split 'xTrain', with shuffling turned off", System.StringComparison.Ordinal));
    }

    [Fact]
    public Task ShuffledChronologicalOrUnknownData_Silent() => VerifyAsync(With("""
        public static class Training
        {
            public static void Shuffled(Net model, FashionMnistData data) =>
                model.Fit(data.Train.Images, data.Train.Labels, shuffle: true);

            // A chronological split keeps its rows in order on purpose (a time series).
            public static void Chronological(Net model, Tensor x, Tensor y)
            {
                using var split = DataSplit.TrainTestSplit(x, y, shuffle: false);
                model.Fit(split.XTrain, split.YTrain, shuffle: false);
            }

            // Tensors of unknown origin, a split given as a parameter, a shuffle decided at run time.
            public static void Unknown(Net model, Tensor x, Tensor y, TrainTestData split, bool shuffle, FashionMnistData data)
            {
                model.Fit(x, y, shuffle: false);
                model.Fit(split.XTrain, split.YTrain, shuffle: false);
                model.Fit(data.Train.Images, data.Train.Labels, shuffle: shuffle);
            }
        }
        """));
}
