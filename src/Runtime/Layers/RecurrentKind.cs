namespace NetGen.Layers;

/// <summary>The cell a <see cref="Recurrent"/> layer runs.</summary>
public enum RecurrentKind
{
    /// <summary>Keras's <c>SimpleRNN</c> (TorchSharp's <c>RNN</c>).</summary>
    SimpleRNN,

    /// <summary>Long short-term memory: hidden and cell states.</summary>
    LSTM,

    /// <summary>Gated recurrent unit, gates after the reset (Keras's <c>reset_after</c>).</summary>
    GRU,
}
