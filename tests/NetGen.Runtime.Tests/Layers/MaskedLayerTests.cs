using System;
using System.Collections.Generic;
using NetGen.Layers;
using NetGen.Runtime.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LayersSpecs;

/// <summary>
/// Keras's padding masks in the 1D global poolings and the attention layers, against computations
/// written out here; the causal mask; and the hooks of the masked calls (<c>Run</c>).
/// </summary>
// manual_seed is the process-wide generator: these tests run with the others that set it.
[Collection(ProcessWideState.Name)]
public sealed class MaskedLayerTests
{
    /// <summary>Two sequences of 4 steps, 3 features; the padded steps hold large values a mask must hide.</summary>
    private static (Tensor Input, Tensor Tokens) PaddedBatch()
    {
        var input = tensor(new float[]
        {
            90, 90, 90, /**/ 1, -2, 3, /**/ 4, 5, -6, /**/ 90, 90, 90,
            -1, 2, 0.5f, /**/ 80, 80, 80, /**/ 80, 80, 80, /**/ 80, 80, 80,
        }).reshape(2, 4, 3);
        var tokens = tensor(new long[] { 0, 7, 9, 0, 3, 0, 0, 0 }, 2, 4);
        return (input, tokens);
    }

    [Fact]
    public void AveragePoolingIsTheMeanOfTheRealStepsOnly()
    {
        using var scope = NewDisposeScope();
        using var pool = new GlobalAveragePooling1D();
        var (input, tokens) = PaddedBatch();

        var pooled = pool.Run(input, tokens);

        var expected = tensor(new float[] { 2.5f, 1.5f, -1.5f, -1, 2, 0.5f }, 2, 3);
        Assert.True(pooled.allclose(expected));
        Assert.True(pool.Run(input, null).allclose(input.mean([1])));
    }

    [Fact]
    public void MaxPoolingIsTheLargestValueAmongTheRealSteps()
    {
        using var scope = NewDisposeScope();
        using var pool = new GlobalMaxPooling1D();
        var (input, tokens) = PaddedBatch();

        var pooled = pool.Run(input, tokens);

        var expected = tensor(new float[] { 4, 5, 3, -1, 2, 0.5f }, 2, 3);
        Assert.True(pooled.allclose(expected));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PoolingsOfASequenceWithoutARealStepAreZeros(bool average)
    {
        using var scope = NewDisposeScope();
        var input = randn(1, 3, 2);
        var tokens = zeros(1, 3, dtype: ScalarType.Int64);

        var pooled = average ? new GlobalAveragePooling1D().Run(input, tokens) : new GlobalMaxPooling1D().Run(input, tokens);

        Assert.True(pooled.eq(0).all().item<bool>());
    }

    [Fact]
    public void PoolingRejectsTokensOfAnotherShape()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => new GlobalAveragePooling1D().Run(randn(2, 4, 3), ones(2, 5, dtype: ScalarType.Int64)));

