using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using NetGen.Data;
using NetGen.Samples.BreastCancer;
using NetGen.Samples.ClassicArchitectures;
using NetGen.Samples.FashionCnn;
using NetGen.Samples.ImageFolders;
using NetGen.Samples.TransferLearning;
using NetGen.Samples.TwoHeads;

namespace NetGen.Samples.Tests;

/// <summary>The main sample runs end to end (a few epochs here; the full run is the README's command).</summary>
public sealed class SampleRunTests
{
    [Fact]
    public void BreastCancerSampleTrainsEvaluatesSavesAndReloads()
    {
        var output = new StringWriter();
        var directory = Directory.CreateTempSubdirectory("netgen-sample-").FullName;

        var result = BreastCancerSample.Run(output, maxEpochs: 5, workDirectory: directory);

        var text = output.ToString();
        Assert.Contains("Loaded 569 samples with 30 features", text);
        Assert.Contains("Epoch 5/5", text);
        Assert.True(result.PredictionsEqualAfterReload);
        Assert.True(File.Exists(result.WeightsPath));
        // Five epochs on standardized data already separate the classes well above chance.
        Assert.InRange(result.TestAccuracy, 0.8, 1.0);
        Assert.InRange(result.TestRocAuc, 0.85, 1.0);
    }

    [Fact]
    public void TwoHeadsSampleTrainsBothOutputsWithTheirOwnLossesAndMetrics()
    {
        var output = new StringWriter();
        var directory = Directory.CreateTempSubdirectory("netgen-two-heads-").FullName;

        var result = TwoHeadsSample.Run(output, maxEpochs: 8, workDirectory: directory);

        Assert.Equal(
            new[]
            {
                "loss", "Diagnosis_loss", "WorstArea_loss", "Diagnosis_accuracy", "Diagnosis_auc", "WorstArea_mae",
                "val_loss", "val_Diagnosis_loss", "val_WorstArea_loss", "val_Diagnosis_accuracy", "val_Diagnosis_auc", "val_WorstArea_mae",
            },
            result.LoggedNames);
        Assert.InRange(result.TestAccuracy, 0.85, 1.0);
        Assert.InRange(result.TestRocAuc, 0.9, 1.0);

        // Predicting the mean area everywhere would be off by about 0.8 standard deviations.
        Assert.InRange(result.TestAreaMae, 0, 0.5 * result.AreaStandardDeviation);
        Assert.True(result.PredictionsEqualAfterReload);
        Assert.Contains(" means (InputLayer) ", output.ToString());
    }

    [Fact]
    public void FashionCnnSampleTrainsOnATinySubsetValidatesOnTrainingImagesAndPlotsItsCurves()
    {
        var output = new StringWriter();
        var directory = Directory.CreateTempSubdirectory("netgen-fashion-cnn-").FullName;

        var result = FashionCnnSample.Run(output, new FashionCnnOptions
        {
            UseFullSet = false,
            MaxTrainCount = 200,
            MaxTestCount = 60,
            Epochs = 2,
            ProgressEvery = 3,
            Threads = 1,
            OutputDirectory = directory,
        });

        var text = output.ToString();
        Assert.Equal(FashionMnistSource.Subset, result.Source);

        // The validation images are a tenth of the 200 training images; the 60 test images are not touched until the end.
        Assert.Equal((180, 20, 60), (result.TrainCount, result.ValidationCount, result.TestCount));
        Assert.Contains("Training on 180 images, validating on 20 held out from them, testing on 60.", text);
        Assert.Contains("Total params: 889,834", text);
        Assert.Contains("  step     3: loss ", text);
        Assert.Contains("Epoch 2/2", text);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, result.History.Values.Keys.ToArray());
        Assert.All(result.History.Values.Values, static values => Assert.Equal(2, values.Count));

        // The confusion matrix counts the same predictions Evaluate scored.
        Assert.Equal(60, result.ConfusionMatrix.Total);
        Assert.Equal(result.TestAccuracy, (double)result.ConfusionMatrix.Correct / result.ConfusionMatrix.Total, 6);
        Assert.Contains("9 Ankle boot", text);
        Assert.Contains("recall", text);

