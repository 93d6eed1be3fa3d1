using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Data.Text;
using NetGen.Optimizers;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Samples.TextClassification;

/// <summary>
/// The guide's IMDB experiment on mail: classify the SpamAssassin subset as ham or spam with an
/// <c>Embedding</c> followed by a <c>SimpleRNN</c>, an <c>LSTM</c>, a <c>GRU</c> and a
/// bidirectional <c>LSTM</c>. The vocabulary comes from the training messages only; each model
/// stops early on the validation messages and keeps its best epoch's weights, and is tested once
/// at the end. The model with the lowest validation loss is saved with its vocabulary, reloaded,
/// and used on raw texts.
/// </summary>
public static class TextClassificationSample
{
    /// <summary>Short texts the reloaded model classifies, as a user would send them.</summary>
    public static IReadOnlyList<string> ExampleTexts { get; } = new[]
    {
        "Congratulations! You have been selected to receive a FREE credit report. Click here now to claim your offer, limited time only. To be removed from our mailing list reply with REMOVE.",
        "Make money fast working from home!!! Earn $5000 a week, no experience needed. Order today and get a 50% discount.",
        "Hi all, the patch for the RPM build breaks on Red Hat 7.3 because the spec file still refers to the old kernel headers. Has anyone seen this on the list before?",
        "Thanks for the reply. I upgraded to the latest version of the package and the problem with the mail filter went away, so I think we can close the bug.",
    };

    /// <summary>One trained model as measured.</summary>
    public sealed record ModelResult(
        string Name,
        long ParameterCount,
        int EpochsRun,
        int BestEpoch,
        double ValidationLoss,
        double ValidationAccuracy,
        double TestLoss,
        double TestAccuracy,
        TimeSpan TrainingTime,
        History History);

    /// <summary>A raw text and the spam probability the reloaded model gives it.</summary>
    public sealed record ExamplePrediction(string Text, double SpamProbability);

    /// <summary>What the run measured, for the sample's tests.</summary>
    public sealed record Result(
        int TrainCount,
        int ValidationCount,
        int TestCount,
        int VocabularySize,
        IReadOnlyList<ModelResult> Models,
        string BestModel,
        string WeightsPath,
        bool PredictionsEqualAfterReload,
        IReadOnlyList<ExamplePrediction> Examples);

