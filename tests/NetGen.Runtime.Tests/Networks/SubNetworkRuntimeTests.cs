using System;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Networks;

/// <summary>What generated code calls for sub-networks: their seeds, and one output taken from several.</summary>
public sealed class SubNetworkRuntimeTests
{
    private sealed class TwoOutputs(Tensor first, Tensor second) : INetworkOutputs
    {
        public Tensor First { get; } = first;

        public Tensor Second { get; } = second;

        public Tensor[] ToArray() => [First, Second];
    }

    [Fact]
    public void SeedsDependOnTheOwnersSeedAloneAndDifferFromEachOther()
    {
        using var a = Initializers.Generator(11);
        using var b = Initializers.Generator(11);

        var first = Initializers.Seed(a);
        var second = Initializers.Seed(a);

        Assert.Equal(first, Initializers.Seed(b));
        Assert.Equal(second, Initializers.Seed(b));
        Assert.NotEqual(first, second);
        Assert.Null(Initializers.Seed(null));
    }

    [Fact]
    public void TakeKeepsTheSelectedOutputAndDisposesTheOthers()
    {
        var outputs = new TwoOutputs(ones(2), zeros(3));

        using var kept = SubNetworkOutputs.Take(outputs, static o => o.Second);

        Assert.Same(outputs.Second, kept);
        Assert.False(kept.IsInvalid);
        Assert.True(outputs.First.IsInvalid);
    }

    [Fact]
    public void TakeRejectsNulls()
    {
        Assert.Throws<ArgumentNullException>(() => SubNetworkOutputs.Take<TwoOutputs>(null!, static o => o.First));
        Assert.Throws<ArgumentNullException>(() => SubNetworkOutputs.Take(new TwoOutputs(ones(1), ones(1)), null!));
    }
}
