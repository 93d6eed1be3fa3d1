using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Multi-head attention, Keras's <c>MultiHeadAttention</c> (the module behind
/// <see cref="MultiHeadAttentionAttribute"/>). The query (batch, Tq, dq) is projected by
/// <c>query</c> to heads × keyDim, the value (batch, Tv, dv) by <c>key</c> to heads × keyDim and
/// by <c>value</c> to heads × valueDim; each head attends with
/// <c>softmax(q · kᵀ / √keyDim) · v</c>, and <c>attention_output</c> projects the joined heads back
/// to dq. Unlike TorchSharp's <c>MultiheadAttention</c>, the head sizes are free of the inputs'.
/// Kernels are Glorot uniform with Keras's fans for its (in, heads, size) kernels; biases are zero.
/// Masks (<see cref="Run"/>, <see cref="MaskedAttentionLayer.UseCausalMask"/>) are Keras's, except
/// that outputs at padded query steps are zeros (Keras's leave there an average of the values).
/// </summary>
public sealed class MultiHeadAttention : MaskedAttentionLayer
{
    // Registering this layer in a parent makes TorchSharp register its module fields by name as
    // well (RegisterComponents); the attributes keep Keras's names there, so each projection is
    // saved once, not again as "_query"...
    [TorchSharp.Utils.ComponentName(Name = "query")]
    private readonly Linear _query;
    [TorchSharp.Utils.ComponentName(Name = "key")]
    private readonly Linear _key;
    [TorchSharp.Utils.ComponentName(Name = "value")]
    private readonly Linear _value;
    [TorchSharp.Utils.ComponentName(Name = "attention_output")]
    private readonly Linear _output;
    private readonly long _heads;
    private readonly long _keyDim;
    private readonly long _valueDim;
    private readonly double _dropout;

    /// <summary>Creates the layer.</summary>
    /// <param name="queryFeatures">The query's features (dq), also the output's.</param>
    /// <param name="valueFeatures">The value's features (dv).</param>
    /// <param name="numHeads">The number of heads.</param>
    /// <param name="keyDim">Each head's query and key features.</param>
    /// <param name="valueDim">Each head's value features; 0 means <paramref name="keyDim"/>.</param>
    /// <param name="dropout">Fraction of the attention weights dropped during training, in [0, 1).</param>
    /// <param name="useBias">Whether the four projections have biases.</param>
    /// <param name="useCausalMask">Whether query step i attends only to value steps 0..i (Keras's <c>use_causal_mask</c>).</param>
    /// <param name="device">Where the weights live; the default device when null.</param>
    /// <param name="dtype">Their element type; the default when null.</param>
    /// <param name="generator">Draws the initial kernels; TorchSharp's global generator when null.</param>
    public MultiHeadAttention(
        long queryFeatures,
        long valueFeatures,
        long numHeads,
        long keyDim,
        long valueDim = 0,
        double dropout = 0,
        bool useBias = true,
        bool useCausalMask = false,
        Device? device = null,
        ScalarType? dtype = null,
        Generator? generator = null)
        : base(nameof(MultiHeadAttention), useCausalMask)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queryFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(valueFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numHeads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyDim);
        ArgumentOutOfRangeException.ThrowIfNegative(valueDim);
        if (!(dropout >= 0 && dropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "The dropout rate must be in [0, 1).");
        }

        _heads = numHeads;
        _keyDim = keyDim;
        _valueDim = valueDim == 0 ? keyDim : valueDim;
        _dropout = dropout;

