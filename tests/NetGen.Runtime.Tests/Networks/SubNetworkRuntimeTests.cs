using System;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Networks;

/// <summary>What generated code calls for sub-networks: their seeds, one output taken from several, and one output's logits.</summary>
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
    public void LogitsKeepsTheSelectedOutputBeforeItsSigmoidAndDisposesTheOthers()
    {
        using var network = new TwoHeadNet(seed: 3);
        using var wide = rand(4, 3, generator: new Generator(1));
        using var deep = rand(4, 2, generator: new Generator(2));

        using (no_grad())
        {
            using var kind = SubNetworkOutputs.Logits(network, 1, wide, deep);
            var outputs = network.forward(wide, deep);
            using var price = outputs.Price;
            using var probability = outputs.Kind;
            using var expected = kind.sigmoid();

            Assert.True(probability.allclose(expected, rtol: 0, atol: 1e-7), "Logits is not the Kind output before its sigmoid");
            Assert.False(kind.allclose(probability), "Logits returned the probabilities");

            // The linear output has no logits of its own: RunLogits gives it as forward does.
            using var logitPrice = SubNetworkOutputs.Logits(network, 0, wide, deep);
            Assert.True(logitPrice.allclose(price, rtol: 0, atol: 0));
        }
    }

    [Fact]
    public void LogitsRejectsAnOutputTheNetworkDoesNotHave()
    {
        using var network = new TwoHeadNet(seed: 3);
        using var wide = rand(4, 3);
        using var deep = rand(4, 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SubNetworkOutputs.Logits(network, 2, wide, deep));
        Assert.Equal("output", error.ParamName);
        Assert.Contains("TwoHeadNet has 2 output(s); output 2 does not exist.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => SubNetworkOutputs.Logits(null!, 0, wide, deep));
    }

    [Fact]
    public void TakeRejectsNulls()
    {
        Assert.Throws<ArgumentNullException>(() => SubNetworkOutputs.Take<TwoOutputs>(null!, static o => o.First));
        Assert.Throws<ArgumentNullException>(() => SubNetworkOutputs.Take(new TwoOutputs(ones(1), ones(1)), null!));
    }
}
