using System;
using System.Linq;
using NetGen.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>
/// Every window configuration the image layers support, each an output read straight from the
/// input: the generator's inferred shape of each is compared with what TorchSharp produces.
/// The input is not square and its sides are odd, so rounding and the side that gets the extra
/// padding both show.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(3, 13, 10, Name = "image")]
public partial class WindowZoo
{
    [Conv2D(4, 3, From = "image"), Output] public partial Conv2d ValidStride1 { get; }
    [Conv2D(4, 3, Strides = 2, From = "image"), Output] public partial Conv2d ValidStride2 { get; }
    [Conv2D(4, 4, Strides = 3, DilationRate = 2, From = "image"), Output] public partial Conv2d ValidDilated { get; }
    [Conv2D(4, 3, Padding = Padding.Same, From = "image"), Output] public partial Conv2d SameOdd { get; }
    [Conv2D(4, 4, Padding = Padding.Same, From = "image"), Output] public partial Conv2d SameEven { get; }
    [Conv2D(4, 3, Strides = 2, Padding = Padding.Same, From = "image"), Output] public partial Conv2d SameStride2 { get; }
    [Conv2D(4, 5, Strides = 3, Padding = Padding.Same, From = "image"), Output] public partial Conv2d SameStride3 { get; }
    [Conv2D(4, 3, DilationRate = 2, Padding = Padding.Same, From = "image"), Output] public partial Conv2d SameDilated { get; }
    [Conv2D(6, 2, Groups = 3, From = "image"), Output] public partial Conv2d Grouped { get; }
    [MaxPooling2D(From = "image"), Output] public partial MaxPool2d MaxDefault { get; }
    [MaxPooling2D(3, Strides = 2, From = "image"), Output] public partial MaxPool2d MaxValid { get; }
    [MaxPooling2D(3, Strides = 2, Padding = Padding.Same, From = "image"), Output] public partial MaxPool2d MaxSame { get; }
    [MaxPooling2D(2, Strides = 1, Padding = Padding.Same, From = "image"), Output] public partial MaxPool2d MaxSameStride1 { get; }
    [AveragePooling2D(From = "image"), Output] public partial AvgPool2d AverageDefault { get; }
    [AveragePooling2D(3, Strides = 2, Padding = Padding.Same, From = "image"), Output] public partial AvgPool2d AverageSame { get; }
    [AveragePooling2D(4, Strides = 3, Padding = Padding.Same, From = "image"), Output] public partial AvgPool2d AverageSameStride3 { get; }
    [GlobalAveragePooling2D(From = "image"), Output] public partial GlobalAveragePooling2D ChannelMeans { get; }
    [GlobalMaxPooling2D(From = "image"), Output] public partial GlobalMaxPooling2D ChannelPeaks { get; }

    // Non-square kernels, strides, dilations and pools.
    [Conv2D(4, [3, 5], From = "image"), Output] public partial Conv2d WideKernel { get; }
    [Conv2D(4, [3, 5], StridesPerAxis = [1, 3], From = "image"), Output] public partial Conv2d WideKernelStrided { get; }
    [Conv2D(4, [2, 3], StridesPerAxis = [2, 1], Padding = Padding.Same, From = "image"), Output] public partial Conv2d SameNonSquare { get; }
    [Conv2D(4, [3, 2], DilationRatePerAxis = [1, 2], From = "image"), Output] public partial Conv2d DilatedAcross { get; }
    [Conv2D(4, 3, DilationRatePerAxis = [2, 1], Padding = Padding.Same, From = "image"), Output] public partial Conv2d SameDilatedDown { get; }
    [MaxPooling2D([2, 3], From = "image"), Output] public partial MaxPool2d MaxWide { get; }
    [MaxPooling2D([3, 2], StridesPerAxis = [1, 2], Padding = Padding.Same, From = "image"), Output] public partial MaxPool2d MaxSameNonSquare { get; }
    [AveragePooling2D([2, 4], StridesPerAxis = [2, 3], Padding = Padding.Same, From = "image"), Output] public partial AvgPool2d AverageSameNonSquare { get; }

