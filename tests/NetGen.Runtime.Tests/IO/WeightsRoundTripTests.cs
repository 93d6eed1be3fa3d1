using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NetGen.Runtime.Tests.Data;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

public sealed class WeightsRoundTripTests
{
    [Theory]
    [InlineData("weights.safetensors")]
    [InlineData("weights.dat")]
    [InlineData("weights.bin")]
    public void AReloadedNetworkPredictsExactlyTheSame(string name)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var original = new NormalizedNet();
        using var x = randn(6, 4);
        original.Fit(x, rand(6, 1).round(), epochs: 2, batchSize: 3, verbose: Training.Verbosity.Silent);

        original.SaveWeights(path);
        using var reloaded = new NormalizedNet();
        Assert.False(WeightFiles.SameState(original, reloaded));
        reloaded.LoadWeights(path);

        Assert.True(WeightFiles.SameState(original, reloaded));
        Assert.True(WeightFiles.Same(original.Predict(x), reloaded.Predict(x)));
        // Buffers travel too: batch-norm statistics and its int64 step counter.
        Assert.Equal(4L, reloaded.state_dict()["Norm.num_batches_tracked"].item<long>());
    }

    [Fact]
    public void TheNativeFormatIsTorchSharpsModuleFormatBothWays()
    {
        using var files = new TempFiles();
        using var ours = new NormalizedNet();
        using var theirs = new NormalizedNet();
        ours.SaveWeights(files.PathOf("ours.dat"));
        theirs.save(files.PathOf("theirs.dat"));

        using var readByTorchSharp = new NormalizedNet();
        readByTorchSharp.load(files.PathOf("ours.dat"));
        using var readByUs = new NormalizedNet();
        readByUs.LoadWeights(files.PathOf("theirs.dat"));

        Assert.True(WeightFiles.SameState(ours, readByTorchSharp));
        Assert.True(WeightFiles.SameState(theirs, readByUs));
    }

    [Fact]
    public void TheSafetensorsFileFollowsTheSpecificationPythonReads()
    {
        using var files = new TempFiles();
        var path = files.PathOf("m.safetensors");
        using var model = new NormalizedNet();
        model.SaveWeights(path);

        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var entries = header.RootElement.EnumerateObject().Where(static p => p.Name != "__metadata__").ToDictionary(static p => p.Name, static p => p.Value);

        Assert.Equal(model.state_dict().Keys.Order(), entries.Keys.Order());
        Assert.Equal("F32", entries["Hidden.weight"].GetProperty("dtype").GetString());
        Assert.Equal("I64", entries["Norm.num_batches_tracked"].GetProperty("dtype").GetString());
        Assert.Equal(new long[] { 8, 4 }, entries["Hidden.weight"].GetProperty("shape").EnumerateArray().Select(static d => d.GetInt64()));

        // Offsets tile the data exactly, and each range holds the tensor's little-endian values.
        var ranges = entries.Values.Select(static e => (Begin: e.GetProperty("data_offsets")[0].GetInt64(), End: e.GetProperty("data_offsets")[1].GetInt64())).OrderBy(static r => r.Begin).ToArray();
        Assert.Equal(0, ranges[0].Begin);
        Assert.All(ranges.Zip(ranges.Skip(1)), static pair => Assert.Equal(pair.First.End, pair.Second.Begin));
        Assert.Equal(bytes.Length - 8 - headerLength, ranges[^1].End);
        var weight = entries["Hidden.weight"].GetProperty("data_offsets");
        var start = 8 + headerLength + (int)weight[0].GetInt64();
        var stored = Enumerable.Range(0, 32).Select(i => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(start + (4 * i), 4))).ToArray();
        Assert.Equal(model.state_dict()["Hidden.weight"].data<float>().ToArray(), stored);
    }

    [Fact]
    public void LoadsASafetensorsFileLaidOutAsPythonWritesItWithMetadataAndFloat64()
    {
        // Written here byte by byte, laid out as safetensors.torch.save_file(model.double().state_dict(), path)
        // lays it out: a __metadata__ entry, F64 data, and a header padded with spaces to a multiple of 8 bytes.
        using var files = new TempFiles();
        var path = files.PathOf("from-python.safetensors");
        using var model = new NormalizedNet(hidden: 2, withNorm: false);
        var values = new (string Name, long[] Shape)[] { ("Hidden.weight", [2, 4]), ("Hidden.bias", [2]), ("Output.weight", [1, 2]), ("Output.bias", [1]) };
        var data = new MemoryStream();
        var json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        var next = 0.5;
        Span<byte> buffer = stackalloc byte[8];
        foreach (var (name, shape) in values)
        {
            var count = shape.Aggregate(1L, static (a, b) => a * b);
            json.Append($",\"{name}\":{{\"dtype\":\"F64\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{data.Length},{data.Length + (8 * count)}]}}");
            for (var i = 0; i < count; i++, next += 0.25)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(buffer, next);
                data.Write(buffer);
            }
        }

        var header = json.Append('}').ToString();
        header = header.PadRight((header.Length + 7) / 8 * 8);
        using (var file = File.Create(path))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            file.Write(length);
            file.Write(Encoding.UTF8.GetBytes(header));
            data.Position = 0;
            data.CopyTo(file);
        }

        model.LoadWeights(path);

        Assert.Equal(ScalarType.Float32, model.state_dict()["Hidden.weight"].dtype);
        Assert.Equal(new[] { 0.5f, 0.75f, 1f, 1.25f, 1.5f, 1.75f, 2f, 2.25f }, model.state_dict()["Hidden.weight"].data<float>().ToArray());
        Assert.Equal(3.5f, model.state_dict()["Output.bias"].item<float>());
    }

    [Theory]
    [InlineData("w.safetensors")]
    [InlineData("w.dat")]
    public void SavingOverALargerFileLeavesNoTrailingBytes(string name)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var large = new NormalizedNet(hidden: 64);
        using var small = new NormalizedNet(hidden: 2);
        small.SaveWeights(files.PathOf("fresh-" + name));

        large.SaveWeights(path);
        small.SaveWeights(path);

        Assert.Equal(File.ReadAllBytes(files.PathOf("fresh-" + name)).Length, new FileInfo(path).Length);
        using var reloaded = new NormalizedNet(hidden: 2);
        reloaded.LoadWeights(path);
        Assert.True(WeightFiles.SameState(small, reloaded));
    }

    [Fact]
    public void SavingCreatesTheDirectory()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "checkpoints", "epoch-1", "m.safetensors");
        using var model = new NormalizedNet();

        model.SaveWeights(path);

        Assert.True(File.Exists(path));
    }
}
