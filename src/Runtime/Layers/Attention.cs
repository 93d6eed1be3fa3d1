using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Dot-product (Luong) attention, Keras's <c>Attention</c> (the module behind
/// <see cref="AttentionAttribute"/>): <c>softmax(query · valueᵀ) · value</c>, the scores optionally
/// multiplied by a learned scalar <c>scale</c>. With <see cref="NetGen.ScoreMode.Concat"/> the score
/// is <c>concat_score_weight · Σ tanh(scale · (query + value))</c>.
/// </summary>
public sealed class Attention : ScoredAttention
{
    private readonly bool _useScale;
    private readonly ScoreMode _scoreMode;

    /// <summary>Creates the layer; learned scalars start at 1, as in Keras.</summary>
    /// <param name="useScale">Whether the scores are multiplied by a learned scalar.</param>
    /// <param name="scoreMode">How a query step scores a value step.</param>
    /// <param name="dropout">Fraction of the attention weights dropped during training, in [0, 1).</param>
    /// <param name="useCausalMask">Whether query step i attends only to value steps 0..i (Keras's <c>use_causal_mask</c>).</param>
    /// <param name="device">Where the learned scalars live; the default device when null.</param>
    /// <param name="dtype">Their element type; the default when null.</param>
    public Attention(bool useScale = false, ScoreMode scoreMode = ScoreMode.Dot, double dropout = 0, bool useCausalMask = false, Device? device = null, ScalarType? dtype = null)
        : base(nameof(Attention), dropout, useCausalMask)
    {
        if (!Enum.IsDefined(scoreMode))
        {
            throw new ArgumentOutOfRangeException(nameof(scoreMode), scoreMode, "Unknown score mode.");
        }

        _useScale = useScale;
        _scoreMode = scoreMode;
        if (useScale)
        {
            register_parameter("scale", new Parameter(ones([], dtype: dtype, device: device)));
        }

        if (scoreMode == ScoreMode.Concat)
        {
            register_parameter("concat_score_weight", new Parameter(ones([], dtype: dtype, device: device)));
        }
    }

    /// <inheritdoc />
    protected override Tensor Scores(Tensor query, Tensor key)
    {
        var scale = _useScale ? Learned("scale") : null;
        if (_scoreMode == ScoreMode.Dot)
        {
            var scores = query.matmul(key.transpose(1, 2));
            return scale is null ? scores : scores * scale;
        }

        // (batch, Tq, 1, dim) + (batch, 1, Tv, dim): every query step against every key step.
        var sum = query.unsqueeze(2).add(key.unsqueeze(1), Scalars.One);
        var terms = (scale is null ? sum : sum * scale).tanh();
        return Learned("concat_score_weight") * terms.sum(-1);
    }
}
