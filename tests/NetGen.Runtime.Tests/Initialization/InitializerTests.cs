using System;
using System.Linq;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.InitializationSpecs;

/// <summary>
/// Keras's initializers: their ranges and spreads from Keras's fan rules, and a seeded generator
/// whose values depend on the seed alone. Two tests seed TorchSharp's global generator, so the
/// class runs apart from the parallel tests.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class InitializerTests
{
    private static float[] Initialized(long[] shape, Initializer initializer, long? seed = 1)
    {
        using var generator = Initializers.Generator(seed);
        var weight = empty(shape);
        Initializers.Apply(weight, initializer, generator);
        return ToyData.Floats(weight);
    }

    private static double StandardDeviation(float[] values)
    {
        var mean = values.Average(static v => (double)v);
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    [Theory]
    // A Dense kernel is (out, in): fan-in 20, fan-out 30. A convolution kernel (out, in, kh, kw)
    // multiplies both by the receptive field: fan-in 4 * 9, fan-out 8 * 9.
    [InlineData(new long[] { 30, 20 }, 20, 30)]
    [InlineData(new long[] { 8, 4, 3, 3 }, 36, 72)]
    public void UniformInitializersFillTheirKerasRange(long[] shape, int fanIn, int fanOut)
    {
        foreach (var (initializer, limit) in new[] { (Initializer.GlorotUniform, Math.Sqrt(6.0 / (fanIn + fanOut))), (Initializer.HeUniform, Math.Sqrt(6.0 / fanIn)) })
        {
            var values = Initialized(shape, initializer);

            Assert.All(values, value => Assert.InRange(value, -limit, limit));
            // Uniform: the extremes are nearly reached and the spread is limit / sqrt(3).
            Assert.True(values.Max() > 0.9 * limit && values.Min() < -0.9 * limit, $"{initializer}: [{values.Min()}, {values.Max()}] for limit {limit}");
            Assert.Equal(limit / Math.Sqrt(3), StandardDeviation(values), limit * 0.06);
        }
    }

    [Fact]
    public void NormalInitializersAreTruncatedAtTwoDeviationsWithKerasSpread()
    {
        // Keras scales the deviation by 1 / 0.8796 so that the truncated values keep the intended spread.
        foreach (var (initializer, deviation) in new[] { (Initializer.GlorotNormal, Math.Sqrt(2.0 / 200)), (Initializer.HeNormal, Math.Sqrt(2.0 / 100)) })
        {
            var values = Initialized([100, 100], initializer);

            var bound = 2 * deviation / 0.87962566103423978;
            Assert.All(values, value => Assert.InRange(value, -bound - 1e-6, bound + 1e-6));
            Assert.Equal(deviation, StandardDeviation(values), deviation * 0.05);
        }
    }

    [Fact]
    public void ConstantsAndTheTorchDefault()
    {
        Assert.All(Initialized([3, 2], Initializer.Zeros), static value => Assert.Equal(0f, value));
        Assert.All(Initialized([3, 2], Initializer.Ones), static value => Assert.Equal(1f, value));

        using var layer = nn.Linear(5, 3, hasBias: false);
        var built = ToyData.Floats(layer.weight!);
        Initializers.Apply(layer.weight, Initializer.TorchDefault, Initializers.Generator(1));
        Assert.Equal(built, ToyData.Floats(layer.weight!));

        // A layer without a bias has nothing to fill.
        Initializers.Apply(layer.bias, Initializer.Zeros);
        Assert.Equal("initializer", Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.Apply(zeros(2, 2), (Initializer)42)).ParamName);
    }

    [Fact]
    public void TheSameSeedGivesTheSameWeightsWhateverTheGlobalGeneratorDoes()
    {
        manual_seed(1);
        var first = Initialized([6, 4], Initializer.GlorotUniform, seed: 7);
        _ = rand(100);
        manual_seed(2);
        var second = Initialized([6, 4], Initializer.GlorotUniform, seed: 7);

        Assert.Equal(first, second);
        Assert.NotEqual(first, Initialized([6, 4], Initializer.GlorotUniform, seed: 8));
        Assert.Equal(Initialized([50, 50], Initializer.HeNormal, seed: 7), Initialized([50, 50], Initializer.HeNormal, seed: 7));
        Assert.Null(Initializers.Generator(null));
    }

    [Fact]
    public void ASeededInitializationLeavesTheGlobalGeneratorAlone()
    {
        manual_seed(3);
        var expected = ToyData.Floats(rand(4));

        manual_seed(3);
        Initialized([6, 4], Initializer.GlorotUniform, seed: 7);
        Initialized([6, 4], Initializer.GlorotNormal, seed: 7);

        Assert.Equal(expected, ToyData.Floats(rand(4)));

        // Without a generator the global one is used, so torch.manual_seed reproduces it.
        manual_seed(4);
        var unseeded = Initialized([6, 4], Initializer.GlorotUniform, seed: null);
        manual_seed(4);
        Assert.Equal(unseeded, Initialized([6, 4], Initializer.GlorotUniform, seed: null));
    }
}
