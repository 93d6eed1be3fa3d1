namespace NetGen.Training;

/// <summary>How much <c>Fit</c> prints (Keras's <c>verbose</c> 0, 2 and 1).</summary>
public enum Verbosity
{
    /// <summary>Nothing.</summary>
    Silent = 0,

    /// <summary>One progress line per epoch.</summary>
    Epoch = 1,

    /// <summary>A line per training batch with the epoch's running loss, then the epoch line.</summary>
    Batch = 2,
}
