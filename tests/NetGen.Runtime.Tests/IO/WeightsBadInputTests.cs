using System;
using System.IO;
using System.Linq;
using NetGen.IO;
using NetGen.Runtime.Tests.Data;
using NetGen.Runtime.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

/// <summary>Weights files that used to load silently or fail unclearly; every failure leaves the network as it was.</summary>
public sealed class WeightsBadInputTests
{
    [Theory]
    [InlineData("m.safetensors", ScalarType.Bool)]
    [InlineData("m.safetensors", ScalarType.Int64)]
    [InlineData("m.safetensors", ScalarType.Int32)]
    [InlineData("m.safetensors", ScalarType.Int8)]
    [InlineData("m.safetensors", ScalarType.Byte)]
    [InlineData("m.dat", ScalarType.Bool)]
    [InlineData("m.dat", ScalarType.Int64)]
    [InlineData("m.dat", ScalarType.Byte)]
    public void BoolAndIntegerTensorsDoNotLoadIntoFloatParameters(string name, ScalarType type)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var model = new NormalizedNet();
        var state = WeightFiles.StateOf(model);
        state["Hidden.weight"] = state["Hidden.weight"].to_type(type);
        WeightFiles.Write(path, state);
        var before = WeightFiles.StateOf(model);

        var error = Assert.Throws<WeightsMismatchException>(() => model.LoadWeights(path));

