namespace NetGen.Training;

/// <summary>How much <c>Fit</c> prints.</summary>
public enum Verbosity
{
    /// <summary>Nothing.</summary>
    Silent = 0,
    /// <summary>One progress line per epoch.</summary>
    Epoch = 1,
}
