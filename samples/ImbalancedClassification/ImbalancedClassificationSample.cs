using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Data;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Samples.ImbalancedClassification;

/// <summary>
/// Keras's "Imbalanced classification: credit card fraud detection" on the breast-cancer table made
/// rare on purpose: all benign rows and a seeded handful of malignant ones (the positive class), a
/// stratified split, a scaler fitted on the training split only, then the same network trained twice
/// from the same seed, without and with class weights, each judged on the untouched test split by its
/// confusion matrix, the positives caught (recall), the share of alarms that are real (precision) and ROC-AUC.
/// </summary>
public static class ImbalancedClassificationSample
{
    /// <summary>One training run judged on the test split.</summary>
    public sealed record RunResult(string Name, History History, double TestLoss, double TestAccuracy, double RocAuc, BinaryConfusion Confusion)
    {
        public double Recall => Confusion.Recall;

        public double Precision => Confusion.Precision;
    }

    /// <summary>Both runs on one seed's rows, split and initial weights.</summary>
    public sealed record Comparison(
        int Seed,
        long Rows,
        long TrainCount,
        long TrainPositives,
        long TestCount,
        long TestPositives,
        IReadOnlyDictionary<int, double> ClassWeight,
        RunResult Unweighted,
        RunResult Weighted);

    /// <summary>What the sample measured, for its tests: the detailed comparison on the seed, then one per seed of the repeats (the first is the detailed one).</summary>
    public sealed record Result(Comparison Main, IReadOnlyList<Comparison> Repeats)
    {
        public RunResult Unweighted => Main.Unweighted;

        public RunResult Weighted => Main.Weighted;
    }

    private const string NegativeName = "benign";
    private const string PositiveName = "malignant";

    public static Result Run(TextWriter output, ImbalancedClassificationOptions? options = null)
    {
        options ??= new ImbalancedClassificationOptions();
        options.Validate();

        // scikit-learn's file starts with a line of counts and class names, then 30 features and the target per row:
        // 0 = malignant (212 rows), 1 = benign (357). The rare class is the positive one here, as fraud is in Keras's example.
        var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "breast_cancer.csv");
        using var table = CsvLoader.Load(dataPath, new CsvOptions { HasHeader = false, SkipRows = 1, LabelColumn = -1 });

        var main = Compare(table, options, output);
        var repeats = new List<Comparison> { main };
        for (var seed = options.Seed + 1; seed < options.Seed + options.Repeats; seed++)
        {
            repeats.Add(Compare(table, options with { Seed = seed }, TextWriter.Null));
        }

