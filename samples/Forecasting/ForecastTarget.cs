namespace NetGen.Samples.Forecasting;

/// <summary>What the network learns to predict from a window of 52 weeks.</summary>
public enum ForecastTarget
{
    /// <summary>
    /// The next week's concentration itself. The test span lies above every training value (the
    /// trend rises about 1.5 ppmv a year), so the network must extrapolate beyond what it saw.
    /// </summary>
    Level,

    /// <summary>
    /// The next week's change from the week before. The changes have no trend, so the test span's
    /// windows look like the training ones; the forecast adds the predicted changes up from the last
    /// observed level.
    /// </summary>
    Differences,
}