        Assert.Equal($"Weights in '{name}' do not fit NormalizedNet: Hidden.weight is {type} in the file but Float32 in the model.", error.Message);
        var mismatch = Assert.Single(error.MismatchedTypes);
        Assert.Equal(new TypeMismatch("Hidden.weight", type, ScalarType.Float32), mismatch);
        Assert.Empty(error.MismatchedShapes);
        WeightFiles.AssertUnchanged(before, model);
    }

    [Theory]
    [InlineData("m.safetensors", ScalarType.Float64)]
    [InlineData("m.safetensors", ScalarType.Float16)]
    [InlineData("m.safetensors", ScalarType.BFloat16)]
    [InlineData("m.dat", ScalarType.Float64)]
    [InlineData("m.dat", ScalarType.Float16)]
    public void OtherFloatingPointTypesLoadConvertedAsInPyTorch(string name, ScalarType type)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var source = new NormalizedNet();
        using var model = new NormalizedNet();
        var state = WeightFiles.StateOf(source);
        using (no_grad())
        {
            // Multiples of 1/8 are exact in every one of these types.
            state["Hidden.weight"] = (arange(32, ScalarType.Float32).reshape(8, 4) / 8).to_type(type);
        }

        WeightFiles.Write(path, state);

        model.LoadWeights(path);

        Assert.Equal(ScalarType.Float32, model.state_dict()["Hidden.weight"].dtype);
        Assert.Equal(Enumerable.Range(0, 32).Select(static i => i / 8f), model.state_dict()["Hidden.weight"].data<float>().ToArray());
    }

    [Theory]
    [InlineData("m.safetensors")]
    [InlineData("m.dat")]
    public void IntegerBuffersLoadAndWidenButNeverFromFloatingPoint(string name)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var model = new NormalizedNet();
        var state = WeightFiles.StateOf(model);
        state["Norm.num_batches_tracked"] = tensor(7, ScalarType.Int32);
        WeightFiles.Write(path, state);

        model.LoadWeights(path);
        Assert.Equal(ScalarType.Int64, model.state_dict()["Norm.num_batches_tracked"].dtype);
        Assert.Equal(7L, model.state_dict()["Norm.num_batches_tracked"].item<long>());

        state["Norm.num_batches_tracked"] = tensor(7f);
        WeightFiles.Write(path, state);
        var error = Assert.Throws<WeightsMismatchException>(() => model.LoadWeights(path));
        Assert.Equal($"Weights in '{name}' do not fit NormalizedNet: Norm.num_batches_tracked is Float32 in the file but Int64 in the model.", error.Message);
    }

    [Theory]
    [InlineData(ScalarType.Float64, ScalarType.Float32, true)]
    [InlineData(ScalarType.Float32, ScalarType.Float16, true)]
    [InlineData(ScalarType.BFloat16, ScalarType.Float64, true)]
    [InlineData(ScalarType.Int32, ScalarType.Int64, true)]
    [InlineData(ScalarType.Byte, ScalarType.Int16, true)]
    [InlineData(ScalarType.Int8, ScalarType.Int64, true)]
    [InlineData(ScalarType.Int64, ScalarType.Int32, false)]
    [InlineData(ScalarType.Int8, ScalarType.Byte, false)]
    [InlineData(ScalarType.Byte, ScalarType.Int8, false)]
    [InlineData(ScalarType.Bool, ScalarType.Byte, false)]
    [InlineData(ScalarType.Bool, ScalarType.Float32, false)]
    [InlineData(ScalarType.Int64, ScalarType.Float64, false)]
    [InlineData(ScalarType.Float32, ScalarType.Int64, false)]
    [InlineData(ScalarType.ComplexFloat32, ScalarType.Float32, false)]
    [InlineData(ScalarType.Float32, ScalarType.ComplexFloat32, false)]
    public void TheConversionRule(ScalarType file, ScalarType model, bool loads)
    {
        Assert.Equal(loads, WeightsFit.CanLoad(file, model));
    }

    [Fact]
    public void TypeAndShapeDifferencesAreReportedTogether()
    {
        using var files = new TempFiles();
        var path = files.PathOf("both.safetensors");
        using var model = new NormalizedNet();
        var state = WeightFiles.StateOf(model);
        state["Hidden.weight"] = zeros(8, 5, ScalarType.Bool);
        state["Output.bias"] = zeros(1, ScalarType.Int32);
        WeightFiles.Write(path, state);

        var error = Assert.Throws<WeightsMismatchException>(() => model.LoadWeights(path));

        Assert.Equal(
            "Weights in 'both.safetensors' do not fit NormalizedNet: Hidden.weight is [8, 5] in the file but [8, 4] in the model; "
            + "Hidden.weight is Bool in the file but Float32 in the model; Output.bias is Int32 in the file but Float32 in the model.",
            error.Message);
    }

    public static TheoryData<string, int, string> BrokenSafetensors => new()
    {
        {
            // Every tensor reads the same bytes.
            "{" + Entries((0, 32), (0, 8), (0, 8), (0, 4)) + "}", 32,
            "tensors 'Output.bias' and 'Hidden.bias' overlap: 'Hidden.bias' starts at byte 0 of the data, before 'Output.bias' ends at byte 4"
        },
        {
            "{" + Entries((0, 32), (28, 36), (36, 44), (44, 48)) + "}", 48,
            "tensors 'Hidden.weight' and 'Hidden.bias' overlap: 'Hidden.bias' starts at byte 28 of the data, before 'Hidden.weight' ends at byte 32"
        },
        {
            "{" + Entries((0, 32), (32, 40), (40, 48), (48, 52)) + "}", 55,
            "3 bytes follow the last tensor 'Output.bias', which ends at byte 52 of the data"
        },
        {
            "{" + Entries((0, 32), (36, 44), (44, 52), (52, 56)) + "}", 56,
            "no tensor holds bytes 32 to 36 of the data, between 'Hidden.weight' and 'Hidden.bias'"
        },
        {
            "{" + Entries((4, 36), (36, 44), (44, 52), (52, 56)) + "}", 56,
            "no tensor holds bytes 0 to 4 of the data, between the start of the data and 'Hidden.weight'"
        },
        {
            "{" + Entries((0, 32), (32, 40), (40, 48), (48, 52)) + "," + WeightFiles.Entry("Output.bias", "F32", [1], 48, 52) + "}", 52,
            "the header names 'Output.bias' twice"
        },
        {
            "{\"__metadata__\":{},\"__metadata__\":{}," + Entries((0, 32), (32, 40), (40, 48), (48, 52)) + "}", 52,
            "the header names '__metadata__' twice"
        },
        {
            "{" + WeightFiles.Entry("Hidden.weight", "F32", [-2, -4], 0, 32) + "}", 32,
            "tensor 'Hidden.weight' has a negative dimension -2"
        },
        {
            "{\"Hidden.weight\":{\"dtype\":\"F32\",\"shape\":[2,4],\"data_offsets\":[0]}}", 32,
            "tensor 'Hidden.weight' has data_offsets [0], not [begin, end]"
        },
        { "{}", 4, "4 bytes follow a header that names no tensors" },
    };

    [Theory]
    [MemberData(nameof(BrokenSafetensors))]
    public void AnInconsistentSafetensorsFileIsInvalidDataNamingTheEntry(string header, int dataLength, string problem)
    {
        using var files = new TempFiles();
        var path = files.PathOf("bad.safetensors");
        WeightFiles.WriteSafetensors(path, header, new byte[dataLength]);
        using var model = new NormalizedNet(hidden: 2, withNorm: false);
        var before = WeightFiles.StateOf(model);

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));

        Assert.Equal($"'{path}' is not a valid safetensors file: {problem}.", error.Message);
        WeightFiles.AssertUnchanged(before, model);
    }

    [Fact]
    public void ATorchSharpFileNamingATensorTwiceIsInvalidData()
    {
        using var files = new TempFiles();
        var path = files.PathOf("twice.dat");
        using var model = new NormalizedNet(withNorm: false);
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write7BitEncodedInt64(5);
            foreach (var (key, value) in model.state_dict().Append(model.state_dict().Last()))
            {
                writer.Write(key);
                value.Save(writer);
            }
        }

        var before = WeightFiles.StateOf(model);

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));

        Assert.Equal($"'{path}' is not a valid TorchSharp weights file: tensor 'Output.bias' appears twice.", error.Message);
        WeightFiles.AssertUnchanged(before, model);
    }

    [Theory]
    [InlineData("dir.safetensors")]
    [InlineData("dir.dat")]
    public void ADirectoryIsNamedAsADirectory(string name)
    {
        using var files = new TempFiles();
        var path = Directory.CreateDirectory(files.PathOf(name)).FullName;
        using var model = new NormalizedNet();

        var error = Assert.Throws<FileNotFoundException>(() => model.LoadWeights(path));

        Assert.Equal($"Weights path '{path}' is a directory, not a file.", error.Message);
        Assert.Equal(path, error.FileName);
    }

    /// <summary>NormalizedNet(hidden: 2, withNorm: false)'s four float32 tensors (32, 8, 8 and 4 bytes) at the given data offsets.</summary>
    private static string Entries((long Begin, long End) hiddenWeight, (long Begin, long End) hiddenBias, (long Begin, long End) outputWeight, (long Begin, long End) outputBias) =>
        string.Join(
            ",",
            WeightFiles.Entry("Hidden.weight", "F32", [2, 4], hiddenWeight.Begin, hiddenWeight.End),
            WeightFiles.Entry("Hidden.bias", "F32", [2], hiddenBias.Begin, hiddenBias.End),
            WeightFiles.Entry("Output.weight", "F32", [1, 2], outputWeight.Begin, outputWeight.End),
            WeightFiles.Entry("Output.bias", "F32", [1], outputBias.Begin, outputBias.End));
}
