using System;

namespace NetGen.Data;

/// <summary>
/// A series cut in time order into a training, a validation and a test span (made by
/// <see cref="ChronologicalSplit"/>); each span keeps its timestamps and knows its role.
/// Deconstructs as <c>var (training, validation, test) = ChronologicalSplit.ByFraction(series, 0.15, 0.15);</c>.
/// </summary>
/// <param name="Training">The oldest steps.</param>
/// <param name="Validation">The steps after the training span (may be empty).</param>
/// <param name="Test">The newest steps.</param>
public sealed record TimeSeriesSplit(TimeSeries Training, TimeSeries Validation, TimeSeries Test)
{
    /// <summary>
    /// Fits <paramref name="scaler"/> on the training span only, then transforms all three spans with
    /// it, so no statistic of the validation or test steps leaks into training. Keep the scaler: the
    /// forecaster needs it to scale its history and to return values in the original units.
    /// </summary>
    /// <returns>The three spans, scaled.</returns>
    public TimeSeriesSplit Scale(Scaler scaler)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        if (Training.HasMissingValues)
        {
            throw new InvalidOperationException($"The {Training} has {Training.MissingCount} missing values; interpolate the series before splitting and scaling it.");
        }

        using (var values = Training.ToTensor(TorchSharp.torch.ScalarType.Float64))
        {
            scaler.Fit(values);
        }

        return new TimeSeriesSplit(Training.Transform(scaler), Validation.Transform(scaler), Test.Transform(scaler));
    }

    /// <summary>The training and validation spans joined: the history a forecast over the test span starts from.</summary>
    public TimeSeries History => Training.Append(Validation);
}
