using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0301 and NG0302: the test split given to Fit as validation data.</summary>
public sealed class ValidationOnTestAnalyzerTests
{
    [Fact]
    public async Task NG0301_TestPartOfADataSetATestFileAndATestSpan_ReportedAtTheValidationData()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                public static void Images(Net model, FashionMnistData data)
                {
                    model.Fit(data.Train.Images, data.Train.Labels, validationData: [|(data.Test.Images, data.Test.Labels)|]);
                }

                public static void Table(Net model)
                {
                    var train = CsvLoader.Load("data/train.csv");
                    var test = CsvLoader.Load("data/test.csv");
                    var xTest = test.Features;
                    model.Fit(train.Features, train.Labels, epochs: 5, validationData: [|(xTest, test.Labels)|]);
                }

                // A simple method of the same file that returns the test part.
                private static (Tensor X, Tensor Y) Held(FashionMnistData data) => (data.Test.Images, data.Test.Labels);

                public static void Returned(Net model, FashionMnistData data)
                {
                    model.Fit(data.Train.Images, data.Train.Labels, validationData: [|Held(data)|]);
                }

                public static void Series(Net model, TimeSeries series)
                {
                    var split = ChronologicalSplit.ByFraction(series, 0.2, 0.1);
                    var test = split.Test.Windows(12);
                    model.Fit(split.Training.Windows(12, shuffle: true), validationData: [|test|]);
                }
            }
            """), "NG0301");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(
            "Validation data '(data.Test.Images, data.Test.Labels)' comes from the test split 'data.Test': the test score is no longer an estimate on unseen data; hold the validation data out of the training data (validationSplit, or a split of the training set)",
            messages);
        Assert.Contains(messages, static m => m.StartsWith("Validation data '(xTest, test.Labels)' comes from the test split 'CsvLoader.Load(\"data/test.csv\")'", System.StringComparison.Ordinal));
        Assert.Contains(messages, static m => m.StartsWith("Validation data 'test' comes from the test split 'split.Test'", System.StringComparison.Ordinal));
        Assert.Contains(messages, static m => m.StartsWith("Validation data 'Held(data)' comes from the test split 'data.Test'", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task NG0301_TheDataOfTheFinalEvaluate_ThroughADeconstruction()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                public static double Run(Net model, Tensor features, Tensor labels)
                {
                    var (xTrain, xTest, yTrain, yTest) = DataSplit.TrainTestSplit(features, labels, testFraction: 0.2);
                    model.Fit(xTrain, yTrain, validationData: [|(xTest, yTest)|], callbacks: [new EarlyStopping(monitor: "loss", restoreBestWeights: true)]);
                    return model.Evaluate(xTest, yTest).Loss;
                }
            }
            """), "NG0301");

        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("Validation data '(xTest, yTest)' is also passed to the final Evaluate of 'model':", diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal("model.Evaluate(xTest, yTest)", Assert.Single(diagnostic.AdditionalLocations).SourceTree!.GetText().ToString(Assert.Single(diagnostic.AdditionalLocations).SourceSpan));
    }

    [Fact]
    public async Task NG0301_ReadonlyFieldsGivenTheTestSplitInTheConstructor_ReportedAtTheValidationData()
    {
        var diagnostics = await VerifyAsync(With("""
            public sealed class Experiment
            {
                private readonly Tensor _xTest;
                private readonly Tensor _yTest;
                private static readonly Tensor s_held = CsvLoader.Load("data/test.csv").Features;

                public Experiment(FashionMnistData data)
                {
                    _xTest = data.Test.Images;
                    this._yTest = data.Test.Labels;
                }

                public void Run(Net model, Tensor x, Tensor y, Tensor labels)
                {
                    model.Fit(x, y, validationData: [|(_xTest, _yTest)|]);
                    model.Fit(x, y, validationData: [|(s_held, labels)|]);
                }
            }
            """), "NG0301");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, static m => m.StartsWith("Validation data '(_xTest, _yTest)' comes from the test split 'data.Test'", System.StringComparison.Ordinal));
        Assert.Contains(messages, static m => m.StartsWith("Validation data '(s_held, labels)' comes from the test split 'CsvLoader.Load(\"data/test.csv\")'", System.StringComparison.Ordinal));
    }

    [Fact]
    public Task FieldsThatMayHoldOtherData_Silent() => VerifyAsync(With("""
        public sealed class Experiment
        {
            private readonly Tensor _twice = CsvLoader.Load("data/test.csv").Features;
            private readonly Tensor _either;
            private readonly Tensor _deconstructed;
            private readonly Tensor _unused;
            private Tensor _mutable;

            public Experiment(FashionMnistData data, bool test)
            {
                _twice = data.Train.Images;
                if (test) { _either = data.Test.Images; } else { _either = data.Train.Images; }
                (_deconstructed, _unused) = (data.Test.Images, data.Test.Labels);
                _mutable = data.Test.Images;
            }

            public void Run(Net model, Tensor x, Tensor y, Tensor labels)
            {
                model.Fit(x, y, validationData: (_twice, labels));
                model.Fit(x, y, validationData: (_either, labels));
                model.Fit(x, y, validationData: (_deconstructed, labels));
                model.Fit(x, y, validationData: (_mutable, labels));
            }
        }
        """));

    [Fact]
    public async Task NG0302_EarlyStoppingAndCheckpointOnTheEvaluatedData_AreErrors()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                public static double Split(Net model, TabularData table)
                {
                    var split = DataSplit.TrainTestSplit(table.Features, table.Labels, testFraction: 0.25, seed: 1);
                    var stopping = new EarlyStopping(patience: 5, restoreBestWeights: true);
                    model.Fit(split.XTrain, split.YTrain, validationData: [|(split.XTest, split.YTest)|], callbacks: [stopping]);
                    return model.Evaluate(split.XTest, split.YTest)["accuracy"];
                }

                public static double Checkpoint(Net model, FashionMnistData data)
                {
                    var test = data.Test;
                    var callbacks = new Callback[] { new ModelCheckpoint("best.safetensors", monitor: "val_accuracy", saveBestOnly: true) };
                    model.Fit(data.Train.Images, data.Train.Labels, validationData: [|(test.Images, test.Labels)|], callbacks: callbacks);
                    return model.Evaluate(data.Test.Images, data.Test.Labels).Loss;
                }
            }
            """), "NG0302");

        Assert.All(diagnostics, static d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(
            "Validation data '(split.XTest, split.YTest)' selects the model ('stopping', EarlyStopping restoring the best weights) and is passed to the final Evaluate of 'model': the reported score is measured on the data the weights were chosen on; hold the validation data out of the training data",
            messages);
        Assert.Contains(messages, static m => m.StartsWith("Validation data '(test.Images, test.Labels)' selects the model (ModelCheckpoint saving the best only)", System.StringComparison.Ordinal));
    }

    [Fact]
    public Task ValidationHeldOutOfTrainingData_OrNotTheEvaluatedData_Silent() => VerifyAsync(With("""
        public static class Training
        {
            // Validation carved out of the training part; the test part only scores the result.
            public static double Carved(Net model, FashionMnistData data)
            {
                using var train = data.Train.SelectClasses(0, 1);
                using var split = DataSplit.TrainTestSplit(train.Images, train.Labels, 0.2);
                var stopping = new EarlyStopping(patience: 3, restoreBestWeights: true);
                model.Fit(split.XTrain, split.YTrain, validationData: (split.XTest, split.YTest), callbacks: [stopping]);
                return model.Evaluate(data.Test.Images, data.Test.Labels).Loss;
            }

            // The held-out side of a split of the whole table, never evaluated here: a validation split as often as a test split.
            public static void HeldOut(Net model, Tensor features, Tensor labels)
            {
                var split = DataSplit.TrainTestSplit(CsvLoader.Load("data/table.csv").Features, labels);
                model.Fit(split.XTrain, split.YTrain, validationData: (split.XTest, split.YTest));
            }

            public static double ValidationSplit(Net model, FashionMnistData data)
            {
                model.Fit(data.Train.Images, data.Train.Labels, validationSplit: 0.2);
                return model.Evaluate(data.Test.Images, data.Test.Labels).Loss;
            }

            // A folder's validation subset, evaluated and reported as validation.
            public static double Folder(Net model, ImageFolder folder)
            {
                model.Fit(folder.Training(32), validationData: folder.Validation(32));
                return model.Evaluate(folder.Validation(32)).Loss;
            }

            // A simple method that returns what it is given: its parameter is not the caller's data.
            private static Tensor Same(Tensor x) => x;

            public static void Passed(Net model, FashionMnistData data, Tensor xTest, Tensor yTest)
            {
                model.Fit(data.Train.Images, data.Train.Labels, validationData: (Same(xTest), yTest));
                model.Evaluate(xTest, yTest);
            }

            // A reassigned local, another network, and a final Evaluate on other data.
            public static double Unsure(Net model, Net other, Tensor x, Tensor y, Tensor xTest, Tensor yTest)
            {
                var validation = x;
                validation = xTest;
                model.Fit(x, y, validationData: (validation, yTest));
                model.Fit(x, y, validationData: (xTest, yTest));
                other.Evaluate(xTest, yTest);
                return model.Evaluate(validation, yTest).Loss;
            }
        }
        """));

    [Fact]
    public Task NG0302_LoweredInEditorConfig_IsSilent() => VerifyAsync(
        new[]
        {
            With("""
                public static class Training
                {
                    public static double Run(Net model, Tensor x, Tensor y, Tensor xTest, Tensor yTest)
                    {
                        model.Fit(x, y, validationData: (xTest, yTest), callbacks: [new EarlyStopping(restoreBestWeights: true)]);
                        return model.Evaluate(xTest, yTest).Loss;
                    }
                }
                """),
        },
        new AnalyzerTestOptions
        {
            EditorConfig = """
                root = true

                [*.cs]
                dotnet_diagnostic.NG0302.severity = none
                """,
        });
}
