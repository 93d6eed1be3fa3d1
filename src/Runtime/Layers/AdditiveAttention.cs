using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Additive (Bahdanau) attention, Keras's <c>AdditiveAttention</c> (the module behind
/// <see cref="AdditiveAttentionAttribute"/>): a query step scores a value step by
/// <c>Σ scale · tanh(query + value)</c> over the features, with <c>scale</c> a learned vector of
/// one value per feature (Glorot uniform, as in Keras), or 1 without it.
/// </summary>
public sealed class AdditiveAttention : ScoredAttention
{
    private readonly bool _useScale;

    /// <summary>Creates the layer.</summary>
    /// <param name="features">The features of the query and the value (dim).</param>
    /// <param name="useScale">Whether the tanh terms are weighed by a learned vector.</param>
    /// <param name="dropout">Fraction of the attention weights dropped during training, in [0, 1).</param>
    /// <param name="device">Where the scale lives; the default device when null.</param>
    /// <param name="dtype">Its element type; the default when null.</param>
    /// <param name="generator">Draws the scale's initial values; TorchSharp's global generator when null.</param>
    public AdditiveAttention(long features, bool useScale = true, double dropout = 0, Device? device = null, ScalarType? dtype = null, Generator? generator = null)
        : base(nameof(AdditiveAttention), dropout)
    {
        System.ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        _useScale = useScale;
        if (useScale)
        {
            var scale = new Parameter(empty([features], dtype: dtype, device: device));
            Initializers.Apply(scale, Initializer.GlorotUniform, generator);
            register_parameter("scale", scale);
        }
    }

    /// <inheritdoc />
    protected override Tensor Scores(Tensor query, Tensor key)
    {
        // (batch, Tq, 1, dim) + (batch, 1, Tv, dim): every query step against every key step.
        var terms = query.unsqueeze(2).add(key.unsqueeze(1), Scalars.One).tanh();
        return (_useScale ? terms * Learned("scale") : terms).sum(-1);
    }
}