        Assert.Equal("tokens", error.ParamName);
        Assert.Contains("(batch, steps) = (2, 4)", error.Message);
    }

    [Fact]
    public void AttentionGivesPaddedValueStepsNoWeight()
    {
        using var scope = NewDisposeScope();
        using var attention = new Attention();
        manual_seed(3);
        var query = randn(2, 3, 4);
        var value = randn(2, 5, 4);
        var valueTokens = tensor(new long[] { 0, 0, 4, 5, 6, 1, 2, 0, 0, 0 }, 2, 5);

        var weights = attention.AttentionWeights(query, value, valueTokens);

        // softmax of query · valueᵀ over the real value steps only, written out.
        for (var b = 0; b < 2; b++)
        {
            for (var i = 0; i < 3; i++)
            {
                var scores = new List<(int Step, double Score)>();
                for (var j = 0; j < 5; j++)
                {
                    if (valueTokens[b, j].item<long>() != 0)
                    {
                        scores.Add((j, query[b, i].dot(value[b, j]).item<float>()));
                    }
                }

                var total = 0.0;
                foreach (var (_, score) in scores)
                {
                    total += Math.Exp(score);
                }

                for (var j = 0; j < 5; j++)
                {
                    var real = scores.FindIndex(s => s.Step == j);
                    var expected = real < 0 ? 0 : Math.Exp(scores[real].Score) / total;
                    // A tolerance, not rounding to 5 decimals: float32 and double round apart near a boundary.
                    Assert.Equal(expected, weights[b, i, j].item<float>(), 1e-5);
                }
            }
        }
    }

    [Theory]
    [InlineData("Attention")]
    [InlineData("AdditiveAttention")]
    [InlineData("MultiHeadAttention")]
    public void PaddingTheValueOrTheQueryChangesNoRealOutput(string kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var layer = Create(kind);
        var query = randn(1, 3, 4);
        var value = randn(1, 2, 4);
        var noise = randn(1, 2, 4).mul(50);
        var realTokens = tensor(new long[] { 4, 5 }, 1, 2);

        var unpadded = layer.Run(query, value, null, realTokens);
        var prePadded = layer.Run(query, cat([noise, value], 1), null, tensor(new long[] { 0, 0, 4, 5 }, 1, 4));
        var postPadded = layer.Run(query, cat([value, noise], 1), null, tensor(new long[] { 4, 5, 0, 0 }, 1, 4));
        Assert.True(unpadded.allclose(prePadded, atol: 1e-5), kind);
        Assert.True(unpadded.allclose(postPadded, atol: 1e-5), kind);
        Assert.True(unpadded.allclose(layer.forward(query, value), atol: 1e-5), kind);

        // Keras zeroes the outputs at padded query steps; the real ones stay as they were.
        var queryTokens = tensor(new long[] { 0, 8, 9 }, 1, 3);
        var queryMasked = layer.Run(query, value, queryTokens, null);
        Assert.True(queryMasked[0, 0].eq(0).all().item<bool>(), kind);
        Assert.True(queryMasked.narrow(1, 1, 2).allclose(unpadded.narrow(1, 1, 2), atol: 1e-5), kind);
    }

    [Fact]
    public void CausalAttentionWeighsOnlyTheStepsUpToTheQueryStep()
    {
        using var scope = NewDisposeScope();
        using var attention = new Attention(useCausalMask: true);
        manual_seed(7);
        var sequence = randn(1, 4, 3);

        var weights = attention.AttentionWeights(sequence, sequence);
        var output = attention.forward(sequence, sequence);

        for (var i = 0; i < 4; i++)
        {
            // Row i: softmax of the scores of steps 0..i, zero after.
            var scores = sequence[0, i].matmul(sequence[0].narrow(0, 0, i + 1).t());
            var expected = scores.softmax(0);
            Assert.True(weights[0, i].narrow(0, 0, i + 1).allclose(expected, atol: 1e-6));
            Assert.True(weights[0, i].narrow(0, i + 1, 3 - i).eq(0).all().item<bool>());
            Assert.True(output[0, i].allclose(expected.matmul(sequence[0].narrow(0, 0, i + 1)), atol: 1e-5));
        }
    }

    [Fact]
    public void CausalMultiHeadAttentionIsEachHeadsCausalSoftmaxOverTheProjections()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var attention = new MultiHeadAttention(queryFeatures: 4, valueFeatures: 4, numHeads: 2, keyDim: 3, useCausalMask: true);
        attention.eval();
        var sequence = randn(2, 5, 4);
        var tokens = tensor(new long[] { 1, 2, 3, 0, 0, 0, 4, 5, 6, 7 }, 2, 5);

        var output = attention.Run(sequence, sequence, null, tokens);

        // Per head: q kᵀ / √3, steps after the query step and padded steps removed, softmax, times v; heads side by side, projected.
        var q = attention.Query.call(sequence).view(2, 5, 2, 3);
        var k = attention.Key.call(sequence).view(2, 5, 2, 3);
        var v = attention.Value.call(sequence).view(2, 5, 2, 3);
        for (var b = 0; b < 2; b++)
        {
            for (var i = 0; i < 5; i++)
            {
                var allowed = new List<long>();
                for (var j = 0; j <= i; j++)
                {
                    if (tokens[b, j].item<long>() != 0)
                    {
                        allowed.Add(j);
                    }
                }

                if (allowed.Count == 0)
                {
                    continue;
                }

                var steps = tensor(allowed.ToArray());
                var heads = new Tensor[2];
                for (var h = 0; h < 2; h++)
                {
                    var weights = (k[b].index_select(0, steps)[TensorIndex.Colon, h].matmul(q[b, i, h]) / Math.Sqrt(3)).softmax(0);
                    heads[h] = weights.matmul(v[b].index_select(0, steps)[TensorIndex.Colon, h]);
                }

                var expected = attention.Output.call(cat(heads, 0).unsqueeze(0)).squeeze(0);
                Assert.True(output[b, i].allclose(expected, atol: 1e-5), $"sequence {b}, step {i}");
            }
        }

        // No step sees the steps after it: changing the last step changes only the last output.
        var changed = sequence.clone();
        changed[TensorIndex.Colon, 4] = randn(2, 4);
        var again = attention.forward(changed, changed);
        Assert.True(again.narrow(1, 0, 4).allclose(attention.forward(sequence, sequence).narrow(1, 0, 4), atol: 1e-6));
    }

    [Fact]
    public void MaskedCallsFireTheModulesHooksAsCallDoes()
    {
        using var scope = NewDisposeScope();
        var recurrent = new Recurrent(RecurrentKind.GRU, 3, 4);
        recurrent.InitializeKeras();
        var pool = new GlobalAveragePooling1D();
        var attention = new Attention();
        var fired = new List<string>();
        recurrent.register_forward_pre_hook((module, input) =>
        {
            fired.Add("recurrent pre");
            return input.mul(0);
        });
        recurrent.register_forward_hook((module, input, output) =>
        {
            fired.Add("recurrent post");
            return output;
        });
        pool.register_forward_hook((module, input, output) =>
        {
            fired.Add("pool post");
            return output.add(1);
        });
        attention.register_forward_pre_hook((module, query, value) =>
        {
            fired.Add("attention pre");
            return null;
        });
        attention.register_forward_hook((Action<nn.Module>)(module => fired.Add("attention module post")));
        var tokens = tensor(new long[] { 0, 1, 2 }, 1, 3);
        var input = randn(1, 3, 3);

        // The pre-hook zeroed the input: a GRU over zeros from a zero state with Keras's zero biases
        // outputs zeros; the pooling's hook added 1 to the masked mean.
        var zeroed = recurrent.Run(input, tokens);
        recurrent.Run(input, tokens, null, out var state);
        var sequence = randn(1, 3, 2);
        var pooled = pool.Run(sequence, tokens);
        attention.Run(input, input, tokens, tokens);

        Assert.Equal(new[] { "recurrent pre", "recurrent post", "recurrent pre", "recurrent post", "pool post", "attention pre", "attention module post" }, fired);
        Assert.True(zeroed.eq(0).all().item<bool>());
        Assert.True(state.eq(0).all().item<bool>());
        Assert.True(pooled.allclose(sequence.narrow(1, 1, 2).mean([1]).add(1)));
    }

    private static MaskedAttentionLayer Create(string kind) => kind switch
    {
        "Attention" => new Attention(),
        "AdditiveAttention" => new AdditiveAttention(4),
        _ => new MultiHeadAttention(4, 4, numHeads: 2, keyDim: 3),
    };
}

/// <summary>The masked call of every attention layer, for theories over the kinds.</summary>
internal static class MaskedAttentionRuns
{
    public static Tensor Run(this MaskedAttentionLayer layer, Tensor query, Tensor value, Tensor? queryTokens, Tensor? valueTokens) => layer switch
    {
        ScoredAttention scored => scored.Run(query, value, queryTokens, valueTokens),
        MultiHeadAttention multiHead => multiHead.Run(query, value, queryTokens, valueTokens),
        _ => throw new ArgumentException("Unknown attention layer.", nameof(layer)),
    };
}
