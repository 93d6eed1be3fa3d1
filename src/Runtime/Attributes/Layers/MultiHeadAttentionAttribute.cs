using System;

namespace NetGen;

/// <summary>
/// Multi-head attention, Keras's <c>MultiHeadAttention</c>: the query (Tq, dq) and the value
/// (Tv, dv) are projected to <c>numHeads</c> heads of <c>keyDim</c> features (the value to
/// <see cref="ValueDim"/>), each head attends with scaled dot products, and the heads are
/// projected back to the query's dq features: the output is (Tq, dq). The value is also the key.
/// Naming one member as both query and value is self-attention. Declare the member as
/// <c>NetGen.Layers.MultiHeadAttention</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class MultiHeadAttentionAttribute : MergeLayerAttribute
{
    /// <summary>
    /// Attention of the <paramref name="query"/> layer's steps over the <paramref name="value"/>
    /// layer's steps (use <c>nameof</c>) with <paramref name="numHeads"/> heads of
    /// <paramref name="keyDim"/> features.
    /// </summary>
    public MultiHeadAttentionAttribute(int numHeads, int keyDim, string query, string value) : base([query, value])
    {
        NumHeads = numHeads;
        KeyDim = keyDim;
    }

    /// <summary>The number of attention heads.</summary>
    public int NumHeads { get; }

    /// <summary>The features of each head's query and key.</summary>
    public int KeyDim { get; }

    /// <summary>The features of each head's value; 0 means <see cref="KeyDim"/>, as in Keras.</summary>
    public int ValueDim { get; set; }

    /// <summary>Fraction of the attention weights dropped during training, in [0, 1).</summary>
    public double Dropout { get; set; }

    /// <summary>Whether the four projections have biases.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>
    /// Whether query step i attends only to value steps 0..i (Keras's <c>use_causal_mask</c>), for
    /// a decoder's self-attention: no step sees the steps after it.
    /// </summary>
    public bool UseCausalMask { get; set; }
}
