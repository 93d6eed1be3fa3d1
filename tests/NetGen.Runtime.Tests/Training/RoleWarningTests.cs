using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using NetGen.Callbacks;
using NetGen.Data;
using NetGen.Data.Images;
using NetGen.Runtime.Tests.Data.Images;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>The run-time practice checks: each warning on its misuse, with its text, and silence on the correct near miss.</summary>
public sealed class RoleWarningTests
{
    private const string ValidationOnTest =
        "Fit's validationData has the test role: validating on the test data tunes the model to it, and its test score no longer estimates how it does on unseen data; hold validation data out of the training data (validationSplit, or a split of the training set) and keep the test data for the final Evaluate.";

    private const string TestSelectsModel =
        "Fit's validationData has the test role and selects the model (EarlyStopping restores the weights of the best val_loss): the test data chooses the weights, so its score is no longer an estimate on unseen data; hold validation data out of the training data (validationSplit, or a split of the training set) and keep the test data for the final Evaluate.";

    private const string TrainedOnTest =
        "Fit's training data has the test role: a network trained on the test data is then scored on data it has learned, so its test score no longer estimates how it does on unseen data; train on the training split and keep the test data for the final Evaluate.";

    private const string EvaluatedSelectingData =
        "Evaluate's data (x, y) is the validation data that selected the network in Fit (its best epoch's weights were kept): a score on the data that chose the weights overestimates how the model does on unseen data; report the score on test data that played no part in training. If this is the validation score on purpose, label the data with WithRole(DataRole.Validation).";

    [Fact]
    public void FitWarnsWhenTheValidationDataIsTheTestData()
    {
        var (x, y) = ToyData.Separable(16, seed: 1);
        var (xTest, yTest) = ToyData.Separable(8, seed: 2);
        xTest.WithRole(DataRole.Test);
        using var model = new TinyNet(seed: 1);
        var output = new StringWriter();

        var history = model.Fit(x, y, epochs: 1, batchSize: 8, validationData: (xTest, yTest), output: output);

        var warning = Assert.Single(history.Warnings);
        Assert.Equal(new RoleWarning("NG0301", ValidationOnTest), warning);
        Assert.Equal($"warning NG0301: {ValidationOnTest} (https://github.com/netgen-dev/netgen/blob/main/docs/diagnostics/NG0301.md)", output.ToString().Split(Environment.NewLine)[0]);
    }

    [Theory]
    [InlineData(DataRole.Validation)]
    [InlineData(DataRole.HeldOut)]
    [InlineData(null)]
    public void FitIsSilentWhenTheValidationDataIsNotTestData(DataRole? role)
    {
        var (x, y) = ToyData.Separable(16, seed: 1);
        var (xValidation, yValidation) = ToyData.Separable(8, seed: 2);
        if (role is { } value)
        {
            xValidation.WithRole(value);
            yValidation.WithRole(value);
        }

        using var model = new TinyNet(seed: 1);
        var output = new StringWriter();
        var history = model.Fit(x.WithRole(DataRole.Training), y, batchSize: 8, validationData: (xValidation, yValidation), callbacks: [new EarlyStopping(restoreBestWeights: true)], output: output);

        Assert.Empty(history.Warnings);
        Assert.DoesNotContain("warning", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FitWarnsWhenItTrainsOnTheTestData()
    {
        var (xTest, yTest) = ToyData.Separable(16, seed: 2);
        xTest.WithRole(DataRole.Test);
        using var model = new TinyNet(seed: 1);
        var output = new StringWriter();

        var history = model.Fit(xTest, yTest, epochs: 1, batchSize: 8, output: output);

        Assert.Equal([new RoleWarning("NG0310", TrainedOnTest)], history.Warnings);
        Assert.Equal($"warning NG0310: {TrainedOnTest} (https://github.com/netgen-dev/netgen/blob/main/docs/diagnostics/NG0310.md)", output.ToString().Split(Environment.NewLine)[0]);
    }

    [Fact]
    public void FitWarnsWhenItTrainsOnTestBatchesAndOnASplitOfTestData()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 4; i++)
        {
            tree.Gray($"test/a/{i}.png", 2, 2, static (row, column) => (byte)(row + column));
        }

        // The warning comes before the first epoch, so it shows even though TinyNet cannot take images.
        var options = new ImageFolderOptions { ImageSize = (2, 2), ColorMode = ColorMode.Grayscale };
        var batches = ImageFolder.Open(Path.Combine(tree.Root, "test"), options).All(2);
        using var model = new TinyNet(seed: 1);
        var output = new StringWriter();
        Assert.ThrowsAny<Exception>(() => model.Fit(batches, output: output));
        Assert.StartsWith($"warning NG0310: {TrainedOnTest}", output.ToString(), StringComparison.Ordinal);

        // A split of test data keeps its test side test data; the other side becomes validation data, so validating
        // on it and testing on the rest is silent, and training on the test side still warns.
        var (xTest, yTest) = ToyData.Separable(16, seed: 2);
        using var split = DataSplit.TrainTestSplit(xTest, yTest.WithRole(DataRole.Test), testFraction: 0.5);
        Assert.Equal([new RoleWarning("NG0310", TrainedOnTest)], model.Fit(split.XTest, split.YTest, batchSize: 8, verbose: Verbosity.Silent).Warnings);
        var (xTrain, yTrain) = ToyData.Separable(16, seed: 4);
        Assert.Empty(model.Fit(xTrain, yTrain, batchSize: 8, validationData: (split.XTrain, split.YTrain), verbose: Verbosity.Silent).Warnings);
    }

