using System.Collections.Generic;
using System.Linq;
using NetGen.Data.Images;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>A network trained end to end on an image folder, with augmentation and a validation subset.</summary>
[Collection(ProcessWideState.Name)]
public sealed class ImageFolderFitTests
{
    [Fact]
    public void FitLearnsToTellDarkFromBrightImagesOfAFolder()
    {
        using var tree = new ImageTree();
        tree.Classes(24, 8, ("bright", 220), ("dark", 30));
        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions
        {
            ImageSize = (8, 8), ColorMode = ColorMode.Grayscale, Rescale = 1 / 255f, ValidationSplit = 0.25, Seed = 3,
        });
        var augmentation = new ImageAugmentation { RotationRange = 15, WidthShiftRange = 0.1, HorizontalFlip = true };
        using var model = new PixelClassifier(seed: 1);

        var training = folder.Training(batchSize: 6, augmentation);
        var progress = new System.IO.StringWriter();
        var history = model.Fit(training, epochs: 15, validationData: folder.Validation(batchSize: 6), verbose: Verbosity.Epoch, output: progress, seed: 1);

        Assert.Equal(6, training.Count);
        Assert.Contains("\n6/6 - ", progress.ToString().ReplaceLineEndings("\n"), System.StringComparison.Ordinal); // the batch count is known
        Assert.Equal(15, history.Epochs);
        Assert.True(history["loss"][^1] < history["loss"][0] / 2, string.Join(", ", history["loss"]));
        Assert.Equal(1.0, history["val_accuracy"][^1]);

        using var dark = folder.LoadImage(folder.ValidationFiles.First(f => folder.ClassNames[f.Label] == "dark").Path);
        using var predicted = model.PredictClasses(dark);
        Assert.Equal("dark", folder.ClassNames[(int)predicted.item<long>()]);
    }

    /// <summary>(1, 8, 8) -> Flatten -> Dense(2, softmax), trained from its logits with sparse categorical cross-entropy.</summary>
    private sealed class PixelClassifier : Network<Tensor, Tensor>
    {
        private static readonly NetworkDescription s_description = new(
            nameof(PixelClassifier),
            [new InputDescription("input", ElementType.Float32, new Shape(1, 8, 8))],
            [
                new LayerDescription("Flat", "Flatten", new Shape(64), 0, 0, ["input"]),
                new LayerDescription("Output", "Dense", new Shape(2), 130, 130, ["Flat"]),
            ],
            [new OutputDescription("Output", new Shape(2), Activation.Softmax)]);

        private readonly TorchSharp.Modules.Linear _output;

        public PixelClassifier(long seed)
            : base(nameof(PixelClassifier), s_description, () => Describe.Options(new Adam(learningRate: 0.05), Loss.SparseCategoricalCrossentropy, Metric.Accuracy))
        {
            _output = nn.Linear(64, 2);
            register_module("Output", _output);
            Describe.Initialize(seed, _output);
        }

        public override Tensor forward(Tensor input) => nn.functional.softmax(Logits(input), -1);

        protected override Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => [Logits(inputs[0])];

        private Tensor Logits(Tensor input) => _output.call(input.flatten(1));
    }
}