        // A real PNG of the size the sample asks for: signature, then the IHDR chunk's width and height.
        var png = File.ReadAllBytes(result.CurvesPath);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal((1200, 450), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));

        // Twelve steps on 180 images already beat guessing one of ten classes.
        Assert.InRange(result.TestAccuracy, 0.2, 1.0);
        Assert.True(result.History["loss"][1] < result.History["loss"][0], "the training loss falls from the first epoch to the second");
    }

    [Fact]
    public void ClassicArchitecturesSamplePrintsEachSummaryAndRunsEachNetworkForward()
    {
        var output = new StringWriter();

        var result = ClassicArchitecturesSample.Run(output, batchSize: 2);

        Assert.Equal(new[] { "LeNet5", "VggNet", "SmallResNet", "InceptionNet" }, result.Networks.Select(static n => n.Name));
        Assert.Equal(
            new[] { LeNet5.ParameterCount, VggNet.ParameterCount, SmallResNet.ParameterCount, InceptionNet.ParameterCount },
            result.Networks.Select(static n => n.ParameterCount));
        Assert.Equal(SmallResNet.TrainableParameterCount, result.Networks[2].TrainableParameterCount);
        Assert.Equal(new long[] { 2, 1, 28, 28 }, result.Networks[0].InputShape);
        Assert.All(result.Networks, static n => Assert.Equal(new long[] { 2, 10 }, n.OutputShape));
        Assert.All(result.Networks, static n => Assert.True(n.RowsAreDistributions, n.Name));
        var text = output.ToString();
        Assert.Contains("Model: \"LeNet5\"", text);
        Assert.Contains("Total params: 61,706", text);
        Assert.Contains(" Inception (Concatenate)       (None, 256, 16, 16)", text);
        Assert.Contains("SmallResNet: forward pass on a random batch (2, 3, 32, 32) -> (2, 10)", text);
    }

    [Fact]
    public void TransferLearningSampleRetrainsOnlyTheClassifierOnTheSecondFiveClasses()
    {
        var output = new StringWriter();

        var result = TransferLearningSample.Run(output, new TransferLearningOptions
        {
            UseFullSet = false,
            Epochs = 2,
            Threads = 1,
        });

        var text = output.ToString();
        Assert.Equal(FashionMnistSource.Subset, result.Source);
        Assert.Equal(new[] { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat" }, result.First.ClassNames);
        Assert.Equal(new[] { "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" }, result.Second.ClassNames);

        // The subset has 200 training and 50 test images per class; a tenth of each phase's training images validates.
        Assert.Equal((900L, 250L), (result.First.TrainCount, result.First.TestCount));
        Assert.Equal((900L, 250L), (result.Second.TrainCount, result.Second.TestCount));

        // Phase 1 trains everything; phase 2 only the classifier (Hidden and Output: 4,608 * 128 + 128 + 128 * 5 + 5).
        Assert.Equal(result.TotalParameters, result.First.TrainableParameters);
        Assert.Equal((4608 * 128) + 128 + (128 * 5) + 5, result.Second.TrainableParameters);
        Assert.Contains("Non-trainable params: 9,568", text);
        Assert.Contains("trainable now: Hidden, Output.", text);
        Assert.True(result.FeaturesUnchanged, "the frozen feature layers must not move in the second phase");
        Assert.Contains("The frozen feature layers are bit-identical before and after the second phase.", text);

        Assert.All(new[] { result.First, result.Second }, static phase => Assert.Equal(2, phase.History.Epochs));
        Assert.True(result.Second.History["loss"][1] < result.Second.History["loss"][0], "the classifier learns the new classes on frozen features");

        // Five classes: guessing scores 0.2.
        Assert.InRange(result.First.TestAccuracy, 0.3, 1.0);
        Assert.InRange(result.Second.TestAccuracy, 0.3, 1.0);
    }

    [Fact]
    public void ImageFolderSampleWritesItsTreeOnceTrainsWithAugmentationAndClassifiesSingleFiles()
    {
        var output = new StringWriter();
        var root = Path.Combine(Directory.CreateTempSubdirectory("netgen-image-folder-").FullName, "tree");
        var options = new ImageFolderSampleOptions
        {
            UseFullSet = false,
            ImagesPerClass = 40,
            UnseenPerClass = 3,
            Epochs = 3,
            BatchSize = 16,
            Threads = 1,
            Directory = root,
        };

        var result = ImageFolderSample.Run(output, options);

        var text = output.ToString();
        Assert.True(result.TreeWritten);
        Assert.Contains("Writing the image folder from Fashion-MNIST (subset shipped with NetGen", text);
        Assert.Contains("Wrote 40 Trouser, 40 Pullover, 40 Sneaker, 40 Bag training images and 12 unseen ones", text);

        // One folder per class, named after it, with the images asked for; the folder lists them in ordinal order.
        string[] classes = ["Bag", "Pullover", "Sneaker", "Trouser"];
        Assert.Equal(classes, result.ClassNames);
        Assert.Equal(classes, Directory.GetDirectories(Path.Combine(root, "train")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(classes, name => Assert.Equal(40, Directory.GetFiles(Path.Combine(root, "train", name), "*.png").Length));
        Assert.All(classes, name => Assert.Equal(3, Directory.GetFiles(Path.Combine(root, "unseen", name), "*.png").Length));
        var png = File.ReadAllBytes(Path.Combine(root, "train", "Bag", "0000.png"));
        Assert.Equal((28, 28), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));

        // A fifth of the 160 images is held out for validation; training and validation ran every epoch.
        Assert.Equal((128, 32), (result.TrainingCount, result.ValidationCount));
        Assert.Contains("128 training and 32 validation images", text);
        Assert.Contains("(None, 16, 32, 32)", text);
        Assert.Contains("Total params: 136,196", text);
        Assert.Contains("Epoch 3/3", text);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, result.History.Values.Keys.ToArray());
        Assert.All(result.History.Values.Values, static values => Assert.Equal(3, values.Count));

        // Every unseen file is classified alone and printed with its predicted class; its true class is its folder.
        Assert.Equal(12, result.Predictions.Count);
        Assert.All(result.Predictions, p => Assert.Equal(p.TrueClass, Path.GetFileName(Path.GetDirectoryName(p.File))));
        Assert.All(result.Predictions, p => Assert.Contains(p.PredictedClass, classes));
        Assert.All(result.Predictions, p => Assert.Contains($"  {p.TrueClass}/{Path.GetFileName(p.File)} -> {p.PredictedClass}", text));
        Assert.Contains($"{result.RightPredictions} of 12 unseen images classified right.", text);

        // Four distinct garments: three epochs reach 0.83 to 0.94 validation accuracy and 10 to 12 right files
        // here for 30 to 50 images per class; half is twice chance and leaves a wide margin.
        Assert.InRange(result.ValidationAccuracy, 0.5, 1.0);
        Assert.InRange(result.RightPredictions, 6, 12);

        // A second run reuses the tree: nothing is written again.
        var written = File.GetLastWriteTimeUtc(Path.Combine(root, "train", "Bag", "0000.png"));
        var second = new StringWriter();
        var again = ImageFolderSample.Run(second, options with { Epochs = 1 });

        Assert.False(again.TreeWritten);
        Assert.Contains($"Reusing the image folder in {root}", second.ToString());
        Assert.DoesNotContain("Writing", second.ToString());
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(root, "train", "Bag", "0000.png")));
        Assert.Equal((128, 32), (again.TrainingCount, again.ValidationCount));
    }

    [Fact]
    public void ImageFolderSampleDoesNotOverwriteADirectoryItDidNotWrite()
    {
        var root = Directory.CreateTempSubdirectory("netgen-image-folder-foreign-").FullName;
        File.WriteAllText(Path.Combine(root, "notes.txt"), "someone else's file");

        var error = Assert.Throws<InvalidOperationException>(() =>
            ImageFolderSample.Run(TextWriter.Null, new ImageFolderSampleOptions { UseFullSet = false, ImagesPerClass = 5, Directory = root }));

        Assert.Contains($"'{root}' is not empty and has no netgen-image-tree.txt", error.Message);
        Assert.Equal(new[] { Path.Combine(root, "notes.txt") }, Directory.GetFileSystemEntries(root));
    }
}
