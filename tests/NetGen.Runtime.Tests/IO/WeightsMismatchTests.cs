using System.IO;
using System.Linq;
using NetGen.IO;
using NetGen.Runtime.Tests.Data;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

public sealed class WeightsMismatchTests
{
    [Theory]
    [InlineData("m.safetensors")]
    [InlineData("m.dat")]
    public void EveryMissingUnexpectedAndMisShapedTensorIsNamed(string name)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var model = new NormalizedNet(withNorm: false);
        var state = WeightFiles.StateOf(model);
        state.Remove("Output.bias");
        state["Out.bias"] = zeros(1);
        state["Hidden.weight"] = zeros(8, 30);
        WeightFiles.Write(path, state);
        var before = WeightFiles.StateOf(model);

        var error = Assert.Throws<WeightsMismatchException>(() => model.LoadWeights(path));

        Assert.Equal(
            $"Weights in '{name}' do not fit NormalizedNet: missing Output.bias; unexpected Out.bias; Hidden.weight is [8, 30] in the file but [8, 4] in the model.",
            error.Message);
        Assert.Equal(["Output.bias"], error.MissingKeys);
        Assert.Equal(["Out.bias"], error.UnexpectedKeys);
        var shape = Assert.Single(error.MismatchedShapes);
        Assert.Equal("Hidden.weight", shape.Name);
        Assert.Equal([8L, 30L], shape.FileShape);
        Assert.Equal([8L, 4L], shape.ModelShape);
        Assert.Equal(path, error.Path);
        Assert.True(before.All(p => WeightFiles.Same(p.Value, model.state_dict()[p.Key])), "nothing may be loaded from a file that does not fit");
    }

    [Fact]
    public void ANetworkOfAnotherWidthListsEveryTensorThatDiffers()
    {
        using var files = new TempFiles();
        var path = files.PathOf("wide.safetensors");
        using (var wider = new NormalizedNet(hidden: 6))
        {
            wider.SaveWeights(path);
        }

        using var model = new NormalizedNet(hidden: 8);

        var error = Assert.Throws<WeightsMismatchException>(() => model.LoadWeights(path));

        Assert.Empty(error.MissingKeys);
        Assert.Empty(error.UnexpectedKeys);
        Assert.Equal(
            ["Hidden.weight", "Hidden.bias", "Norm.weight", "Norm.bias", "Output.weight", "Norm.running_mean", "Norm.running_var"],
            error.MismatchedShapes.Select(static m => m.Name));
        Assert.Contains("Output.weight is [1, 6] in the file but [1, 8] in the model", error.Message);
    }

    [Fact]
    public void ARenamedLayerIsMissingAndUnexpected()
    {
        using var files = new TempFiles();
        var path = files.PathOf("renamed.dat");
        using (var renamed = new NormalizedNet(withNorm: false, outputName: "Out"))
        {
            renamed.SaveWeights(path);
        }

        using var model = new NormalizedNet(withNorm: false);

        var error = Assert.Throws<WeightsMismatchException>(() => model.LoadWeights(path));

        Assert.Equal("Weights in 'renamed.dat' do not fit NormalizedNet: missing Output.weight, Output.bias; unexpected Out.weight, Out.bias.", error.Message);
    }

    [Theory]
    [InlineData("none.safetensors")]
    [InlineData("none.dat")]
    public void AMissingFileNamesThePath(string name)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var model = new NormalizedNet();

        var error = Assert.Throws<FileNotFoundException>(() => model.LoadWeights(path));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("t.safetensors")]
    [InlineData("t.dat")]
    public void ATruncatedFileIsReportedAndLoadsNothing(string name)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var model = new NormalizedNet();
        using (var other = new NormalizedNet())
        {
            other.SaveWeights(path);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);
        var before = WeightFiles.StateOf(model);

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));

        Assert.StartsWith($"'{path}' is not a complete {(name.EndsWith(".dat") ? "TorchSharp weights" : "safetensors")} file: ", error.Message);
        Assert.True(before.All(p => WeightFiles.Same(p.Value, model.state_dict()[p.Key])));
    }

    [Fact]
    public void AFileInTheOtherFormatIsReportedNotMisread()
    {
        using var files = new TempFiles();
        using var model = new NormalizedNet();
        model.SaveWeights(files.PathOf("real.safetensors"));
        File.Copy(files.PathOf("real.safetensors"), files.PathOf("named-wrong.dat"));

        Assert.Throws<InvalidDataException>(() => model.LoadWeights(files.PathOf("named-wrong.dat")));
    }
}
