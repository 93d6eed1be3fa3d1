using System;
using System.Linq;
using NetGen.Layers;
using NetGen.Runtime.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LayersSpecs;

/// <summary>The runtime's layer modules and helpers that generated forward methods call.</summary>
public sealed class LayerTests
{
    private static long LiveTensors => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

    [Fact]
    public void ReshapeGivesEachSampleTheTargetShape()
    {
        using var x = arange(24, dtype: ScalarType.Float32).reshape(2, 12);

        using var explicitShape = new Reshape(3, 4).call(x);
        using var inferred = new Reshape(-1, 2).call(x);

        Assert.Equal(new long[] { 2, 3, 4 }, explicitShape.shape);
        Assert.Equal(new long[] { 2, 6, 2 }, inferred.shape);
        // Row-major order within each sample, as Keras's Reshape.
        Assert.Equal(ToyData.Floats(x), ToyData.Floats(explicitShape));
        Assert.Equal(13f, explicitShape[1, 0, 1].item<float>());
        Assert.Equal(new long[] { 3, 4 }, new Reshape(3, 4).TargetShape);
    }

    [Fact]
    public void ReshapeNeverMovesValuesAcrossSamples()
    {
        // Two samples of 6 values cannot become samples of 4: that would make three samples out of two.
        using var x = zeros(2, 6);

        Assert.ThrowsAny<Exception>(() => new Reshape(4).call(x));
        Assert.ThrowsAny<Exception>(() => new Reshape(-1, 4).call(x));
    }

    [Theory]
    [InlineData(new long[0])]
    [InlineData(new long[] { 0, 3 })]
    [InlineData(new long[] { -1, -1 })]
    [InlineData(new long[] { -2, 3 })]
    public void ReshapeRejectsTargetsThatAreNotShapes(long[] target)
    {
        Assert.Equal("targetShape", Assert.Throws<ArgumentException>(() => new Reshape(target)).ParamName);
    }

    [Fact]
    public void PermuteReordersTheAxesOfEachSampleCountingFromOne()
    {
        using var x = arange(2 * 3 * 4 * 5, dtype: ScalarType.Float32).reshape(2, 3, 4, 5);

        using var swapped = new Permute(2, 1, 3).call(x);
        using var rotated = new Permute(3, 1, 2).call(x);

        Assert.Equal(new long[] { 2, 4, 3, 5 }, swapped.shape);
        Assert.Equal(new long[] { 2, 5, 3, 4 }, rotated.shape);
        // rotated[b, k, i, j] = x[b, i, j, k].
        Assert.Equal(x[1, 2, 3, 4].item<float>(), rotated[1, 4, 2, 3].item<float>());
        Assert.Equal(x[0, 1, 2, 3].item<float>(), swapped[0, 2, 1, 3].item<float>());
        Assert.Equal(new[] { 3, 1, 2 }, new Permute(3, 1, 2).Dims);
        Assert.Equal("dims", Assert.Throws<ArgumentException>(() => new Permute(0, 1)).ParamName);
        Assert.Equal("dims", Assert.Throws<ArgumentException>(() => new Permute(1, 1)).ParamName);
        Assert.Equal("dims", Assert.Throws<ArgumentException>(() => new Permute(1, 3)).ParamName);
        Assert.Equal("dims", Assert.Throws<ArgumentException>(() => new Permute()).ParamName);
    }

    [Fact]
    public void ConcatenateJoinsAlongItsAxisCountingTheBatch()
    {
        using var a = ones(2, 3, 4);
        using var b = zeros(2, 1, 4);
        using var c = full(2, 3, 2, 5f);

        using var lastAxis = new Concatenate().call([a, c]);
        using var steps = new Concatenate(1).call([a, b]);

        Assert.Equal(new long[] { 2, 3, 6 }, lastAxis.shape);
        Assert.Equal(new[] { 1f, 1f, 1f, 1f, 5f, 5f }, ToyData.Floats(lastAxis[0, 0]));
        Assert.Equal(new long[] { 2, 4, 4 }, steps.shape);
        Assert.Equal(0f, steps[1, 3, 0].item<float>());
        Assert.Equal(-1, new Concatenate().Axis);
        Assert.StartsWith("Concatenate needs at least two inputs; got 1.", Assert.Throws<ArgumentException>(() => new Concatenate().call([a])).Message);
    }

