namespace NetGen.Data;

/// <summary>
/// Which part of a chronological split a series is, so that errors (a window longer than the
/// validation span) and the scaler (fitted on the training span only) can say which one they mean.
/// </summary>
public enum TimeSeriesSpan
{
    /// <summary>A whole series, not the result of a split.</summary>
    Whole,

    /// <summary>The first, oldest part: the network and the scaler learn from it.</summary>
    Training,

    /// <summary>The middle part: early stopping and model choice look at it.</summary>
    Validation,

    /// <summary>The last, newest part: looked at once, to report the result.</summary>
    Test,
}
