using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NetGen.Samples.BreastCancer;
using NetGen.Samples.ClassicArchitectures;
using NetGen.Samples.DiabetesRegression;
using NetGen.Samples.FashionCnn;
using NetGen.Samples.ImageFolders;
using NetGen.Samples.ImbalancedClassification;
using NetGen.Samples.TransferLearning;

namespace NetGen.Samples.Tests;

/// <summary>The samples' networks as compiled by the SDK with the generator as an analyzer.</summary>
public sealed class GeneratedSampleTests
{
    [Fact]
    public void ParameterCountsAreCompileTimeConstants()
    {
        // 30*12+12 + 12*12+12 + 12*1+1, written as constants so the compiler folds them.
        const long expected = CancerNet.ParameterCount;

        Assert.Equal(541, expected);
        Assert.Equal(CancerNet.ParameterCount, CancerNet.TrainableParameterCount);
        Assert.Equal(10 * 32 + 32 + 32 * 16 + 16 + 16 + 1, DiabetesNet.ParameterCount);

        // Four 3x3 convolutions (1->32->32, 32->64->64), then 64 * 5 * 5 = 1,600 features -> 512 -> 10.
        Assert.Equal(
            (9 * 1 * 32 + 32) + (9 * 32 * 32 + 32) + (9 * 32 * 64 + 64) + (9 * 64 * 64 + 64) + (1600 * 512 + 512) + (512 * 10 + 10),
            FashionNet.ParameterCount);
        Assert.Equal(new NetGen.Shape(1, 28, 28), FashionNet.InputShape);

        // Two 3x3 convolutions (1->32->32), then 32 * 12 * 12 = 4,608 features -> 128 -> 5; nothing declared frozen.
        Assert.Equal((9 * 1 * 32 + 32) + (9 * 32 * 32 + 32) + (4608 * 128 + 128) + (128 * 5 + 5), TransferNet.ParameterCount);
        Assert.Equal(TransferNet.ParameterCount, TransferNet.TrainableParameterCount);

        // Two 3x3 convolutions (1->16, 16->32) with same padding, two 2x2 poolings: 32 * 8 * 8 = 2,048 features -> 64 -> 4.
        Assert.Equal((9 * 1 * 16 + 16) + (9 * 16 * 32 + 32) + (2048 * 64 + 64) + (64 * 4 + 4), ClothingNet.ParameterCount);
        Assert.Equal(new NetGen.Shape(1, 32, 32), ClothingNet.InputShape);
        Assert.Equal(new NetGen.Shape(4), ClothingNet.OutputShape);
    }

    [Fact]
    public void GeneratedModuleMatchesItsDescription()
    {
        using var model = new CancerNet();

        Assert.Equal(CancerNet.ParameterCount, model.parameters().Sum(static p => p.numel()));
        Assert.Equal(
            new[] { "Hidden1.weight", "Hidden1.bias", "Hidden2.weight", "Hidden2.bias", "Output.weight", "Output.bias" },
            model.state_dict().Keys.ToArray());
        Assert.Equal(new NetGen.Shape(30), CancerNet.InputShape);
        Assert.Equal(new NetGen.Shape(1), CancerNet.OutputShape);
        Assert.Same(model.Hidden1, model.named_children().First(static c => c.name == "Hidden1").module);
    }

    [Fact]
    public void ForwardHasTheDeclaredShapesAndActivations()
    {
        using var model = new CancerNet();
        using var input = TorchSharp.torch.randn(7, 30);

        using var output = model.forward(input);

        Assert.Equal(new long[] { 7, 1 }, output.shape);
        Assert.True(output.ge(0).all().item<bool>() && output.le(1).all().item<bool>(), "sigmoid output must be in [0, 1]");
    }

    [Theory]
    [InlineData(typeof(CancerNet))]
    [InlineData(typeof(DiabetesNet))]
    [InlineData(typeof(FashionNet))]
    [InlineData(typeof(LeNet5))]
    [InlineData(typeof(VggNet))]
    [InlineData(typeof(SmallResNet))]
    [InlineData(typeof(InceptionNet))]
    [InlineData(typeof(TransferNet))]
    [InlineData(typeof(ClothingNet))]
    [InlineData(typeof(ScreeningNet))]
    public void XmlDocSummaryEqualsRuntimeSummary(Type networkType)
    {
        var documentation = XDocument.Load(Path.ChangeExtension(networkType.Assembly.Location, ".xml"));
        var member = documentation.Descendants("member").Single(m => (string?)m.Attribute("name") == "T:" + networkType.FullName);
        var table = member.Element("remarks")!.Element("code")!.Value;
        using var network = (INetwork)Activator.CreateInstance(networkType)!;

        Assert.Equal(network.Summary(), DocText.Dedent(table));
    }
}
