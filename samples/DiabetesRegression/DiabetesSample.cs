using System;
using System.IO;
using NetGen.Callbacks;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Samples.DiabetesRegression;

/// <summary>
/// Regression end to end: ten raw clinical features, targets scaled for training and reported
/// back in the original units, MSE loss with MAE and MSE metrics.
/// </summary>
public static class DiabetesSample
{
    /// <summary>What the run measured, in the target's original units.</summary>
    public sealed record Result(int EpochsRun, double TestMae, double BaselineMae);

    public static Result Run(TextWriter output, int maxEpochs = 300)
    {
        const int seed = 7;

        var directory = Path.Combine(AppContext.BaseDirectory, "Data");
        var space = new CsvOptions { HasHeader = false, Delimiter = ' ' };
        using var features = CsvLoader.LoadMatrix(Path.Combine(directory, "diabetes_data_raw.csv.gz"), space);
        using var targets = CsvLoader.LoadMatrix(Path.Combine(directory, "diabetes_target.csv.gz"), space);
        output.WriteLine($"Loaded {features.shape[0]} patients with {features.shape[1]} features.");

        using var split = DataSplit.TrainTestSplit(features, targets, testFraction: 0.2, seed: seed);
        using var featureScaler = new StandardScaler();
        using var targetScaler = new StandardScaler();
        using var xTrain = featureScaler.FitTransform(split.XTrain);
        using var xTest = featureScaler.Transform(split.XTest);
        using var yTrain = targetScaler.FitTransform(split.YTrain);

        using var model = new DiabetesNet(Devices.Default, seed: seed);
        model.PrintSummary(output);
        var history = model.Fit(
            xTrain,
            yTrain,
            epochs: maxEpochs,
            batchSize: 32,
            validationSplit: 0.2,
            callbacks: [new EarlyStopping(monitor: "val_loss", patience: 20, restoreBestWeights: true)],
            output: output,
            seed: seed);

        // Back to the original units (disease progression score) for a number people can read.
        using var predictions = targetScaler.InverseTransform(model.Predict(xTest).cpu());
        var testMae = (predictions - split.YTest).abs().mean().item<float>();
        var baselineMae = (split.YTest - split.YTrain.mean()).abs().mean().item<float>();
        output.WriteLine($"Test MAE {testMae:F1} (predicting the training mean: {baselineMae:F1}) after {history.Epochs} epochs.");
        return new Result(history.Epochs, testMae, baselineMae);
    }
}