        if (options.Repeats > 1)
        {
            output.WriteLine();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"The same comparison with {options.Repeats} seeds, each drawing its own malignant rows, split and initial weights:"));
            output.WriteLine("Seed   Test malignant   Caught: no weights / weights   False alarms: no weights / weights");
            foreach (var comparison in repeats)
            {
                Row(comparison.Seed.ToString(CultureInfo.InvariantCulture), comparison.TestPositives, [comparison.Unweighted.Confusion], [comparison.Weighted.Confusion]);
            }

            Row("Total", repeats.Sum(static c => c.TestPositives), repeats.Select(static c => c.Unweighted.Confusion), repeats.Select(static c => c.Weighted.Confusion));
        }

        return new Result(main, repeats);

        void Row(string label, long positives, IEnumerable<BinaryConfusion> unweighted, IEnumerable<BinaryConfusion> weighted) =>
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{label,-5}  {positives,15}  {unweighted.Sum(static c => c.TruePositives),18} / {weighted.Sum(static c => c.TruePositives),-7}  {unweighted.Sum(static c => c.FalsePositives),24} / {weighted.Sum(static c => c.FalsePositives)}"));
    }

    private static Comparison Compare(TabularData table, ImbalancedClassificationOptions options, TextWriter output)
    {
        var (x, y) = Imbalance(table, options.MinorityCount, options.Seed);
        using var features = x;
        using var targets = y;
        var rows = x.shape[0];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Kept all benign rows and {options.MinorityCount} malignant rows chosen with seed {options.Seed}: {rows} rows, {100.0 * options.MinorityCount / rows:F1}% malignant (the positive class)."));

        // Stratified, so the test split keeps the imbalance and holds some positives to catch.
        using var split = DataSplit.TrainTestSplit(x, y, options.TestFraction, seed: options.Seed, stratify: y.reshape(-1));
        using var scaler = new StandardScaler();
        using var xTrain = scaler.FitTransform(split.XTrain);
        using var xTest = scaler.Transform(split.XTest);
        var trainPositives = CountPositives(split.YTrain);
        var testPositives = CountPositives(split.YTest);
        var trainCount = split.YTrain.shape[0];
        var testCount = split.YTest.shape[0];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Training on {trainCount} rows ({trainPositives} malignant, {100.0 * trainPositives / trainCount:F2}%), testing on {testCount} ({testPositives} malignant)."));

        // Each class weighs total / (2 * its count): both classes then carry half of the loss. Keras's example
        // weighs them 1 / count, which is the same ratio; the factor total / 2 keeps the weighted loss on the
        // scale of the unweighted one (TensorFlow's imbalanced-data tutorial, scikit-learn's "balanced").
        var classWeight = new Dictionary<int, double>
        {
            [0] = trainCount / (2.0 * (trainCount - trainPositives)),
            [1] = trainCount / (2.0 * trainPositives),
        };
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Class weights (total / (2 x count)): benign {classWeight[0]:F4}, malignant {classWeight[1]:F4}."));
        output.WriteLine();

        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        var unweighted = Train("no class weights", weights: null);
        var weighted = Train("class weights", classWeight);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"On the {testCount} test rows ({testPositives} malignant):"));
        output.WriteLine("Run               Caught  Missed  False alarms  Recall  Precision  ROC-AUC");
        foreach (var run in new[] { unweighted, weighted })
        {
            var confusion = run.Confusion;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{run.Name,-16}  {confusion.TruePositives + "/" + confusion.Positives,6}  {confusion.FalseNegatives,6}  {confusion.FalsePositives,12}  {run.Recall,6:F3}  {run.Precision,9:F3}  {run.RocAuc,7:F4}"));
        }

        return new Comparison(options.Seed, rows, trainCount, trainPositives, testCount, testPositives, classWeight, unweighted, weighted);

        RunResult Train(string name, IReadOnlyDictionary<int, double>? weights)
        {
            // The same seed for both runs: the same initial weights, dropout masks and batches, so the class weights are the only difference.
            using var model = new ScreeningNet(Devices.Default, seed: options.Seed);
            if (weights is null)
            {
                output.WriteLine(model.Summary());
            }

            output.WriteLine($"Training with {name}:");
            var history = model.Fit(
                xTrain,
                split.YTrain,
                epochs: options.Epochs,
                batchSize: options.BatchSize,
                verbose: options.ShowEpochs ? Verbosity.Epoch : Verbosity.Silent,
                output: output,
                seed: options.Seed,
                threads: threads,
                classWeight: weights);

            var evaluation = model.Evaluate(xTest, split.YTest, threads: threads);
            using var predicted = model.PredictClasses(xTest, threads: threads);
            var confusion = BinaryConfusion.Compute(split.YTest, predicted);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"After {history.Epochs} epochs: training loss {history["loss"][^1]:F4}; test loss {evaluation.Loss:F4}, accuracy {evaluation["accuracy"]:F4}, ROC-AUC {evaluation["auc"]:F4}."));
            output.WriteLine("Confusion matrix on the test rows (rows: true class, columns: predicted class at 0.5):");
            output.Write(confusion.Format(NegativeName, PositiveName));
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Malignant recall {confusion.Recall:F3} ({confusion.TruePositives} of {confusion.Positives} caught), precision {confusion.Precision:F3} ({confusion.FalsePositives} false alarms)."));
            output.WriteLine();
            return new RunResult(name, history, evaluation.Loss, evaluation["accuracy"], evaluation["auc"], confusion);
        }
    }

    /// <summary>
    /// All benign rows and <paramref name="minorityCount"/> malignant rows drawn with the seed, in file order,
    /// with the target turned round so that malignant is 1: features (rows, 30) and targets (rows, 1).
    /// </summary>
    private static (Tensor X, Tensor Y) Imbalance(TabularData table, int minorityCount, int seed)
    {
        using var scope = NewDisposeScope();
        var labels = table.Labels.reshape(-1).to_type(ScalarType.Int64).data<long>().ToArray();
        var malignant = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 0).ToArray();
        if (minorityCount > malignant.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(minorityCount), minorityCount, $"The table has {malignant.Length} malignant rows.");
        }

        // A private generator: the draw depends on the seed alone, not on what else used TorchSharp's global one.
        using var generator = new Generator(unchecked((ulong)seed));
        var order = randperm(malignant.Length, generator: generator).data<long>().ToArray();
        var kept = new HashSet<long>(order.Take(minorityCount).Select(i => (long)malignant[i]));
        var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 1 || kept.Contains(i)).Select(static i => (long)i).ToArray();

        using var index = tensor(rows);
        var x = table.Features.index_select(0, index);
        var y = tensor(rows.Select(i => labels[i] == 0 ? 1f : 0f).ToArray()).reshape(-1, 1);
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }

    private static long CountPositives(Tensor labels) => labels.sum().to_type(ScalarType.Int64).item<long>();
}