    [Theory]
    [InlineData(DataRole.Training)]
    [InlineData(DataRole.Validation)]
    [InlineData(DataRole.HeldOut)]
    [InlineData(null)]
    public void FitIsSilentWhenItTrainsOnDataThatIsNotTestData(DataRole? role)
    {
        var (x, y) = ToyData.Separable(16, seed: 1);
        if (role is { } value)
        {
            x.WithRole(value);
            y.WithRole(value);
        }

        using var model = new TinyNet(seed: 1);
        var output = new StringWriter();
        var history = model.Fit(x, y, batchSize: 8, validationSplit: 0.25, output: output);

        Assert.Empty(history.Warnings);
        Assert.DoesNotContain("warning", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TestDataThatSelectsTheModelIsNG0302()
    {
        var (x, y) = ToyData.Separable(16, seed: 1);
        var (xTest, yTest) = ToyData.Separable(8, seed: 2);
        yTest.WithRole(DataRole.Test);
        using var model = new TinyNet(seed: 1);

        var history = model.Fit(x, y, batchSize: 8, validationData: (xTest, yTest), callbacks: [new EarlyStopping(restoreBestWeights: true)], verbose: Verbosity.Silent);

        // Silent progress prints nothing, but the warning is still kept.
        Assert.Equal([new RoleWarning("NG0302", TestSelectsModel)], history.Warnings);
    }

    [Fact]
    public void AugmentedValidationBatchesAreNG0308AndFolderSubsetsHaveTheirRoles()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 8; i++)
        {
            tree.Gray($"test/a/{i}.png", 2, 2, static (row, column) => (byte)(row + column));
        }

        var options = new ImageFolderOptions { ImageSize = (2, 2), ColorMode = ColorMode.Grayscale, ValidationSplit = 0.25 };
        var folder = ImageFolder.Open(Path.Combine(tree.Root, "test"), options);
        var augmented = folder.Training(4, new ImageAugmentation { HorizontalFlip = true });
        Assert.Equal(DataRole.Training, DataRoles.Of(augmented));
        Assert.Equal(DataRole.Validation, DataRoles.Of(folder.Validation(4)));
        Assert.Equal(DataRole.Test, DataRoles.Of(ImageFolder.Open(Path.Combine(tree.Root, "test"), options with { ValidationSplit = 0 }).All(4)));

        // The warning comes before the first epoch, so it shows even though TinyNet cannot take images.
        using var model = new TinyNet(seed: 1);
        var output = new StringWriter();
        Assert.ThrowsAny<Exception>(() => model.Fit(folder.Training(4), validationData: augmented, output: output));
        Assert.StartsWith(
            "warning NG0308: Fit's validationData is augmented: validation measures randomly transformed images, so its values change from epoch to epoch for no reason in the model; validate on batches without augmentation (ImageFolder.Validation).",
            output.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateWarnsOnTheDataThatSelectedTheModel()
    {
        var (x, y) = ToyData.Separable(16, seed: 1);
        var (xValidation, yValidation) = ToyData.Separable(8, seed: 2);
        var (xTest, yTest) = ToyData.Separable(8, seed: 3);
        using var model = new TinyNet(seed: 1);
        model.Fit(x, y, epochs: 2, batchSize: 8, validationData: (xValidation, yValidation), callbacks: [new ModelCheckpoint(Path.Combine(Path.GetTempPath(), $"netgen-roles-{Guid.NewGuid():N}.bin"), saveBestOnly: true)], verbose: Verbosity.Silent);

        Assert.Empty(model.Evaluate(xTest, yTest).Warnings);
        Assert.Equal([new RoleWarning("NG0302", EvaluatedSelectingData)], model.Evaluate(xValidation, yValidation).Warnings);

        // Labelled as validation data, its score is the validation score, asked for on purpose.
        yValidation.WithRole(DataRole.Validation);
        Assert.Empty(model.Evaluate(xValidation, yValidation).Warnings);
    }

    [Fact]
    public void EvaluateIsSilentOnValidationDataThatSelectedNothing()
    {
        var (x, y) = ToyData.Separable(16, seed: 1);
        var (xValidation, yValidation) = ToyData.Separable(8, seed: 2);
        using var model = new TinyNet(seed: 1);

        // Early stopping without restoring the best weights stops, but keeps the last epoch's weights.
        model.Fit(x, y, batchSize: 8, validationData: (xValidation, yValidation), callbacks: [new EarlyStopping()], verbose: Verbosity.Silent);

        Assert.Empty(model.Evaluate(xValidation, yValidation).Warnings);
    }

    [Fact]
    public void EvaluateOnTrainingDataIsLeftToTheAnalyzer_ATrainingScoreBeforeATestScoreIsAComparison()
    {
        // Keras users print both scores, training first; only the analyzer (NG0305) sees whether another Evaluate follows.
        var (x, y) = ToyData.Separable(16, seed: 1);
        var (xTest, yTest) = ToyData.Separable(8, seed: 3);
        using var model = new TinyNet(seed: 1);
        model.Fit(x.WithRole(DataRole.Training), y, batchSize: 8, verbose: Verbosity.Silent);

        Assert.Empty(model.Evaluate(x, y).Warnings);
        Assert.Empty(model.Evaluate(xTest.WithRole(DataRole.Test), yTest).Warnings);
    }

    [Fact]
    public void ScalerWarnsWhenFittedOnDataThatIsNotTrainingData()
    {
        using var scaler = new MinMaxScaler();
        using var test = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]).WithRole(DataRole.Test);
        using var heldOut = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]).WithRole(DataRole.HeldOut);
        using var train = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]).WithRole(DataRole.Training);
        using var plain = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);

        scaler.Fit(test);
        Assert.Equal(
            [new RoleWarning("NG0303", "MinMaxScaler.Fit's x has the test role: its statistics leak that data into training, so the score on it is no longer an estimate on unseen data; fit the scaler on the training data only and Transform the other parts with it.")],
            scaler.Warnings);
        scaler.Fit(heldOut);
        Assert.Contains("has the held-out role", Assert.Single(scaler.Warnings).Message, StringComparison.Ordinal);

        scaler.Fit(train);
        Assert.Empty(scaler.Warnings);
        scaler.Fit(plain);
        Assert.Empty(scaler.Warnings);
    }

    [Fact]
    public void ANetworkDoesNotKeepItsDataAlive()
    {
        using var model = new TinyNet(seed: 1);
        var (x, y) = FittedAndDropped(model);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(x.TryGetTarget(out _));
        Assert.False(y.TryGetTarget(out _));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference<Tensor> X, WeakReference<Tensor> Y) FittedAndDropped(TinyNet model)
    {
        var (x, y) = ToyData.Separable(16, seed: 1);
        var (xValidation, yValidation) = ToyData.Separable(8, seed: 2);
        model.Fit(x, y, batchSize: 8, validationData: (xValidation, yValidation), callbacks: [new EarlyStopping(restoreBestWeights: true)], verbose: Verbosity.Silent);
        return (new WeakReference<Tensor>(x), new WeakReference<Tensor>(xValidation));
    }
}