    // Borders: Keras's three ways of writing them.
    [ZeroPadding2D(From = "image"), Output] public partial ZeroPad2d PadDefault { get; }
    [ZeroPadding2D(2, From = "image"), Output] public partial ZeroPad2d PadTwo { get; }
    [ZeroPadding2D([1, 3], From = "image"), Output] public partial ZeroPad2d PadVerticalHorizontal { get; }
    [ZeroPadding2D([0, 1, 2, 4], From = "image"), Output] public partial ZeroPad2d PadEachSide { get; }
    [Cropping2D(From = "image"), Output] public partial Cropping2D CropNothing { get; }
    [Cropping2D(2, From = "image"), Output] public partial Cropping2D CropTwo { get; }
    [Cropping2D([3, 1], From = "image"), Output] public partial Cropping2D CropVerticalHorizontal { get; }
    [Cropping2D([0, 5, 1, 0], From = "image"), Output] public partial Cropping2D CropEachSide { get; }

    // Growing the image.
    [UpSampling2D(From = "image"), Output] public partial Upsample UpDefault { get; }
    [UpSampling2D([1, 3], From = "image"), Output] public partial Upsample UpAcross { get; }
    [UpSampling2D(2, Interpolation = Interpolation.Bilinear, From = "image"), Output] public partial Upsample UpBilinear { get; }
    [UpSampling2D([3, 2], Interpolation = Interpolation.Bilinear, From = "image"), Output] public partial Upsample UpBilinearNonSquare { get; }
    [Conv2DTranspose(4, 3, From = "image"), Output] public partial ConvTranspose2d TransposedValid { get; }
    [Conv2DTranspose(4, 3, Strides = 2, From = "image"), Output] public partial ConvTranspose2d TransposedValidStride2 { get; }
    [Conv2DTranspose(4, 2, Strides = 3, From = "image"), Output] public partial ConvTranspose2d TransposedValidGaps { get; }
    [Conv2DTranspose(4, 3, Strides = 2, OutputPadding = 1, From = "image"), Output] public partial ConvTranspose2d TransposedValidOutputPadding { get; }
    [Conv2DTranspose(4, 3, DilationRate = 2, OutputPadding = 1, From = "image"), Output] public partial ConvTranspose2d TransposedOutputPaddingBelowDilation { get; }
    [Conv2DTranspose(4, 3, Padding = Padding.Same, From = "image"), Output] public partial ConvTranspose2d TransposedSame { get; }
    [Conv2DTranspose(4, 4, Padding = Padding.Same, From = "image"), Output] public partial ConvTranspose2d TransposedSameEven { get; }
    [Conv2DTranspose(4, 3, Strides = 2, Padding = Padding.Same, From = "image"), Output] public partial ConvTranspose2d TransposedSameStride2 { get; }
    [Conv2DTranspose(4, 4, Strides = 2, Padding = Padding.Same, From = "image"), Output] public partial ConvTranspose2d TransposedSameEvenStride2 { get; }
    [Conv2DTranspose(4, 2, Strides = 3, Padding = Padding.Same, From = "image"), Output] public partial ConvTranspose2d TransposedSameGaps { get; }
    [Conv2DTranspose(4, 3, Strides = 2, Padding = Padding.Same, OutputPadding = 1, From = "image"), Output] public partial ConvTranspose2d TransposedSameOutputPadding { get; }
    [Conv2DTranspose(4, 3, DilationRate = 2, Padding = Padding.Same, From = "image"), Output] public partial ConvTranspose2d TransposedSameDilated { get; }
    [Conv2DTranspose(4, [3, 4], StridesPerAxis = [2, 3], Padding = Padding.Same, From = "image"), Output] public partial ConvTranspose2d TransposedSameNonSquare { get; }
    [Conv2DTranspose(4, [2, 5], StridesPerAxis = [3, 1], From = "image"), Output] public partial ConvTranspose2d TransposedValidNonSquare { get; }

