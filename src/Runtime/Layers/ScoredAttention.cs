using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// What Keras's <c>Attention</c> and <c>AdditiveAttention</c> share: a score for every pair of
/// query step and value step, a softmax over the value steps, dropout of those weights during
/// training, and the weighted sum of the value steps. The value is also the key. Masks
/// (<see cref="Run"/>, <see cref="MaskedAttentionLayer.UseCausalMask"/>) are Keras's.
/// </summary>
public abstract class ScoredAttention : MaskedAttentionLayer
{
    private readonly double _dropout;

    /// <summary>Creates the layer.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="dropout">Fraction of the attention weights dropped during training, in [0, 1).</param>
    /// <param name="useCausalMask">Whether query step i attends only to value steps 0..i.</param>
    protected ScoredAttention(string name, double dropout, bool useCausalMask = false) : base(name, useCausalMask)
    {
        if (!(dropout >= 0 && dropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "The dropout rate must be in [0, 1).");
        }

        _dropout = dropout;
    }

    /// <summary>
    /// The attention weights (batch, Tq, Tv) of <paramref name="query"/> (batch, Tq, dim) over
    /// <paramref name="value"/> (batch, Tv, dim), before dropout: each row sums to 1 (Keras's
    /// <c>return_attention_scores</c>). Padded value steps (<paramref name="valueTokens"/> 0) and,
    /// with the causal mask, later steps get no weight.
    /// </summary>
    public Tensor AttentionWeights(Tensor query, Tensor value, Tensor? valueTokens = null)
    {
        CheckInputs(query, value);
        using var scope = NewDisposeScope();
        return Weights(query, value, valueTokens).MoveToOuterDisposeScope();
    }

    /// <summary>The attended values (batch, Tq, dim).</summary>
    public override Tensor forward(Tensor query, Tensor value) => Attend(query, value, null, null);

    /// <summary>
    /// The attended values (batch, Tq, dim) under Keras's masks: value steps whose id in
    /// <paramref name="valueTokens"/> (batch, Tv) is 0 get no weight, and the outputs at query steps
    /// whose id in <paramref name="queryTokens"/> (batch, Tq) is 0 are zeros. Hooks fire as for <c>call</c>.
    /// </summary>
    public Tensor Run(Tensor query, Tensor value, Tensor? queryTokens = null, Tensor? valueTokens = null) =>
        CallWithHooks(query, value, (q, v) => Attend(q, v, queryTokens, valueTokens));

    private Tensor Attend(Tensor query, Tensor value, Tensor? queryTokens, Tensor? valueTokens)
    {
        CheckInputs(query, value);
        using var scope = NewDisposeScope();
        var weights = Weights(query, value, valueTokens);
        if (training && _dropout > 0)
        {
            weights = nn.functional.dropout(weights, _dropout, training: true);
        }

        return ZeroPaddedQueries(weights.matmul(value), query, queryTokens).MoveToOuterDisposeScope();
    }

    private Tensor Weights(Tensor query, Tensor value, Tensor? valueTokens)
    {
        var scores = Scores(query, value);
        return (ScoreMask(query, value, valueTokens) is { } mask ? scores.add(mask, Scalars.One) : scores).softmax(-1);
    }

    /// <summary>The raw scores (batch, Tq, Tv) of every query step against every key step.</summary>
    protected abstract Tensor Scores(Tensor query, Tensor key);

    /// <summary>A learned weight registered under <paramref name="name"/>, read at each call so that it follows the module to another device or type.</summary>
    protected Tensor Learned(string name) =>
        get_parameter(name) ?? throw new InvalidOperationException($"{GetName()} has no parameter '{name}'.");

    private void CheckInputs(Tensor query, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(value);
        if (query.dim() != 3 || value.dim() != 3 || query.shape[0] != value.shape[0] || query.shape[2] != value.shape[2])
        {
            throw new ArgumentException(
                $"{GetName()} takes a query (batch, Tq, dim) and a value (batch, Tv, dim) with the same batch and dim; got [{string.Join(", ", query.shape)}] and [{string.Join(", ", value.shape)}].",
                nameof(value));
        }
    }
}
