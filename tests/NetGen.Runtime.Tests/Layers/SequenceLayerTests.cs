using System;
using System.Linq;
using NetGen.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LayersSpecs;

/// <summary>
/// The sequence modules against the formulas they implement, computed by hand with TorchSharp
/// operations on tiny tensors: attention weights sum to 1 over the value steps, the attended values
/// are their weighted sums, and multi-head attention equals its projections done one by one.
/// </summary>
public sealed class SequenceLayerTests
{
    [Fact]
    public void RepeatVectorCopiesTheFeaturesToEveryStep()
    {
        using var scope = NewDisposeScope();
        using var layer = new RepeatVector(3);
        var input = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);

        var output = layer.call(input);

        Assert.Equal(new long[] { 2, 3, 2 }, output.shape);
        Assert.Equal(new float[] { 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4 }, output.data<float>().ToArray());
    }

    [Fact]
    public void RepeatVectorRejectsASequenceNamingItsShape()
    {
        using var layer = new RepeatVector(3);
        using var sequence = zeros(2, 4, 5);

        var error = Assert.Throws<ArgumentException>(() => layer.call(sequence));

        Assert.Contains("[2, 4, 5]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GlobalPooling1DReducesTheSteps()
    {
        using var scope = NewDisposeScope();
        using var average = new GlobalAveragePooling1D();
        using var max = new GlobalMaxPooling1D();
        var input = tensor(new float[] { 1, -2, 3, 6, -5, 4 }).reshape(1, 3, 2);

        Assert.Equal(new float[] { -1f / 3, 8f / 3 }, average.call(input).data<float>().ToArray());
        Assert.Equal(new float[] { 3, 6 }, max.call(input).data<float>().ToArray());
    }

    [Fact]
    public void LayerNormalizationAsGeneratedIsKerasFormula()
    {
        using var scope = NewDisposeScope();

        // What the generator emits for [LayerNormalization] on (steps, 4).
        using var norm = nn.LayerNorm(4, eps: 0.001);
        var input = randn(2, 3, 4, generator: new Generator(7));

        var mean = input.mean([-1], keepdim: true);
        var variance = (input - mean).pow(2).mean([-1], keepdim: true);
        var expected = (input - mean) / (variance + 0.001).sqrt();

        Assert.True(norm.call(input).allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.Equal(new[] { "bias", "weight" }, norm.state_dict().Keys.Order().ToArray());
        Assert.True(norm.weight!.eq(1).all().item<bool>());
        Assert.True(norm.bias!.eq(0).all().item<bool>());
    }

    [Fact]
    public void DotAttentionWeighsTheValueStepsBySoftmaxOfDotProducts()
    {
        using var scope = NewDisposeScope();
        using var attention = new Attention();
        var query = randn(2, 3, 4, generator: new Generator(1));
        var value = randn(2, 5, 4, generator: new Generator(2));

        var weights = attention.AttentionWeights(query, value);
        var output = attention.call(query, value);

        var expectedWeights = query.matmul(value.transpose(1, 2)).softmax(-1);
        Assert.Equal(new long[] { 2, 3, 5 }, weights.shape);
        Assert.True(weights.sum(-1).allclose(ones(2, 3)));
        Assert.True(weights.allclose(expectedWeights, rtol: 1e-5, atol: 1e-6));
        Assert.Equal(new long[] { 2, 3, 4 }, output.shape);
        Assert.True(output.allclose(expectedWeights.matmul(value), rtol: 1e-5, atol: 1e-6));
        Assert.Empty(attention.parameters());
    }

    [Fact]
    public void TheLearnedScaleMultipliesTheScores()
    {
        using var scope = NewDisposeScope();
        using var attention = new Attention(useScale: true);
        var query = randn(1, 2, 3, generator: new Generator(3));
        var value = randn(1, 4, 3, generator: new Generator(4));
        var scale = attention.get_parameter("scale")!;
        Assert.Equal(1f, scale.item<float>());
        using (no_grad())
        {
            scale.fill_(2.5);
        }

        var expected = (query.matmul(value.transpose(1, 2)) * 2.5).softmax(-1);

        Assert.True(attention.AttentionWeights(query, value).allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.Equal(new[] { "scale" }, attention.state_dict().Keys.ToArray());
    }

    [Fact]
    public void ConcatScoresAreTheWeightedSumOfTanhs()
    {
        using var scope = NewDisposeScope();
        using var attention = new Attention(useScale: true, scoreMode: ScoreMode.Concat);
        using (no_grad())
        {
            attention.get_parameter("scale")!.fill_(0.5);
            attention.get_parameter("concat_score_weight")!.fill_(2);
        }

        var query = randn(1, 2, 3, generator: new Generator(5));
        var value = randn(1, 4, 3, generator: new Generator(6));

        // Score of query step i against value step j: 2 * sum_d tanh(0.5 * (q_id + v_jd)).
        var scores = zeros(1, 2, 4);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                scores[0, i, j] = ((query[0, i] + value[0, j]) * 0.5).tanh().sum() * 2;
            }
        }

        Assert.True(attention.AttentionWeights(query, value).allclose(scores.softmax(-1), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void AdditiveAttentionScoresAreTheScaledSumOfTanhs()
    {
        using var scope = NewDisposeScope();
        using var attention = new AdditiveAttention(3, generator: new Generator(8));
        var scale = attention.get_parameter("scale")!;
        var query = randn(2, 2, 3, generator: new Generator(9));
        var value = randn(2, 4, 3, generator: new Generator(10));

        var scores = zeros(2, 2, 4);
        for (var b = 0; b < 2; b++)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    scores[b, i, j] = ((query[b, i] + value[b, j]).tanh() * scale).sum();
                }
            }
        }

        var weights = attention.AttentionWeights(query, value);
        Assert.True(weights.sum(-1).allclose(ones(2, 2)));
        Assert.True(weights.allclose(scores.softmax(-1), rtol: 1e-5, atol: 1e-6));
        Assert.True(attention.call(query, value).allclose(weights.matmul(value), rtol: 1e-5, atol: 1e-6));

        // Keras: Glorot uniform over a vector of 3, fans (3, 3): within sqrt(6 / 6) = 1.
        Assert.Equal(new long[] { 3 }, scale.shape);
        Assert.True(scale.abs().le(1).all().item<bool>());
        Assert.True(scale.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void AttentionDropoutActsOnlyInTraining()
    {
        using var scope = NewDisposeScope();
        using var attention = new Attention(dropout: 0.5);
        var query = randn(4, 6, 3, generator: new Generator(11));
        var value = randn(4, 7, 3, generator: new Generator(12));
        var expected = query.matmul(value.transpose(1, 2)).softmax(-1).matmul(value);

        attention.eval();
        var inference = attention.call(query, value);
        attention.train();
        var training = attention.call(query, value);

        Assert.True(inference.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.False(training.allclose(expected, rtol: 1e-3, atol: 1e-3));
    }

    [Fact]
    public void AttentionNamesBothShapesWhenTheyDoNotFit()
    {
        using var attention = new Attention();
        using var query = zeros(2, 3, 4);
        using var value = zeros(2, 5, 6);

        var error = Assert.Throws<ArgumentException>(() => attention.call(query, value));

        Assert.Contains("[2, 3, 4] and [2, 5, 6]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiHeadAttentionEqualsItsProjectionsDoneByHand()
    {
        using var scope = NewDisposeScope();
        using var attention = new MultiHeadAttention(queryFeatures: 6, valueFeatures: 5, numHeads: 2, keyDim: 3, valueDim: 4, generator: new Generator(13));
        using (no_grad())
        {
            // Non-zero biases, so that a bias applied to the wrong projection would show.
            foreach (var (name, parameter) in attention.named_parameters().Where(static p => p.name.EndsWith("bias", StringComparison.Ordinal)))
            {
                parameter.copy_(randn(parameter.shape, generator: new Generator(14)));
            }
        }

        attention.eval();
        var query = randn(2, 3, 6, generator: new Generator(15));
        var value = randn(2, 4, 5, generator: new Generator(16));

        var q = nn.functional.linear(query, attention.Query.weight!, attention.Query.bias);
        var k = nn.functional.linear(value, attention.Key.weight!, attention.Key.bias);
        var v = nn.functional.linear(value, attention.Value.weight!, attention.Value.bias);
        var heads = Enumerable.Range(0, 2).Select(h =>
        {
            var qh = q[.., .., TensorIndex.Slice(h * 3, (h + 1) * 3)];
            var kh = k[.., .., TensorIndex.Slice(h * 3, (h + 1) * 3)];
            var vh = v[.., .., TensorIndex.Slice(h * 4, (h + 1) * 4)];
            var weights = (qh.matmul(kh.transpose(1, 2)) / Math.Sqrt(3)).softmax(-1);
            return (Weights: weights, Values: weights.matmul(vh));
        }).ToList();
        var expected = nn.functional.linear(cat(heads.Select(static h => h.Values).ToList(), 2), attention.Output.weight!, attention.Output.bias);

        Assert.Equal(new long[] { 2, 3, 6 }, attention.call(query, value).shape);
        Assert.True(attention.call(query, value).allclose(expected, rtol: 1e-4, atol: 1e-5));
        var all = attention.AttentionWeights(query, value);
        Assert.Equal(new long[] { 2, 2, 3, 4 }, all.shape);
        Assert.True(all.sum(-1).allclose(ones(2, 2, 3)));
        Assert.True(all[.., 1].allclose(heads[1].Weights, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void MultiHeadAttentionHasKerasProjectionNamesCountsAndInitializers()
    {
        using var attention = new MultiHeadAttention(queryFeatures: 16, valueFeatures: 32, numHeads: 4, keyDim: 8, valueDim: 6, generator: new Generator(17));

        var shapes = attention.state_dict().ToDictionary(static p => p.Key, static p => p.Value.shape);

        Assert.Equal(new[] { "attention_output.bias", "attention_output.weight", "key.bias", "key.weight", "query.bias", "query.weight", "value.bias", "value.weight" }, shapes.Keys.Order().ToArray());
        Assert.Equal(new long[] { 32, 16 }, shapes["query.weight"]);
        Assert.Equal(new long[] { 24, 32 }, shapes["value.weight"]);
        Assert.Equal(new long[] { 16, 24 }, shapes["attention_output.weight"]);

        // The generator's count for the same layer (SequenceLayerTests in the generator's tests).
        Assert.Equal(544 + 1056 + 792 + 400, attention.parameters().Sum(static p => p.numel()));
        Assert.All(attention.named_parameters().Where(static p => p.name.EndsWith("bias", StringComparison.Ordinal)), static p => Assert.True(p.parameter.eq(0).all().item<bool>()));

        // Keras's fans for its (16, 4, 8) query kernel: 16 * 4 in, 16 * 8 out.
        var limit = Math.Sqrt(6.0 / ((16 * 4) + (16 * 8)));
        Assert.True(attention.Query.weight!.abs().max().item<float>() <= limit);
        Assert.True(attention.Query.weight!.abs().max().item<float>() > limit * 0.8);
    }

    [Fact]
    public void MultiHeadSelfAttentionDropsWeightsOnlyInTraining()
    {
        using var scope = NewDisposeScope();
        using var attention = new MultiHeadAttention(4, 4, 2, 2, dropout: 0.5, generator: new Generator(18));
        var sequence = randn(3, 5, 4, generator: new Generator(19));

        attention.eval();
        var first = attention.call(sequence, sequence);
        var second = attention.call(sequence, sequence);
        attention.train();
        var training = attention.call(sequence, sequence);

        Assert.True(first.allclose(second));
        Assert.False(training.allclose(first, rtol: 1e-3, atol: 1e-3));
    }

    [Fact]
    public void TheLearnedWeightsFollowTheModuleToAnotherType()
    {
        using var scope = NewDisposeScope();
        using var attention = new AdditiveAttention(3, generator: new Generator(20));
        attention.to(ScalarType.Float64);
        var query = randn(1, 2, 3, dtype: ScalarType.Float64);

        var output = attention.call(query, query);

        Assert.Equal(ScalarType.Float64, output.dtype);
    }
}
