namespace NetGen;

/// <summary>How a convolution or pooling window treats the borders of its input (Keras's <c>padding</c>).</summary>
public enum Padding
{
    /// <summary>No padding: the window stays inside the input, and the output shrinks (<c>"valid"</c>).</summary>
    Valid = 0,

    /// <summary>
    /// Zero padding (for pooling, padding that never wins or counts) so that the output has
    /// <c>ceil(input / strides)</c> rows and columns; an odd total is padded more at the bottom and right, as Keras does (<c>"same"</c>).
    /// </summary>
    Same,

    /// <summary>
    /// Zeros before the first step only, so that each output step sees the input up to that step
    /// and no later (<c>"causal"</c>, Conv1D only); the output has as many steps as the input.
    /// </summary>
    Causal,
}
