using System;
using System.IO;
using System.Linq;
using NetGen.IO;
using NetGen.Runtime.Tests.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

public sealed class WeightsTests
{
    [Theory]
    [InlineData("weights.safetensors")]
    [InlineData("weights.dat")]
    public void RoundTripGivesIdenticalPredictions(string name)
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, name);
        manual_seed(1);
        using var original = new SmallNet();
        using var x = randn(5, 4);
        original.Fit(x, rand(5, 1).round(), epochs: 1, batchSize: 5, verbose: Training.Verbosity.Silent);

        original.SaveWeights(path);
        using var reloaded = new SmallNet();
        reloaded.LoadWeights(path);

        Assert.True(original.Predict(x).equal(reloaded.Predict(x)).all().item<bool>());
        // Batch-norm running statistics travel with the weights.
        Assert.True(original.state_dict()["Norm.running_mean"].equal(reloaded.state_dict()["Norm.running_mean"]).all().item<bool>());
    }

    [Fact]
    public void TorchSharpFormatIsReadableByTorchSharpItself()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "weights.dat");
        using var original = new SmallNet();
        original.SaveWeights(path);

        using var plain = new SmallNet();
        plain.load(path);

        Assert.True(original.state_dict()["Hidden.weight"].equal(plain.state_dict()["Hidden.weight"]).all().item<bool>());
    }

    [Theory]
    [InlineData("weights.safetensors")]
    [InlineData("weights.dat")]
    public void MismatchNamesEveryDifferenceAndLoadsNothing(string name)
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, name);
        using (var wider = new SmallNet(hidden: 6))
        {
            wider.SaveWeights(path);
        }

        using var model = new SmallNet(hidden: 8);
        var before = model.state_dict()["Output.bias"].clone();

        var error = Assert.Throws<WeightsMismatchException>(() => model.LoadWeights(path));

        Assert.Contains("Hidden.weight is [6, 4] in the file but [8, 4] in the model", error.Message);
        Assert.StartsWith($"Weights in '{name}' do not fit SmallNet: ", error.Message);
        Assert.Empty(error.MissingKeys);
        Assert.Empty(error.UnexpectedKeys);
        Assert.Equal(7, error.MismatchedShapes.Count); // Hidden.weight, Hidden.bias, Norm.weight, Norm.bias, Norm.running_mean, Norm.running_var, Output.weight
        Assert.True(before.equal(model.state_dict()["Output.bias"]).all().item<bool>());
    }

    [Fact]
    public void MissingAndUnexpectedKeysAreListed()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "renamed.safetensors");
        using var model = new SmallNet();
        var state = model.state_dict().ToDictionary(static p => p.Key == "Output.bias" ? "Out.bias" : p.Key, static p => p.Value.detach().clone());
        TorchSharp.PyBridge.Safetensors.SaveStateDict(path, state);

        var error = Assert.Throws<WeightsMismatchException>(() => model.LoadWeights(path));

        Assert.Equal(new[] { "Output.bias" }, error.MissingKeys);
        Assert.Equal(new[] { "Out.bias" }, error.UnexpectedKeys);
        Assert.Contains("missing Output.bias; unexpected Out.bias", error.Message);
    }

    [Fact]
    public void MissingFileAndTruncatedFile()
    {
        using var files = new TempFiles();
        using var model = new SmallNet();
        var path = Path.Combine(files.Directory, "w.dat");
        model.SaveWeights(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.Take(bytes.Length / 2).ToArray());

        Assert.Throws<FileNotFoundException>(() => model.LoadWeights(Path.Combine(files.Directory, "none.dat")));
        Assert.Contains("not a complete TorchSharp weights file", Assert.Throws<InvalidDataException>(() => model.LoadWeights(path)).Message);
    }

    [Fact]
    public void AFailedWriteKeepsThePreviousFileAndLeavesNoTemporary()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "model.safetensors");
        using var model = new SmallNet();
        model.SaveWeights(path);
        var previous = File.ReadAllBytes(path);
        using (no_grad())
        {
            model.state_dict()["Output.bias"].fill_(42);
        }

        WeightsFile.BeforeCommit = static temporary =>
        {
            Assert.True(File.Exists(temporary));
            throw new IOException("disk full (simulated)");
        };
        try
        {
            Assert.Throws<IOException>(() => model.SaveWeights(path));
        }
        finally
        {
            WeightsFile.BeforeCommit = null;
        }

        Assert.Equal(previous, File.ReadAllBytes(path));
        Assert.Equal(new[] { "model.safetensors" }, Directory.GetFiles(files.Directory).Select(Path.GetFileName));
    }
}