/// <summary>The process-wide switches: where Evaluate's warnings go, and turning the checks off.</summary>
[Collection(ProcessWideState.Name)]
public sealed class RoleWarningSwitchTests
{
    [Fact]
    public void EvaluateWarningsGoToTheChosenWriterAndTheSwitchTurnsEveryCheckOff()
    {
        var (x, y) = ToyData.Separable(16, seed: 1);
        var (xTest, yTest) = ToyData.Separable(8, seed: 2);
        xTest.WithRole(DataRole.Test);
        using var test = tensor(new float[] { 1, 2 }, [1, 2]).WithRole(DataRole.Test);
        using var model = new TinyNet(seed: 1);
        using var scaler = new StandardScaler();
        var writer = new StringWriter();
        var previous = DataRoles.Output;
        DataRoles.Output = writer;
        try
        {
            // NG0302: the data that selected the weights is then evaluated.
            var (xSelect, ySelect) = ToyData.Separable(8, seed: 4);
            model.Fit(x, y, batchSize: 8, validationData: (xSelect, ySelect), callbacks: [new EarlyStopping(restoreBestWeights: true)], verbose: Verbosity.Silent);
            var result = model.Evaluate(xSelect, ySelect);
            Assert.Equal("NG0302", result.Warnings.Single().Rule);
            Assert.Equal(result.Warnings.Single() + Environment.NewLine, writer.ToString());

            DataRoles.Enabled = false;
            writer.GetStringBuilder().Clear();
            var fitOutput = new StringWriter();
            Assert.Empty(model.Fit(x, y, batchSize: 8, validationData: (xTest, yTest), output: fitOutput).Warnings);
            Assert.Empty(model.Fit(xTest, yTest, batchSize: 8, output: fitOutput).Warnings);
            Assert.Empty(model.Evaluate(xSelect, ySelect).Warnings);
            Assert.Empty(scaler.Fit(test).Warnings);
            Assert.Equal(string.Empty, writer.ToString());
            Assert.DoesNotContain("warning", fitOutput.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            DataRoles.Enabled = true;
            DataRoles.Output = previous;
        }
    }
}