    // Shape-keeping layers on maps.
    [SpatialDropout2D(0.5, From = "image")] public partial Dropout2d DropChannels { get; }
    [Conv2D(4, 1), Output] public partial Conv2d AfterDroppedChannels { get; }
    [BatchNormalization(From = "image"), Output] public partial BatchNorm2d NormalizedChannels { get; }
    [Conv2D(4, 1, Activation.Softmax, From = "image"), Output(Loss = Loss.CategoricalCrossentropy)] public partial Conv2d PixelClasses { get; }
    [Activation(Activation.Softmax, From = "image"), Output(Loss = Loss.CategoricalCrossentropy)] public partial Softmax ChannelSoftmax { get; }
}

/// <summary>Every Conv1D configuration over a (steps, features) sequence, NetGen's rank-2 layout.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(13, 5, Name = "sequence")]
public partial class StepZoo
{
    [Conv1D(4, 3, From = "sequence"), Output] public partial Conv1d Valid { get; }
    [Conv1D(4, 3, Strides = 2, From = "sequence"), Output] public partial Conv1d ValidStride2 { get; }
    [Conv1D(4, 4, Strides = 3, DilationRate = 2, From = "sequence"), Output] public partial Conv1d ValidDilated { get; }
    [Conv1D(4, 3, Padding = Padding.Same, From = "sequence"), Output] public partial Conv1d SameOdd { get; }
    [Conv1D(4, 4, Padding = Padding.Same, From = "sequence"), Output] public partial Conv1d SameEven { get; }
    [Conv1D(4, 3, Strides = 2, Padding = Padding.Same, From = "sequence"), Output] public partial Conv1d SameStride2 { get; }
    [Conv1D(4, 3, DilationRate = 2, Padding = Padding.Same, From = "sequence"), Output] public partial Conv1d SameDilated { get; }
    [Conv1D(4, 3, Padding = Padding.Causal, From = "sequence"), Output] public partial Conv1d Causal { get; }
    [Conv1D(4, 2, DilationRate = 3, Padding = Padding.Causal, From = "sequence"), Output] public partial Conv1d CausalDilated { get; }
    [Conv1D(4, 3, Strides = 2, Padding = Padding.Causal, From = "sequence"), Output] public partial Conv1d CausalStride2 { get; }
    [Conv1D(10, 2, Groups = 5, From = "sequence"), Output] public partial Conv1d Grouped { get; }
}

/// <summary>
/// A per-pixel classifier: an encoder-decoder whose output is a softmax over the channels of
/// each pixel, trained with sparse labels (one class id per pixel) through the fused logits loss.
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input(1, 8, 8)]
public partial class PixelClassifier
{
    [Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same)] public partial Conv2d Encode { get; }
    [MaxPooling2D] public partial MaxPool2d Pool { get; }
    [Conv2DTranspose(8, 3, Activation.ReLU, Strides = 2, Padding = Padding.Same)] public partial ConvTranspose2d Decode { get; }
    [Conv2D(2, 1, Activation.Softmax)] public partial Conv2d Classes { get; }
}

/// <summary>Image layers run as the generator inferred them, with Keras's padding.</summary>
public sealed class GeneratedImageLayerTests
{
    [Fact]
    public void EveryInferredShapeIsTheShapeTorchSharpProduces()
    {
        using var zoo = new WindowZoo();
        using var scope = NewDisposeScope();
        var outputs = ((INetwork)zoo).Run([randn(2, 3, 13, 10)]);

        Assert.Equal(56, outputs.Length);
        for (var i = 0; i < outputs.Length; i++)
        {
            var declared = zoo.Description.Outputs[i];
            Assert.True(declared.Shape!.Matches(outputs[i]), $"{declared.Name}: inferred {declared.Shape}, TorchSharp gave {string.Join(", ", outputs[i].shape)}");
        }

        // Same gives ceil(input / strides) rows and columns (Keras); a 4x4 kernel dilated by 2 spans 7,
        // so Valid at stride 3 gives floor((13 - 7) / 3) + 1 = 3 rows and floor((10 - 7) / 3) + 1 = 2 columns.
        Assert.Equal("(None, 4, 7, 5)", zoo.Description.Outputs.Single(o => o.Name == "SameStride2").Shape!.ToString());
        Assert.Equal("(None, 4, 5, 4)", zoo.Description.Outputs.Single(o => o.Name == "SameStride3").Shape!.ToString());
        Assert.Equal("(None, 4, 3, 2)", zoo.Description.Outputs.Single(o => o.Name == "ValidDilated").Shape!.ToString());
    }

