namespace NetGen;

/// <summary>
/// What <see cref="SimpleRNNAttribute"/>, <see cref="LSTMAttribute"/> and <see cref="GRUAttribute"/>
/// share: a recurrent layer over a (steps, features) sequence that returns its last output
/// (units) or, with <see cref="ReturnSequences"/>, every step's (steps, units).
/// Declare the member as <c>NetGen.Layers.Recurrent</c>.
/// </summary>
public abstract class RecurrentLayerAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a recurrent layer with <paramref name="units"/> units.</summary>
    protected RecurrentLayerAttribute(int units) => Units = units;

    /// <summary>The size of the hidden state and of each output step.</summary>
    public int Units { get; }

    /// <summary>Whether the layer returns every step's output (steps, units) rather than the last one (units), as Keras's <c>return_sequences</c>.</summary>
    public bool ReturnSequences { get; set; }

    /// <summary>Whether a second layer reads the sequence backwards and the two outputs are merged (Keras's <c>Bidirectional</c> wrapper).</summary>
    public bool Bidirectional { get; set; }

    /// <summary>How a bidirectional layer merges its two outputs; side by side by default, as in Keras.</summary>
    public MergeMode MergeMode { get; set; } = MergeMode.Concat;

    /// <summary>Fraction of the input features dropped in training, the same features at every step (Keras's <c>dropout</c>).</summary>
    public double Dropout { get; set; }

    /// <summary>
    /// Fraction of the recurrent state dropped in training, the same units at every step (Keras's
    /// <c>recurrent_dropout</c>). Training then runs a step loop instead of the fused kernel.
    /// </summary>
    public double RecurrentDropout { get; set; }

    /// <summary>Whether the layer adds bias vectors.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>
    /// The recurrent layer (use <c>nameof</c>) whose final states this layer starts from, as a
    /// decoder starts from its encoder's: of the same kind, with as many units as the encoder's
    /// state (units, twice as many for a bidirectional encoder). Unset: zeros.
    /// </summary>
    public string? InitialState { get; set; }
}