        // Keras's kernels are (in, heads, size) and (heads, size, out): its Glorot fans multiply
        // the last two axes by the first, not the fans of the equivalent matrix.
        _query = Projection(queryFeatures, numHeads * keyDim, queryFeatures * numHeads, queryFeatures * keyDim, useBias, device, dtype, generator);
        _key = Projection(valueFeatures, numHeads * keyDim, valueFeatures * numHeads, valueFeatures * keyDim, useBias, device, dtype, generator);
        _value = Projection(valueFeatures, numHeads * _valueDim, valueFeatures * numHeads, valueFeatures * _valueDim, useBias, device, dtype, generator);
        _output = Projection(numHeads * _valueDim, queryFeatures, numHeads * _valueDim, numHeads * queryFeatures, useBias, device, dtype, generator);
        register_module("query", _query);
        register_module("key", _key);
        register_module("value", _value);
        register_module("attention_output", _output);
    }

    /// <summary>The query projection (dq to heads × keyDim).</summary>
    public Linear Query => _query;

    /// <summary>The key projection (dv to heads × keyDim).</summary>
    public Linear Key => _key;

    /// <summary>The value projection (dv to heads × valueDim).</summary>
    public Linear Value => _value;

    /// <summary>The output projection (heads × valueDim to dq).</summary>
    public Linear Output => _output;

    /// <summary>The attended values (batch, Tq, dq).</summary>
    public override Tensor forward(Tensor query, Tensor value) => Attend(query, value, null, null);

    /// <summary>
    /// The attended values (batch, Tq, dq) under Keras's masks: value steps whose id in
    /// <paramref name="valueTokens"/> (batch, Tv) is 0 get no weight in any head, and the outputs
    /// at query steps whose id in <paramref name="queryTokens"/> (batch, Tq) is 0 are zeros. Hooks
    /// fire as for <c>call</c>.
    /// </summary>
    public Tensor Run(Tensor query, Tensor value, Tensor? queryTokens = null, Tensor? valueTokens = null) =>
        CallWithHooks(query, value, (q, v) => Attend(q, v, queryTokens, valueTokens));

    /// <summary>
    /// Each head's attention weights (batch, heads, Tq, Tv), before dropout: each row sums to 1
    /// (Keras's <c>return_attention_scores</c>). Padded value steps (<paramref name="valueTokens"/> 0)
    /// and, with the causal mask, later steps get no weight.
    /// </summary>
    public Tensor AttentionWeights(Tensor query, Tensor value, Tensor? valueTokens = null)
    {
        CheckInputs(query, value);
        using var scope = NewDisposeScope();
        var (q, k, _) = Heads(query, value);
        using var scale = Math.Sqrt(_keyDim).ToScalar();
        var scores = q.matmul(k.transpose(2, 3)).div(scale);
        var mask = ScoreMask(query, value, valueTokens);
        return (mask is null ? scores : scores.add(mask.unsqueeze(1), Scalars.One)).softmax(-1).MoveToOuterDisposeScope();
    }

    private Tensor Attend(Tensor query, Tensor value, Tensor? queryTokens, Tensor? valueTokens)
    {
        CheckInputs(query, value);
        using var scope = NewDisposeScope();
        var (q, k, v) = Heads(query, value);

        // (batch or 1, Tq, Tv) -> (batch or 1, 1, Tq, Tv): the same mask for every head, added to the scores.
        var mask = ScoreMask(query, value, valueTokens)?.unsqueeze(1);
        var attended = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask: mask, p: training ? _dropout : 0);

        // (batch, heads, Tq, valueDim) -> (batch, Tq, heads × valueDim), the heads side by side.
        var joined = attended.transpose(1, 2).reshape(query.shape[0], query.shape[1], _heads * _valueDim);
        return ZeroPaddedQueries(_output.call(joined), query, queryTokens).MoveToOuterDisposeScope();
    }

    /// <summary>The projections split into heads: (batch, heads, steps, size).</summary>
    private (Tensor Query, Tensor Key, Tensor Value) Heads(Tensor query, Tensor value)
    {
        var batch = query.shape[0];
        var q = _query.call(query).view(batch, query.shape[1], _heads, _keyDim).transpose(1, 2);
        var k = _key.call(value).view(batch, value.shape[1], _heads, _keyDim).transpose(1, 2);
        var v = _value.call(value).view(batch, value.shape[1], _heads, _valueDim).transpose(1, 2);
        return (q, k, v);
    }

    private void CheckInputs(Tensor query, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(value);
        if (query.dim() != 3 || value.dim() != 3 || query.shape[0] != value.shape[0]
            || query.shape[2] != _query.in_features || value.shape[2] != _key.in_features)
        {
            throw new ArgumentException(
                $"MultiHeadAttention takes a query (batch, Tq, {_query.in_features}) and a value (batch, Tv, {_key.in_features}); got [{string.Join(", ", query.shape)}] and [{string.Join(", ", value.shape)}].",
                nameof(value));
        }
    }

    private static Linear Projection(long inputs, long outputs, double fanIn, double fanOut, bool useBias, Device? device, ScalarType? dtype, Generator? generator)
    {
        var linear = nn.Linear(inputs, outputs, hasBias: useBias, device: device, dtype: dtype);
        using var noGrad = no_grad();
        var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        linear.weight!.uniform_(-limit, limit, generator);
        linear.bias?.zero_();
        return linear;
    }
}