    [Fact]
    public void SamePaddingOfAnEvenKernelPadsTheBottomAndRightMore()
    {
        using var zoo = new WindowZoo();
        using var scope = NewDisposeScope();
        var image = randn(2, 3, 13, 10);

        var output = ((INetwork)zoo).Run([image])[Index(zoo, "SameEven")];

        // A 4x4 kernel at stride 1 needs 3 rows and columns of padding: 1 before, 2 after (Keras/TensorFlow).
        var expected = nn.functional.conv2d(nn.functional.pad(image, [1, 2, 1, 2]), zoo.SameEven.weight!, zoo.SameEven.bias);
        Assert.True(output.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void SamePoolingPaddingNeverWinsAMaximumAndIsNotCountedInAMean()
    {
        using var zoo = new WindowZoo();
        using var scope = NewDisposeScope();
        var negative = -ones(1, 3, 13, 10) - rand(1, 3, 13, 10);
        var constant = full(1, 3, 13, 10, 2.5f);

        var maxima = ((INetwork)zoo).Run([negative])[Index(zoo, "MaxSame")];
        var means = ((INetwork)zoo).Run([constant]);

        // Zero padding would make every border window's maximum 0.
        Assert.True(maxima.lt(-1).all().item<bool>());
        foreach (var name in new[] { "AverageSame", "AverageSameStride3" })
        {
            // Counting the padding would pull the border windows' means below 2.5.
            Assert.True(means[Index(zoo, name)].allclose(full_like(means[Index(zoo, name)], 2.5f)), name);
        }
    }

    [Fact]
    public void ConvolutionCountsParametersAsKeras()
    {
        // 3*3*3*4 + 4 (ValidStride1) and 2*2*(3/3)*6 + 6 (Grouped), as Keras's summary counts them.
        using var zoo = new WindowZoo();
        var layers = zoo.Description.Layers;
        Assert.Equal(112, layers.Single(l => l.Name == "ValidStride1").ParameterCount);
        Assert.Equal(30, layers.Single(l => l.Name == "Grouped").ParameterCount);
        Assert.Equal(0, layers.Single(l => l.Name == "MaxSame").ParameterCount);
    }

    [Fact]
    public void EveryInferredSequenceShapeIsTheShapeTorchSharpProduces()
    {
        using var zoo = new StepZoo();
        using var scope = NewDisposeScope();
        var outputs = ((INetwork)zoo).Run([randn(2, 13, 5)]);

        Assert.Equal(11, outputs.Length);
        for (var i = 0; i < outputs.Length; i++)
        {
            var declared = zoo.Description.Outputs[i];
            Assert.True(declared.Shape!.Matches(outputs[i]), $"{declared.Name}: inferred {declared.Shape}, TorchSharp gave {string.Join(", ", outputs[i].shape)}");
        }

        // (steps, features) in and out: 13 steps, a 4-step kernel dilated by 2 spans 7, floor((13 - 7) / 3) + 1 = 3 steps.
        Assert.Equal("(None, 3, 4)", Shape(zoo.Description, "ValidDilated"));
        Assert.Equal("(None, 7, 4)", Shape(zoo.Description, "SameStride2"));
        Assert.Equal("(None, 13, 4)", Shape(zoo.Description, "CausalDilated"));
    }

    [Fact]
    public void Conv1DConvolvesTheStepsOfEachFeature()
    {
        using var zoo = new StepZoo();
        using var scope = NewDisposeScope();
        var sequence = randn(2, 13, 5);

        var output = ((INetwork)zoo).Run([sequence])[0];

        // TorchSharp's conv1d over (batch, features, steps), moved back to (batch, steps, filters).
        var expected = nn.functional.conv1d(sequence.transpose(1, 2), zoo.Valid.weight!, zoo.Valid.bias).transpose(1, 2);
        Assert.True(output.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void CausalPaddingNeverLetsAStepSeeTheFuture()
    {
        using var zoo = new StepZoo();
        using var scope = NewDisposeScope();
        var sequence = randn(1, 13, 5);
        var changedLater = sequence.clone();
        changedLater[TensorIndex.Colon, TensorIndex.Slice(8), TensorIndex.Colon] = randn(1, 5, 5);
        var causal = zoo.Description.Outputs.Select(static (o, i) => (o.Name, i)).Where(static p => p.Name.StartsWith("Causal", StringComparison.Ordinal)).ToList();

        var before = ((INetwork)zoo).Run([sequence]);
        var after = ((INetwork)zoo).Run([changedLater]);

        foreach (var (name, index) in causal)
        {
            // Steps 0..7 are unchanged: every output step that covers only them is unchanged too.
            var seen = name == "CausalStride2" ? 4 : 8;
            Assert.True(before[index][TensorIndex.Colon, TensorIndex.Slice(0, seen)].allclose(after[index][TensorIndex.Colon, TensorIndex.Slice(0, seen)]), name);
            Assert.False(before[index].allclose(after[index]), name + " ignores the changed steps entirely");
        }
    }

    [Fact]
    public void TransposedSamePaddingCropsTheOddRowAtTheEndAsKerasDoes()
    {
        using var zoo = new WindowZoo();
        using var scope = NewDisposeScope();
        var image = randn(2, 3, 13, 10);

        var output = ((INetwork)zoo).Run([image])[Index(zoo, "TransposedSameEven")];

        // A 4x4 kernel at stride 1 gives 16 x 13 before cropping; TensorFlow keeps rows and columns 1..13 and 1..10.
        var full = nn.functional.conv_transpose2d(image, zoo.TransposedSameEven.weight!, zoo.TransposedSameEven.bias);
        var expected = full[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(1, 14), TensorIndex.Slice(1, 11)];
        Assert.Equal("(None, 4, 13, 10)", Shape(zoo.Description, "TransposedSameEven"));
        Assert.True(output.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void BordersAreAddedAndRemovedWhereKerasPutsThem()
    {
        using var zoo = new WindowZoo();
        using var scope = NewDisposeScope();
        var image = randn(1, 3, 13, 10);
        var outputs = ((INetwork)zoo).Run([image]);

        // [0, 1, 2, 4]: no row on top, one at the bottom, two columns left, four right.
        var padded = outputs[Index(zoo, "PadEachSide")];
        Assert.True(padded[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(0, 13), TensorIndex.Slice(2, 12)].allclose(image));
        Assert.Equal(0, padded[TensorIndex.Colon, TensorIndex.Colon, 13].abs().sum().item<float>());

        // [0, 5, 1, 0]: five rows off the bottom, one column off the left.
        var cropped = outputs[Index(zoo, "CropEachSide")];
        Assert.True(cropped.allclose(image[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(0, 8), TensorIndex.Slice(1, 10)]));
    }

    [Fact]
    public void SoftmaxOnAMapNormalizesTheChannelsOfEachPixel()
    {
        using var zoo = new WindowZoo();
        using var scope = NewDisposeScope();
        var outputs = ((INetwork)zoo).Run([randn(2, 3, 13, 10)]);

        // Keras's channels-last softmax sums to 1 over the classes of each pixel, here axis 1.
        foreach (var name in new[] { "PixelClasses", "ChannelSoftmax" })
        {
            var sums = outputs[Index(zoo, name)].sum(1);
            Assert.True(sums.allclose(ones_like(sums), rtol: 1e-4, atol: 1e-5), name);
        }
    }

    [Fact]
    public void NewImageLayersCountParametersAsKeras()
    {
        using var zoo = new WindowZoo();
        var layers = zoo.Description.Layers;

        // Conv2DTranspose: kh*kw*channels*filters + filters; Conv2D non-square: 3*5*3*4 + 4;
        // BatchNormalization: 4 per channel, 2 of them trainable; padding, cropping, upsampling and dropout have none.
        Assert.Equal((3 * 3 * 3 * 4) + 4, layers.Single(l => l.Name == "TransposedValid").ParameterCount);
        Assert.Equal((3 * 4 * 3 * 4) + 4, layers.Single(l => l.Name == "TransposedSameNonSquare").ParameterCount);
        Assert.Equal((3 * 5 * 3 * 4) + 4, layers.Single(l => l.Name == "WideKernel").ParameterCount);
        Assert.Equal(4 * 3, layers.Single(l => l.Name == "NormalizedChannels").ParameterCount);
        Assert.All(new[] { "PadEachSide", "CropEachSide", "UpBilinear", "DropChannels" }, name => Assert.Equal(0, layers.Single(l => l.Name == name).ParameterCount));

        using var steps = new StepZoo();
        Assert.Equal((3 * 5 * 4) + 4, steps.Description.Layers.Single(l => l.Name == "Valid").ParameterCount);
        Assert.Equal((2 * (5 / 5) * 10) + 10, steps.Description.Layers.Single(l => l.Name == "Grouped").ParameterCount);
    }

    [Fact]
    public void SpatialDropoutDropsWholeChannelsInTraining()
    {
        using var zoo = new WindowZoo();
        using var scope = NewDisposeScope();
        zoo.DropChannels.train();

        var dropped = zoo.DropChannels.call(ones(4, 16, 5, 5));

        // Each channel of each sample is all zeros or all 1 / (1 - 0.5) = 2, and both happen.
        var perChannel = dropped.amax([2, 3]);
        Assert.True(dropped.eq(perChannel.unsqueeze(-1).unsqueeze(-1)).all().item<bool>());
        Assert.True(perChannel.eq(0).any().item<bool>() && perChannel.eq(2).any().item<bool>());
        zoo.DropChannels.eval();
        Assert.True(zoo.DropChannels.call(ones(4, 16, 5, 5)).eq(1).all().item<bool>());
    }

    [Fact]
    public void APerPixelClassifierTrainsOnSparseLabels()
    {
        // Each pixel's class is whether its 2x2 block is positive: what survives the pooling.
        using var net = new PixelClassifier(device: null, seed: 5);
        using var generator = new Generator(5);
        using var blocks = randn([64, 1, 4, 4], generator: generator);
        using var x = blocks.repeat_interleave(2, 2).repeat_interleave(2, 3);
        using var y = x.squeeze(1).gt(0).to_type(ScalarType.Int64);

        net.Compile(optimizer: new NetGen.Optimizers.Adam(learningRate: 0.02));
        var history = net.Fit(x, y, epochs: 20, batchSize: 16, verbose: NetGen.Training.Verbosity.Silent, seed: 5);

        Assert.True(history["loss"][^1] < 0.5 * history["loss"][0], $"training lowers the loss: {string.Join(", ", history["loss"])}");
        Assert.True(history["accuracy"][^1] > 0.75, $"per-pixel accuracy, chance being 0.5: {string.Join(", ", history["accuracy"])}");
        using var probabilities = net.forward(x);
        Assert.True(probabilities.sum(1).allclose(ones(64, 8, 8)));
    }

    private static string Shape(NetworkDescription description, string name) => description.Outputs.Single(o => o.Name == name).Shape!.ToString();

    private static int Index(WindowZoo zoo, string name) =>
        zoo.Description.Outputs.Select(static (o, i) => (o.Name, i)).Single(p => p.Name == name).i;
}
