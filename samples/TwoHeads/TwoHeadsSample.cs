using System;
using System.Collections.Generic;
using System.IO;
using NetGen.Callbacks;
using NetGen.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Samples.TwoHeads;

/// <summary>
/// Two inputs and two outputs on a real table: split the breast-cancer features into the mean
/// measurements (inputs "means") and their standard errors ("errors"), hold out the worst
/// nucleus area as a second target, and train one network for both the diagnosis and that area,
/// with a loss, a loss weight and metrics per output.
/// </summary>
public static class TwoHeadsSample
{
    // scikit-learn's column order: 10 means, 10 standard errors, 10 worst values; "worst area" is column 23.
    private const int WorstAreaColumn = 23;

    /// <summary>What the run measured, for the sample's tests.</summary>
    public sealed record Result(
        int EpochsRun,
        IReadOnlyList<string> LoggedNames,
        double TestAccuracy,
        double TestRocAuc,
        double TestAreaMae,
        double AreaStandardDeviation,
        bool PredictionsEqualAfterReload);

    public static Result Run(TextWriter output, int maxEpochs = 200, string? workDirectory = null)
    {
        const int seed = 42;
        var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "breast_cancer.csv");
        using var table = CsvLoader.Load(dataPath, new CsvOptions { HasHeader = false, SkipRows = 1, LabelColumn = -1 });
        using var split = DataSplit.TrainTestSplit(table.Features, table.Labels.reshape(-1, 1), testFraction: 0.25, seed: seed, stratify: table.Labels);

        // Inputs are scaled with the training split's statistics only; so is the area target.
        var meansScaler = new StandardScaler();
        var errorsScaler = new StandardScaler();
        var areaScaler = new StandardScaler();
        var train = new Dictionary<string, Tensor>
        {
            ["means"] = meansScaler.FitTransform(Columns(split.XTrain, 0, 10)),
            ["errors"] = errorsScaler.FitTransform(Columns(split.XTrain, 10, 20)),
        };
        var test = new Dictionary<string, Tensor>
        {
            ["means"] = meansScaler.Transform(Columns(split.XTest, 0, 10)),
            ["errors"] = errorsScaler.Transform(Columns(split.XTest, 10, 20)),
        };
        var trainTargets = new Dictionary<string, Tensor>
        {
            ["Diagnosis"] = split.YTrain,
            ["WorstArea"] = areaScaler.FitTransform(Columns(split.XTrain, WorstAreaColumn, WorstAreaColumn + 1)),
        };
        var testTargets = new Dictionary<string, Tensor>
        {
            ["Diagnosis"] = split.YTest,
            ["WorstArea"] = areaScaler.Transform(Columns(split.XTest, WorstAreaColumn, WorstAreaColumn + 1)),
        };
        output.WriteLine($"{split.XTrain.shape[0]} training and {split.XTest.shape[0]} test samples; inputs 'means' and 'errors' of 10 features each.");

        using var model = new CancerTwoHeads(device: null, seed: seed);
        output.WriteLine(model.Summary());

        var history = model.Fit(
            train,
            trainTargets,
            epochs: maxEpochs,
            batchSize: 16,
            validationSplit: 0.2,
            callbacks: [new EarlyStopping(monitor: "val_loss", patience: 15, restoreBestWeights: true)],
            output: output,
            seed: seed);

        var evaluation = model.Evaluate(test, testTargets);
        var areaStd = areaScaler.Scale[0];
        output.WriteLine(
            $"Test: diagnosis accuracy {evaluation["Diagnosis_accuracy"]:F4}, ROC-AUC {evaluation["Diagnosis_auc"]:F4}; "
            + $"worst area mean absolute error {evaluation["WorstArea_mae"] * areaStd:F1} (the worst area varies with a standard deviation of {areaStd:F1}).");

        var directory = workDirectory ?? Path.Combine(Path.GetTempPath(), "netgen-two-heads");
        Directory.CreateDirectory(directory);
        var weights = Path.Combine(directory, "two-heads.safetensors");
        model.SaveWeights(weights);
        using var reloaded = new CancerTwoHeads();
        reloaded.LoadWeights(weights);
        var before = model.Predict(test);
        var after = reloaded.Predict(test);
        var equal = before["Diagnosis"].equal(after["Diagnosis"]).all().item<bool>() && before["WorstArea"].equal(after["WorstArea"]).all().item<bool>();
        output.WriteLine($"Saved to {weights}; reloaded predictions {(equal ? "are identical" : "DIFFER")}.");

        return new Result(
            history.Epochs,
            [.. history.Values.Keys],
            evaluation["Diagnosis_accuracy"],
            evaluation["Diagnosis_auc"],
            evaluation["WorstArea_mae"] * areaStd,
            areaStd,
            equal);
    }

    private static Tensor Columns(Tensor table, int start, int end) => table[TensorIndex.Colon, TensorIndex.Slice(start, end)];
}
