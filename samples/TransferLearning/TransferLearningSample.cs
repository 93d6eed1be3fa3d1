using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Data;
using NetGen.Training;
using TorchSharp;

namespace NetGen.Samples.TransferLearning;

/// <summary>
/// The guide's transfer-learning experiment on Fashion-MNIST: train the whole network on classes
/// 0-4 (T-shirt/top to Coat), freeze the convolutional feature layers, then retrain only the
/// classifier on classes 5-9 (Sandal to Ankle boot), which it has never seen. Each phase reports
/// its trainable parameters, time per epoch and test accuracy on its own five classes.
/// </summary>
public static class TransferLearningSample
{
    /// <summary>One training phase as measured.</summary>
    public sealed record Phase(
        string Name,
        IReadOnlyList<string> ClassNames,
        long TrainCount,
        long TestCount,
        long TrainableParameters,
        History History,
        TimeSpan TimePerEpoch,
        double TestAccuracy);

    /// <summary>What the run measured, for the sample's tests.</summary>
    public sealed record Result(FashionMnistSource Source, Phase First, Phase Second, bool FeaturesUnchanged, long TotalParameters);

    public static Result Run(TextWriter output, TransferLearningOptions? options = null)
    {
        options ??= new TransferLearningOptions();
        options.Validate();

        using var data = FashionMnist.Load(new FashionMnistOptions
        {
            UseFullSet = options.UseFullSet,
            MaxTrainCount = options.MaxTrainCount,
            MaxTestCount = options.MaxTestCount,
        });
        output.WriteLine($"Fashion-MNIST: {data.Description}.");

        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        using var model = new TransferNet(Devices.Default, seed: options.Seed);
        output.WriteLine(model.Summary());

        var first = Train(output, model, "1. all layers, classes 0-4", data, new[] { 0, 1, 2, 3, 4 }, options, threads);

        // Keras: `for layer in feature_layers: layer.trainable = False`. The next Fit builds its
        // optimizer over the classifier's parameters only.
        model.Freeze(TransferNet.Features);
        output.WriteLine($"Froze the '{TransferNet.Features}' group; trainable now: {string.Join(", ", model.GetLayers().Where(static l => l.Trainable && l.TrainableParameterCount > 0).Select(static l => l.Name))}.");
        output.WriteLine(model.Summary());

        using var featuresBefore = Snapshot(model, TransferNet.Features);
        var second = Train(output, model, "2. classifier only, classes 5-9", data, new[] { 5, 6, 7, 8, 9 }, options, threads);
        using var featuresAfter = Snapshot(model, TransferNet.Features);
        var unchanged = featuresBefore.Zip(featuresAfter).All(static pair => pair.First.equal(pair.Second).all().item<bool>());

        output.WriteLine();
        output.WriteLine("Phase                               Trainable params   Time/epoch   Test accuracy");
        foreach (var phase in new[] { first, second })
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{phase.Name,-35} {phase.TrainableParameters,16:N0} {phase.TimePerEpoch.TotalSeconds,10:F1} s {phase.TestAccuracy,15:F4}"));
        }

        output.WriteLine(unchanged
            ? "The frozen feature layers are bit-identical before and after the second phase."
            : "The frozen feature layers changed during the second phase.");
        return new Result(data.Source, first, second, unchanged, TransferNet.ParameterCount);
    }

    private static Phase Train(TextWriter output, TransferNet model, string name, FashionMnistData data, int[] classes, TransferLearningOptions options, ThreadPolicy? threads)
    {
        using var train = data.Train.SelectClasses(classes);
        using var test = data.Test.SelectClasses(classes);
        output.WriteLine();
        output.WriteLine($"Phase {name}: {string.Join(", ", train.ClassNames)}.");

        // Validation comes out of the phase's training images, never its test split.
        using var split = DataSplit.TrainTestSplit(train.Images, train.Labels, options.ValidationFraction, seed: options.Seed, stratify: train.Labels);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Training on {split.XTrain.shape[0]:N0} images, validating on {split.XTest.shape[0]:N0} held out from them, testing on {test.Count:N0}."));

        var trainable = model.parameters().Where(static p => p.requires_grad).Sum(static p => p.numel());
        var clock = Stopwatch.StartNew();
        var history = model.Fit(
            split.XTrain,
            split.YTrain,
            epochs: options.Epochs,
            batchSize: options.BatchSize,
            validationData: (split.XTest, split.YTest),
            output: output,
            seed: options.Seed,
            threads: threads);
        var perEpoch = clock.Elapsed / history.Epochs;

        var evaluation = model.Evaluate(test.Images, test.Labels, batchSize: 512, threads: threads);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{perEpoch.TotalSeconds:F1} s per epoch; test accuracy {evaluation["accuracy"]:F4} on {test.Count:N0} images of classes {string.Join(", ", classes)}."));
        return new Phase(name, train.ClassNames, split.XTrain.shape[0], test.Count, trainable, history, perEpoch, evaluation["accuracy"]);
    }

    /// <summary>Copies of the parameters of one group's layers, to compare after training.</summary>
    private static DisposableList Snapshot(TransferNet model, string group)
    {
        var copies = new DisposableList();
        foreach (var layer in model.GetLayers().Where(l => l.Group == group))
        {
            copies.AddRange(layer.Module.parameters().Select(static p => p.detach().clone()));
        }

        return copies;
    }

    private sealed class DisposableList : List<torch.Tensor>, IDisposable
    {
        public void Dispose()
        {
            foreach (var tensor in this)
            {
                tensor.Dispose();
            }
        }
    }
}
