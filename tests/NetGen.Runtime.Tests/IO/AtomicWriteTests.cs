using System;
using System.IO;
using System.Linq;
using NetGen.IO;
using NetGen.Runtime.Tests.Data;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

public sealed class AtomicWriteTests
{
    [Theory]
    [InlineData("model.safetensors")]
    [InlineData("model.dat")]
    public void AFailureAfterTheTemporaryFileIsWrittenKeepsThePreviousFile(string name)
    {
        using var files = new TempFiles();
        var path = files.PathOf(name);
        using var model = new NormalizedNet();
        model.SaveWeights(path);
        var previous = File.ReadAllBytes(path);
        using (no_grad())
        {
            model.state_dict()["Output.bias"].fill_(42);
        }

        string? temporary = null;
        AtomicFile.BeforeCommit = path =>
        {
            temporary = path;
            throw new IOException("disk full (simulated)");
        };
        try
        {
            Assert.Equal("disk full (simulated)", Assert.Throws<IOException>(() => model.SaveWeights(path)).Message);
        }
        finally
        {
            AtomicFile.BeforeCommit = null;
        }

        // The new content was complete, in the target's directory, and hidden; it is gone and the old file is intact.
        Assert.Equal(files.Directory, Path.GetDirectoryName(temporary));
        Assert.StartsWith("." + name + ".", Path.GetFileName(temporary));
        Assert.Equal(previous, File.ReadAllBytes(path));
        Assert.Equal([name], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void AFailureHalfWayThroughWritingKeepsThePreviousFile()
    {
        using var files = new TempFiles();
        var path = files.Write("data.bin", "previous good content");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, static stream =>
        {
            stream.Write(new byte[4096]);
            throw new InvalidOperationException("serializer failed");
        }));

        Assert.Equal("previous good content", File.ReadAllText(path));
        Assert.Equal(["data.bin"], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void AFailedFirstSaveLeavesNoFileAtAll()
    {
        using var files = new TempFiles();
        var path = files.PathOf("first.safetensors");
        using var model = new NormalizedNet();

        AtomicFile.BeforeCommit = static _ => throw new IOException("simulated");
        try
        {
            Assert.Throws<IOException>(() => model.SaveWeights(path));
        }
        finally
        {
            AtomicFile.BeforeCommit = null;
        }

        Assert.Empty(Directory.GetFiles(files.Directory));
    }

    [Fact]
    public void ASuccessfulSaveReplacesTheFileAndLeavesNoTemporary()
    {
        using var files = new TempFiles();
        var path = files.PathOf("m.safetensors");
        using var first = new NormalizedNet();
        using var second = new NormalizedNet();
        first.SaveWeights(path);

        second.SaveWeights(path);

        Assert.Equal(["m.safetensors"], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
        using var reloaded = new NormalizedNet();
        reloaded.LoadWeights(path);
        Assert.True(WeightFiles.SameState(second, reloaded));
    }
}
