using System;
using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>Root mean squared error and mean absolute error of a forecast, in the series' units.</summary>
public static class ForecastMetrics
{
    /// <summary>The RMSE of <paramref name="forecast"/> against <paramref name="actual"/>, which must have the same timestamps.</summary>
    /// <param name="actual">The observed values (the test span).</param>
    /// <param name="forecast">The forecast for the same steps.</param>
    /// <param name="feature">The feature compared.</param>
    /// <exception cref="ArgumentException">The timestamps differ, or a value is missing.</exception>
    public static double Rmse(TimeSeries actual, TimeSeries forecast, int feature = 0) => Rmse(Aligned(actual, forecast, feature), forecast.Values(feature));

    /// <summary>The MAE of <paramref name="forecast"/> against <paramref name="actual"/>, which must have the same timestamps.</summary>
    /// <inheritdoc cref="Rmse(TimeSeries, TimeSeries, int)"/>
    public static double Mae(TimeSeries actual, TimeSeries forecast, int feature = 0) => Mae(Aligned(actual, forecast, feature), forecast.Values(feature));

    /// <summary>The root mean squared error, <c>sqrt(mean((actual - predicted)^2))</c>.</summary>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths.</exception>
    public static double Rmse(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        Check(actual, predicted);
        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = actual[i] - predicted[i];
            sum += error * error;
        }

        return Math.Sqrt(sum / actual.Count);
    }

    /// <summary>The mean absolute error, <c>mean(|actual - predicted|)</c>.</summary>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths.</exception>
    public static double Mae(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        Check(actual, predicted);
        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            sum += Math.Abs(actual[i] - predicted[i]);
        }

        return sum / actual.Count;
    }

    private static IReadOnlyList<double> Aligned(TimeSeries actual, TimeSeries forecast, int feature)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecast);
        if (actual.Length != forecast.Length)
        {
            throw new ArgumentException($"The forecast has {forecast.Length} steps and the actual values {actual.Length}; compare the same steps ({actual}).", nameof(forecast));
        }

        for (var i = 0; i < actual.Length; i++)
        {
            if (actual.Timestamps[i] != forecast.Timestamps[i])
            {
                throw new ArgumentException(
                    $"Step {i} of the forecast is dated {TimeSeries.Format(forecast.Timestamps[i])} but the actual value is dated {TimeSeries.Format(actual.Timestamps[i])}; forecast from the history that ends just before the compared span.",
                    nameof(forecast));
            }
        }

        if (actual.HasMissingValues || forecast.HasMissingValues)
        {
            throw new ArgumentException("Errors cannot be measured over missing values.", actual.HasMissingValues ? nameof(actual) : nameof(forecast));
        }

        return actual.Values(feature);
    }

    private static void Check(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count == 0 || actual.Count != predicted.Count)
        {
            throw new ArgumentException($"Errors need as many predictions as actual values, at least one; got {predicted.Count} and {actual.Count}.", nameof(predicted));
        }
    }
}
