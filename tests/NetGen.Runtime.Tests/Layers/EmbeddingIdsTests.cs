using System;
using NetGen.Layers;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LayersSpecs;

/// <summary>The token-id check generated networks run before each Embedding.</summary>
public sealed class EmbeddingIdsTests
{
    [Fact]
    public void IdsWithARowPassUnchanged()
    {
        using var ids = tensor(new long[] { 0, 3, 9, 1 }, 2, 2);

        Assert.Same(ids, EmbeddingIds.Checked(ids, 10, "Words"));
    }

    [Fact]
    public void AnIdAtOrBeyondInputDimNamesTheLayerTheIdAndInputDim()
    {
        using var ids = tensor(new long[] { 0, 3, 12, 10 }, 2, 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingIds.Checked(ids, 10, "Words"));

        Assert.Equal("ids", error.ParamName);
        Assert.Equal(12L, error.ActualValue);
        Assert.StartsWith("Embedding 'Words' got token id 12, but its inputDim is 10, so ids must be below 10: give the Embedding inputDim 13 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeIdIsNamed()
    {
        using var ids = tensor(new long[] { 2, -1 });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingIds.Checked(ids, 10, "Words"));

        Assert.Equal(-1L, error.ActualValue);
        Assert.Contains("'Words' got token id -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyBatchOrAnotherElementTypeIsLeftToLibtorch()
    {
        using var empty = zeros(new long[] { 0, 5 }, ScalarType.Int64);
        using var floats = tensor(new float[] { 40f });

        Assert.Same(empty, EmbeddingIds.Checked(empty, 10, "Words"));
        Assert.Same(floats, EmbeddingIds.Checked(floats, 10, "Words"));
    }
}
