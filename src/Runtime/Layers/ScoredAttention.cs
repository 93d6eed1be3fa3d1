using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// What Keras's <c>Attention</c> and <c>AdditiveAttention</c> share: a score for every pair of
/// query step and value step, a softmax over the value steps, dropout of those weights during
/// training, and the weighted sum of the value steps. The value is also the key.
/// </summary>
public abstract class ScoredAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly double _dropout;

    /// <summary>Creates the layer.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="dropout">Fraction of the attention weights dropped during training, in [0, 1).</param>
    protected ScoredAttention(string name, double dropout) : base(name)
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
    /// <c>return_attention_scores</c>).
    /// </summary>
    public Tensor AttentionWeights(Tensor query, Tensor value)
    {
        CheckInputs(query, value);
        using var scope = NewDisposeScope();
        return Scores(query, value).softmax(-1).MoveToOuterDisposeScope();
    }

    /// <summary>The attended values (batch, Tq, dim).</summary>
    public override Tensor forward(Tensor query, Tensor value)
    {
        CheckInputs(query, value);
        using var scope = NewDisposeScope();
        var weights = Scores(query, value).softmax(-1);
        if (training && _dropout > 0)
        {
            weights = nn.functional.dropout(weights, _dropout, training: true);
        }

        return weights.matmul(value).MoveToOuterDisposeScope();
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