    [Fact]
    public void AddSumsEveryInput()
    {
        using var sum = new Add().call([ones(2, 3), full(2, 3, 2f), full(2, 3, 4f)]);

        Assert.All(ToyData.Floats(sum), static value => Assert.Equal(7f, value));
        Assert.StartsWith("Add needs at least two inputs; got 1.", Assert.Throws<ArgumentException>(() => new Add().call([ones(2, 3)])).Message);
    }

    [Fact]
    public void ChannelsFirstNormalizesTheFeaturesOfASequence()
    {
        // Batch normalization of (batch, steps, features) normalizes each feature over the batch and
        // the steps; TorchSharp's BatchNorm1d takes the features on axis 1, hence the transposes.
        const int Batch = 4, Steps = 5, Features = 3;
        var random = new Random(171);
        var values = Enumerable.Range(0, Batch * Steps * Features).Select(_ => (float)((random.NextDouble() * 4) - 1)).ToArray();
        using var sequence = tensor(values, [Batch, Steps, Features]);
        using var norm = nn.BatchNorm1d(Features);
        norm.train();

        var before = LiveTensors;
        using var output = ChannelsFirst.Apply(norm, sequence);

        // Only the output is left: the transposed views are freed.
        Assert.Equal(before + 1, LiveTensors);
        Assert.Equal(new long[] { Batch, Steps, Features }, output.shape);
        var normalized = ToyData.Floats(output);
        for (var feature = 0; feature < Features; feature++)
        {
            var column = Enumerable.Range(0, Batch * Steps).Select(i => (double)values[(i * Features) + feature]).ToArray();
            var mean = column.Average();
            var variance = column.Average(v => (v - mean) * (v - mean));
            for (var i = 0; i < column.Length; i++)
            {
                Assert.Equal((column[i] - mean) / Math.Sqrt(variance + 1e-5), normalized[(i * Features) + feature], 4);
            }

            // The running mean moved 10 % of the way towards this feature's mean.
            Assert.Equal(0.1 * mean, norm.running_mean![feature].item<float>(), 5);
        }
    }

    [Fact]
    public void ActivationHelpersFreeTheirArgumentAndKeepTheGradient()
    {
        var a = tensor(new float[] { -1, 0.5f, 2 }).requires_grad_();
        (string Name, Func<Tensor, Tensor> Apply, Func<double, double> Expected)[] activations =
        [
            ("relu", Activations.ReLU, static v => Math.Max(0, v)),
            ("sigmoid", Activations.Sigmoid, static v => 1 / (1 + Math.Exp(-v))),
            ("tanh", Activations.Tanh, Math.Tanh),
            ("leaky", static x => Activations.LeakyReLU(x, 0.1), static v => v > 0 ? v : 0.1 * v),
        ];

        foreach (var (name, apply, expected) in activations)
        {
            a.grad?.zero_();
            var x = a * 2;
            var y = apply(x);

            Assert.True(x.IsInvalid, $"{name} kept its argument");
            Assert.Equal(new[] { -2.0, 1, 4 }.Select(expected), ToyData.Floats(y).Select(static v => (double)v), new ToleranceComparer(1e-6));
            // Autograd keeps what it needs: the gradient reaches the leaf through the freed tensor.
            y.sum().backward();
            Assert.NotEqual(0f, ToyData.Floats(a.grad!).Sum(Math.Abs));
        }

        var logits = tensor(new float[] { 1, 2, 3, 1, 1, 1 }, [2, 3]);
        var probabilities = Activations.Softmax(logits);
        Assert.True(logits.IsInvalid);
        Assert.Equal(new[] { 1.0, 1.0 }, ToyData.Floats(probabilities.sum(-1)).Select(static v => (double)v), new ToleranceComparer(1e-6));
        Assert.Equal(1.0 / 3, probabilities[1, 0].item<float>(), 6);
    }
}
