using System;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Samples.BreastCancer;

/// <summary>
/// The guide's first model end to end: load the table, split 75/25 with a seed, standardize
/// with statistics of the training split only, train with a validation split and early
/// stopping, report test accuracy and ROC-AUC, then save, reload and check the predictions.
/// </summary>
public static class BreastCancerSample
{
    /// <summary>What the run measured, for the sample's tests.</summary>
    public sealed record Result(int EpochsRun, double TestAccuracy, double TestRocAuc, bool PredictionsEqualAfterReload, string WeightsPath);

    public static Result Run(TextWriter output, int maxEpochs = 150, string? workDirectory = null)
    {
        const int seed = 42;

        // scikit-learn's file starts with a line of counts and class names, then 30 features and the 0/1 target per row.
        var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "breast_cancer.csv");
        using var table = CsvLoader.Load(dataPath, new CsvOptions { HasHeader = false, SkipRows = 1, LabelColumn = -1 });
        output.WriteLine($"Loaded {table.Features.shape[0]} samples with {table.Features.shape[1]} features from {Path.GetFileName(dataPath)}.");

        using var split = DataSplit.TrainTestSplit(table.Features, table.Labels.reshape(-1, 1), testFraction: 0.25, seed: seed);
        using var scaler = new StandardScaler();
        using var xTrain = scaler.FitTransform(split.XTrain);
        using var xTest = scaler.Transform(split.XTest);

        // The parameters are created where they will live (CUDA when available) and initialized
        // from the seed alone; Fit, Evaluate and Predict move the data there.
        using var model = new CancerNet(Devices.Default, seed: seed);
        output.WriteLine(model.Summary());

        var history = model.Fit(
            xTrain,
            split.YTrain,
            epochs: maxEpochs,
            batchSize: 10,
            validationSplit: 0.2,
            callbacks: [new EarlyStopping(monitor: "val_loss", patience: 10, restoreBestWeights: true)],
            output: output,
            seed: seed);

        var evaluation = model.Evaluate(xTest, split.YTest);
        output.WriteLine($"Test loss {evaluation.Loss:F4}, accuracy {evaluation["accuracy"]:F4}, ROC-AUC {evaluation["auc"]:F4} after {history.Epochs} epochs.");

        var directory = workDirectory ?? Path.Combine(Path.GetTempPath(), "netgen-breast-cancer");
        Directory.CreateDirectory(directory);
        var weights = Path.Combine(directory, "cancer.safetensors");
        model.SaveWeights(weights);

        using var reloaded = new CancerNet(Devices.Default);
        reloaded.LoadWeights(weights);
        using var before = model.Predict(xTest);
        using var after = reloaded.Predict(xTest);
        var equal = before.equal(after).all().item<bool>();
        output.WriteLine($"Saved to {weights}; reloaded predictions {(equal ? "are identical" : "DIFFER")}.");

        return new Result(history.Epochs, evaluation["accuracy"], evaluation["auc"], equal, weights);
    }
}
