using System;

namespace NetGen;

/// <summary>
/// Additive (Bahdanau) attention, Keras's <c>AdditiveAttention</c>: a query step (Tq, dim) scores
/// a value step (Tv, dim) by <c>sum(scale * tanh(query + value))</c> over the features, the
/// scores go through a softmax over the value steps, and the output (Tq, dim) is the weighted sum
/// of the value steps. The value is also the key. Declare the member as
/// <c>NetGen.Layers.AdditiveAttention</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class AdditiveAttentionAttribute : MergeLayerAttribute
{
    /// <summary>Attention of the <paramref name="query"/> layer's steps over the <paramref name="value"/> layer's steps (use <c>nameof</c>).</summary>
    public AdditiveAttentionAttribute(string query, string value) : base([query, value])
    {
    }

    /// <summary>Whether the tanh terms are weighed by a learned vector of one value per feature (Glorot uniform); otherwise they are summed as they are.</summary>
    public bool UseScale { get; set; } = true;

    /// <summary>Fraction of the attention weights dropped during training, in [0, 1).</summary>
    public double Dropout { get; set; }
}
