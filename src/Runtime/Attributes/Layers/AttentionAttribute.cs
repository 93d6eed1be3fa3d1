using System;

namespace NetGen;

/// <summary>
/// Dot-product (Luong) attention, Keras's <c>Attention</c>: each step of <c>query</c>
/// (Tq, dim) scores every step of <c>value</c> (Tv, dim), the scores go through a softmax over
/// the value steps, and the output (Tq, dim) is the weighted sum of the value steps. The value is
/// also the key. Naming one member as both query and value is self-attention. Declare the member
/// as <c>NetGen.Layers.Attention</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class AttentionAttribute : MergeLayerAttribute
{
    /// <summary>Attention of the <paramref name="query"/> layer's steps over the <paramref name="value"/> layer's steps (use <c>nameof</c>).</summary>
    public AttentionAttribute(string query, string value) : base([query, value])
    {
    }

    /// <summary>Whether the scores are multiplied by a learned scalar (initially 1).</summary>
    public bool UseScale { get; set; }

    /// <summary>How a query step scores a value step.</summary>
    public ScoreMode ScoreMode { get; set; } = ScoreMode.Dot;

    /// <summary>Fraction of the attention weights dropped during training, in [0, 1).</summary>
    public double Dropout { get; set; }

    /// <summary>
    /// Whether query step i attends only to value steps 0..i (Keras's <c>use_causal_mask</c>), for
    /// a decoder's self-attention: no step sees the steps after it.
    /// </summary>
    public bool UseCausalMask { get; set; }
}
