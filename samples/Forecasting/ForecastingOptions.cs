using System;

namespace NetGen.Samples.Forecasting;

/// <summary>How the sample splits the CO2 series, trains and forecasts; the defaults are the full run.</summary>
public sealed record ForecastingOptions
{
    /// <summary>The most passes over the training windows; early stopping usually ends training sooner.</summary>
    public int MaxEpochs { get; init; } = 100;

    /// <summary>Epochs without a better validation loss before training stops (the best weights are restored).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Windows per training step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The share of the weeks, just before the test span, used for early stopping.</summary>
    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>The share of the newest weeks held out as the test span.</summary>
    public double TestFraction { get; init; } = 0.15;

    /// <summary>The networks trained and compared: by default one on levels and one on week-to-week differences.</summary>
    public ForecastTarget[] Targets { get; init; } = [ForecastTarget.Level, ForecastTarget.Differences];

    /// <summary>Weeks forecast after the last observation.</summary>
    public int FutureWeeks { get; init; } = 52;

    /// <summary>Where the plot is written; the system's temporary directory when null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The CO2 file; the copy beside the program when null.</summary>
    public string? DataPath { get; init; }

    /// <summary>libtorch threads for training and prediction; null lets NetGen's <c>ThreadPolicy</c> choose.</summary>
    public int? Threads { get; init; }

    /// <summary>Seeds the initialization and the order of the training windows.</summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEpochs, 1, nameof(MaxEpochs));
        ArgumentOutOfRangeException.ThrowIfNegative(Patience, nameof(Patience));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(FutureWeeks, 1, nameof(FutureWeeks));
        if (Targets is null || Targets.Length == 0)
        {
            throw new ArgumentException("Train at least one network: give Level, Differences or both.", nameof(Targets));
        }

        if (!(ValidationFraction > 0 && ValidationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "Early stopping needs a validation span: the fraction must be between 0 and 1 (exclusive).");
        }
    }
}