    public static Result Run(TextWriter output, TextClassificationOptions? options = null)
    {
        options ??= new TextClassificationOptions();
        options.Validate();

        var directory = options.DataDirectory ?? Path.Combine(AppContext.BaseDirectory, "Data", "spam-assassin");
        var (train, validation, test) = SpamAssassin.Load(directory).Split(options.ValidationFraction, options.TestFraction, options.Seed);
        output.WriteLine($"SpamAssassin: {train.Count + validation.Count + test.Count} messages from {directory}; {Describe(train)} for training, {Describe(validation)} for validation, {Describe(test)} for the final test.");

        // Words seen only in validation or test messages stay unknown (id 1), as new mail's will.
        var vocabulary = Vocabulary.Build(train.Texts, maxWords: options.MaxWords);
        var trainIds = vocabulary.Encode(train.Texts);
        var lengths = trainIds.Select(static ids => ids.Length).Order().ToArray();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{vocabulary} from the training messages; their lengths in words: median {lengths[lengths.Length / 2]}, {lengths.Count(l => l > options.MaxLength)} of {lengths.Length} longer than {options.MaxLength} (their first words are cut)."));

        using var xTrain = Sequences.PadSequences(trainIds, options.MaxLength);
        using var yTrain = train.LabelTensor();
        using var xValidation = Sequences.PadSequences(vocabulary.Encode(validation.Texts), options.MaxLength);
        using var yValidation = validation.LabelTensor();
        using var xTest = Sequences.PadSequences(vocabulary.Encode(test.Texts), options.MaxLength);
        using var yTest = test.LabelTensor();
        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        var data = new EncodedSplits(xTrain, yTrain, xValidation, yValidation, xTest, yTest);

        // Small models (about 0.35 million parameters each): all stay in memory until the best is saved.
        var models = new List<INetwork>();
        try
        {
            var results = new List<ModelResult>();
            foreach (var name in options.Models)
            {
                var model = Create(name, options.Seed);
                models.Add(model);
                results.Add(Train(output, name, model, data, options, threads));
            }

            PrintTable(output, test.Count, results);

            // The model is chosen on validation, never on test: the test numbers above stay unbiased.
            var best = results.MinBy(static r => r.ValidationLoss)!;
            var bestModel = models[results.IndexOf(best)];
            var weights = Path.Combine(options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "netgen-text-classification"), "spam.safetensors");
            bestModel.SaveWeights(weights, vocabulary);

            using var reloaded = Create(best.Name, seed: null);
            reloaded.LoadWeights(weights);
            using var before = bestModel.Predict(xTest, threads: threads);
            using var after = reloaded.Predict(xTest, threads: threads);
            var predictionsEqual = before.equal(after).all().item<bool>();
            output.WriteLine();
            output.WriteLine($"Best on validation loss: {best.Name}. Saved its weights and vocabulary to {weights}; the reloaded model's test predictions {(predictionsEqual ? "are identical" : "DIFFER")}.");

            var examples = Classify(output, weights, best.Name, options, threads);
            return new Result(train.Count, validation.Count, test.Count, vocabulary.Size, results, best.Name, weights, predictionsEqual, examples);
        }
        finally
        {
            foreach (var model in models)
            {
                model.Dispose();
            }
        }
    }

    /// <summary>What an application does with the file: reads the vocabulary and weights back, and nothing else from training.</summary>
    private static ExamplePrediction[] Classify(TextWriter output, string weights, string modelName, TextClassificationOptions options, ThreadPolicy? threads)
    {
        var vocabulary = Vocabulary.Load(weights);
        using var classifier = Create(modelName, seed: null);
        classifier.LoadWeights(weights);
        using var ids = Sequences.PadSequences(vocabulary.Encode(ExampleTexts), options.MaxLength);
        using var probabilities = classifier.Predict(ids, threads: threads);
        var spam = probabilities.reshape(-1).data<float>().ToArray();
        var predictions = ExampleTexts.Select((text, i) => new ExamplePrediction(text, spam[i])).ToArray();
        output.WriteLine($"Raw texts classified by the {modelName} model loaded from the file ({vocabulary} read from it too):");
        foreach (var prediction in predictions)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {(prediction.SpamProbability >= 0.5 ? "spam" : "ham"),-4} {prediction.SpamProbability:F3}  {Shorten(prediction.Text, 70)}"));
        }

        return predictions;
    }

    private static void PrintTable(TextWriter output, int testCount, IReadOnlyList<ModelResult> results)
    {
        output.WriteLine();
        output.WriteLine($"Each model tested once, with its best epoch's weights, on the {testCount} test messages:");
        output.WriteLine("Model       Params  Epochs  Best  Val loss  Val acc  Test loss  Test acc  Seconds");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Name,-9} {r.ParameterCount,8:N0} {r.EpochsRun,7} {r.BestEpoch,5} {r.ValidationLoss,9:F4} {r.ValidationAccuracy,8:F4} {r.TestLoss,10:F4} {r.TestAccuracy,9:F4} {r.TrainingTime.TotalSeconds,8:F1}"));
        }
    }

    /// <summary>The three splits as padded id sequences and float32 labels.</summary>
    private sealed record EncodedSplits(Tensor XTrain, Tensor YTrain, Tensor XValidation, Tensor YValidation, Tensor XTest, Tensor YTest);

    private static ModelResult Train(TextWriter output, string name, INetwork model, EncodedSplits data, TextClassificationOptions options, ThreadPolicy? threads)
    {
        output.WriteLine();
        output.WriteLine(model.Summary());

        // The declared RMSprop, at the learning rate the options give.
        model.Compile(optimizer: new RmsProp(options.LearningRate));
        var stopping = new EarlyStopping(monitor: "val_loss", patience: options.Patience, restoreBestWeights: true);
        var clock = Stopwatch.StartNew();
        var history = model.Fit(
            data.XTrain,
            data.YTrain,
            epochs: options.Epochs,
            batchSize: options.BatchSize,
            validationData: (data.XValidation, data.YValidation),
            callbacks: [stopping],
            output: output,
            seed: options.Seed,
            threads: threads);
        clock.Stop();

        var validation = model.Evaluate(data.XValidation, data.YValidation, threads: threads);
        var test = model.Evaluate(data.XTest, data.YTest, threads: threads);
        var bestEpoch = stopping.BestEpoch + 1;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {history.Epochs} epochs in {clock.Elapsed.TotalSeconds:F1} s, best epoch {bestEpoch} restored; validation accuracy {validation["accuracy"]:F4}, test accuracy {test["accuracy"]:F4}."));
        var parameters = ((nn.Module)model).parameters().Sum(static p => p.numel());
        return new ModelResult(name, parameters, history.Epochs, bestEpoch, validation.Loss, validation["accuracy"], test.Loss, test["accuracy"], clock.Elapsed, history);
    }

    private static INetwork Create(string name, int? seed) => name switch
    {
        "SimpleRNN" => new SimpleRnnClassifier(Devices.Default, seed: seed),
        "LSTM" => new LstmClassifier(Devices.Default, seed: seed),
        "GRU" => new GruClassifier(Devices.Default, seed: seed),
        "BiLSTM" => new BidirectionalLstmClassifier(Devices.Default, seed: seed),
        _ => throw new ArgumentException($"Unknown model '{name}'; the models are {string.Join(", ", TextClassificationOptions.AllModels)}.", nameof(name)),
    };

    private static string Describe(LabeledTexts texts) =>
        $"{texts.Count} ({string.Join(", ", texts.ClassNames.Select((c, id) => $"{texts.Labels.Count(l => l == id)} {c}"))})";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";
}
