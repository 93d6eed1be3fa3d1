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

        Assert.Equal(18, outputs.Length);
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

    private static int Index(WindowZoo zoo, string name) =>
        zoo.Description.Outputs.Select(static (o, i) => (o.Name, i)).Single(p => p.Name == name).i;
}
