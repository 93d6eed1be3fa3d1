using System;
using NetGen.Layers;
using NetGen.Runtime.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LayersSpecs;

/// <summary>
/// GaussianNoise and GaussianDropout against their distributions, measured on large tensors: in
/// training the noise has the mean and standard deviation Keras gives it, in evaluation the output
/// is the input; gradients reach the input, the global seed fixes the noise, and bad values throw.
/// The noise comes from libtorch's global generator, so the seeding test must run alone.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class NoiseLayerTests
{
    // 200,000 draws: the sample mean's standard error is stddev / 447, so the tolerances below are
    // several standard errors wide and a wrong scale (or no noise) is far outside them.
    private const long Draws = 200_000;

    private static bool Equal(Tensor a, Tensor b) => a.shape.AsSpan().SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void GaussianNoiseAddsZeroMeanNoiseOfTheGivenStandardDeviationInTraining()
    {
        using var scope = NewDisposeScope();
        using var layer = new GaussianNoise(0.5);
        layer.train();
        var input = full(Draws, 3.0f);

        var noise = layer.call(input) - input;

        Assert.InRange(noise.mean().item<float>(), -0.01f, 0.01f);
        Assert.InRange(noise.std().item<float>(), 0.49f, 0.51f);
        // Additive: about 68% of the draws lie within one standard deviation.
        Assert.InRange(noise.abs().lt(0.5).to(ScalarType.Float32).mean().item<float>(), 0.67f, 0.69f);
    }

    [Fact]
    public void GaussianDropoutMultipliesByNoiseOfMeanOneAndDropoutsVariance()
    {
        using var scope = NewDisposeScope();
        using var layer = new GaussianDropout(0.2);
        layer.train();
        var input = full(Draws, 2.0f);

        var factor = layer.call(input) / input;

        // sqrt(0.2 / (1 - 0.2)) = 0.5: the variance of Dropout(0.2)'s mask scaled by 1 / 0.8.
        Assert.InRange(factor.mean().item<float>(), 0.99f, 1.01f);
        Assert.InRange(factor.std().item<float>(), 0.49f, 0.51f);
        // Multiplicative: zeros stay zeros.
        Assert.Equal(0, layer.call(zeros(1000)).count_nonzero().item<long>());
    }

    [Fact]
    public void BothAreTheIdentityInEvaluationAndWithoutNoise()
    {
        using var scope = NewDisposeScope();
        var input = randn(4, 3, 8, 8);
        using var noise = new GaussianNoise(0.5);
        using var dropout = new GaussianDropout(0.4);
        using var silentNoise = new GaussianNoise(0);
        using var silentDropout = new GaussianDropout(0);
        noise.eval();
        dropout.eval();
        silentNoise.train();
        silentDropout.train();

        foreach (var output in new[] { noise.call(input), dropout.call(input), silentNoise.call(input), silentDropout.call(input) })
        {
            Assert.True(Equal(output, input));
            // A handle of its own: a generated forward disposes each layer's output apart from its input.
            Assert.NotSame(input, output);
        }

        noise.train();
        Assert.False(Equal(noise.call(input), input));
    }

    [Fact]
    public void TheNoiseKeepsTheInputsTypeAndShape()
    {
        using var scope = NewDisposeScope();
        using var noise = new GaussianNoise(0.1);
        using var dropout = new GaussianDropout(0.1);
        var input = randn(new long[] { 2, 5, 3 }, dtype: ScalarType.Float64);

        var output = dropout.call(noise.call(input));

        Assert.Equal(ScalarType.Float64, output.dtype);
        Assert.Equal(new long[] { 2, 5, 3 }, output.shape);
    }

    [Fact]
    public void GradientsReachTheInputThroughTheNoise()
    {
        using var scope = NewDisposeScope();
        using var noise = new GaussianNoise(0.3);
        using var dropout = new GaussianDropout(0.3);
        var x = full(100, 2.0f).requires_grad_();
        var y = full(100, 2.0f).requires_grad_();

        noise.call(x).sum().backward();
        var shaken = dropout.call(y);
        shaken.sum().backward();

        // d(x + n)/dx = 1; d(y * m)/dy = m, the noise the layer drew (shaken / 2).
        Assert.True(Equal(x.grad!, ones(100)));
        Assert.True(y.grad!.allclose(shaken.detach() / 2));
    }

    [Fact]
    public void TheGlobalSeedFixesTheNoise()
    {
        using var scope = NewDisposeScope();
        using var noise = new GaussianNoise(1.0);
        using var dropout = new GaussianDropout(0.5);
        var input = ones(64);

        Tensor Draw(long seed)
        {
            manual_seed(seed);
            return dropout.call(noise.call(input));
        }

        Assert.True(Equal(Draw(7), Draw(7)));
        Assert.False(Equal(Draw(7), Draw(8)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void GaussianNoiseRejectsAStandardDeviationThatIsNotFiniteAndNonNegative(double stddev)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianNoise(stddev));

        Assert.Equal("stddev", error.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void GaussianDropoutRejectsARateOutsideZeroToOne(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianDropout(rate));

        Assert.Equal("rate", error.ParamName);
    }

    [Fact]
    public void IntegerInputsInTrainingNameTheLayerAndTheType()
    {
        using var ids = arange(6, dtype: ScalarType.Int64);
        using var noise = new GaussianNoise(0.1);
        using var dropout = new GaussianDropout(0.1);

        var noiseError = Assert.Throws<ArgumentException>(() => noise.call(ids));
        var dropoutError = Assert.Throws<ArgumentException>(() => dropout.call(ids));

        Assert.Contains("GaussianNoise", noiseError.Message, StringComparison.Ordinal);
        Assert.Contains("Int64", noiseError.Message, StringComparison.Ordinal);
        Assert.Contains("GaussianDropout", dropoutError.Message, StringComparison.Ordinal);
    }
}
