namespace NetGen.Training;

/// <summary>How much <c>Fit</c> prints; the values are Keras's <c>verbose</c> values.</summary>
public enum Verbosity
{
    /// <summary>Nothing (Keras's <c>verbose=0</c>).</summary>
    Silent = 0,

    /// <summary>A line per training batch with the epoch's running values, then the epoch line (Keras's <c>verbose=1</c>).</summary>
    Batch = 1,

    /// <summary>One line per epoch (Keras's <c>verbose=2</c>).</summary>
    Epoch = 2,
}
