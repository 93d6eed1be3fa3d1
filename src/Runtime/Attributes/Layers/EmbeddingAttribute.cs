using System;

namespace NetGen;

/// <summary>
/// Maps token ids to learned vectors: an int64 input (steps) becomes (steps, <see cref="OutputDim"/>).
/// Ids run from 0 to <see cref="InputDim"/> - 1. The vectors start uniform in [-0.05, 0.05], as in Keras.
/// Declare the member as <c>TorchSharp.Modules.Embedding</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class EmbeddingAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates an embedding of a vocabulary of <paramref name="inputDim"/> ids into vectors of <paramref name="outputDim"/> values.</summary>
    public EmbeddingAttribute(int inputDim, int outputDim)
    {
        InputDim = inputDim;
        OutputDim = outputDim;
    }

    /// <summary>The vocabulary size: ids go from 0 to <c>InputDim - 1</c>.</summary>
    public int InputDim { get; }

    /// <summary>The length of each token's vector.</summary>
    public int OutputDim { get; }

    /// <summary>
    /// Whether id 0 is padding (Keras's <c>mask_zero</c>): its vector stays zero, and a recurrent
    /// layer reading this embedding (directly or through dropout, activations and per-step dense
    /// layers) skips the padded steps, so its last output is the last real step's.
    /// </summary>
    public bool MaskZero { get; set; }
}
