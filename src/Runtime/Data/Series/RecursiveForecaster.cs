using System;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Multi-step forecasts from a network trained on one-step windows: predict the next value from
/// the last window, append it, slide the window by one step, repeat. The network has one input
/// (length, features) and one output of the same features (what <see cref="TimeseriesWindows"/>
/// with the default horizon and target trains); values go in and come out in the original units
/// when the <see cref="Scaler"/> the network was trained with is given.
/// </summary>
/// <remarks>
/// Each step feeds back a prediction, so errors compound with the horizon: compare with
/// <see cref="SeasonalNaive"/> over the same steps before trusting a long forecast.
/// </remarks>
public sealed class RecursiveForecaster
{
    /// <summary>A forecaster over <paramref name="network"/>.</summary>
    /// <param name="network">A trained network with one input (length, features) and one output (features).</param>
    /// <param name="scaler">The scaler fitted on the training span (<see cref="TimeSeriesSplit.Scale"/>), or null when the network was trained on raw values.</param>
    /// <param name="length">The window length, needed only when the network's steps dimension is named (symbolic).</param>
    /// <param name="samplingRate">Steps between a window's values, as in training.</param>
    /// <exception cref="ArgumentException">The network does not have one rank-2 input and one output, or <paramref name="length"/> contradicts its input.</exception>
    public RecursiveForecaster(INetwork network, Scaler? scaler = null, int? length = null, int samplingRate = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplingRate, 1);
        var description = network.Description;
        if (description.Inputs.Count != 1 || description.Outputs.Count != 1)
        {
            throw new ArgumentException($"A recursive forecast needs a network with one input and one output; {description.Name} has {description.Inputs.Count} inputs and {description.Outputs.Count} outputs.", nameof(network));
        }

        var shape = description.Inputs[0].Shape;
        if (shape.Rank != 2)
        {
            throw new ArgumentException($"A recursive forecast needs an input of (steps, features); {description.Name}'s input '{description.Inputs[0].Name}' is {shape}.", nameof(network));
        }

        if (scaler is { IsFitted: false })
        {
            throw new ArgumentException($"{scaler.GetType().Name} is not fitted: give the scaler fitted on the training span (TimeSeriesSplit.Scale fits it).", nameof(scaler));
        }

        Length = (shape[0].Size, length) switch
        {
            (int size, null) => size,
            (int size, int given) when given == size => size,
            (int size, int given) => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{description.Name} takes windows of {size} steps; the length given is {given}."), nameof(length)),
            (null, int given) when given >= 1 => given,
            (null, int given) => throw new ArgumentOutOfRangeException(nameof(length), given, "A window holds at least one value."),
            (null, null) => throw new ArgumentException($"{description.Name}'s steps dimension '{shape[0].Name}' is named: give the window length.", nameof(length)),
        };

        Network = network;
        Scaler = scaler;
        SamplingRate = samplingRate;
        FeatureCount = shape[1].Size;
    }

    /// <summary>The network that predicts one step.</summary>
    public INetwork Network { get; }

    /// <summary>The scaler the network's data went through, or null.</summary>
    public Scaler? Scaler { get; }

    /// <summary>Values per window.</summary>
    public int Length { get; }

    /// <summary>Steps between a window's values.</summary>
    public int SamplingRate { get; }

    /// <summary>The network's feature count, when its input declares it.</summary>
    private int? FeatureCount { get; }

    /// <summary>
    /// Forecasts <paramref name="steps"/> steps after the end of <paramref name="history"/>, in the
    /// history's units, dated from its last timestamp by <paramref name="frequency"/> (the
    /// history's own frequency when null).
    /// </summary>
    /// <param name="history">The known values, in the original units (training and validation spans joined for a test forecast; the whole series for the future).</param>
    /// <param name="steps">How many steps to forecast.</param>
    /// <param name="frequency">The step between forecast timestamps; the history's (given or inferred) when null.</param>
    /// <returns>A series of <paramref name="steps"/> steps with the history's feature names.</returns>
    /// <exception cref="ArgumentException">The history is shorter than one window, has missing values or other features than the network, or has no frequency to date the forecast with.</exception>
    public TimeSeries Forecast(TimeSeries history, int steps, TimeSeriesFrequency? frequency = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var features = history.FeatureCount;
        if (FeatureCount is int expected && expected != features)
        {
            throw new ArgumentException($"{Network.Description.Name} takes {expected} features; the history has {features} ({string.Join(", ", history.FeatureNames)}).", nameof(history));
        }

        var span = ((Length - 1) * SamplingRate) + 1;
        if (history.Length < span)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The history ({history}) is shorter than one window: {Network.Description.Name} needs {span} steps."), nameof(history));
        }

        if (history.HasMissingValues)
        {
            throw new ArgumentException($"The history has {history.MissingCount} missing values; interpolate it first.", nameof(history));
        }

        frequency ??= history.Frequency
            ?? throw new ArgumentException($"The history's timestamps are irregular, so the forecast cannot be dated: give its frequency (e.g. TimeSeriesFrequency.Weekly).", nameof(frequency));

        // The last window, then every prediction, in the network's (scaled) units.
        var window = history.Last(span);
        var scaled = Scaler is null ? window : window.Transform(Scaler);
        var buffer = new double[(span + steps) * features];
        Array.Copy(scaled.Data, buffer, span * features);
        var input = new float[Length * features];
        for (var step = 0; step < steps; step++)
        {
            for (var k = 0; k < Length; k++)
            {
                var row = (step + (k * SamplingRate)) * features;
                for (var f = 0; f < features; f++)
                {
                    input[(k * features) + f] = (float)buffer[row + f];
                }
            }

            using var scope = NewDisposeScope();
            var prediction = Network.Predict(tensor(input, [1, Length, features]), batchSize: 1);
            if (prediction.numel() != features)
            {
                throw new InvalidOperationException(
                    $"{Network.Description.Name} returned {Shape.Format(prediction.shape)} for one window; a recursive forecast needs one value per feature ({features}) to feed back.");
            }

            var values = prediction.cpu().to_type(ScalarType.Float64).data<double>().ToArray();
            Array.Copy(values, 0, buffer, (span + step) * features, features);
        }

        var last = history.End;
        var timestamps = Enumerable.Range(1, steps).Select(i => frequency.Next(last, i)).ToArray();
        var forecast = new TimeSeries(timestamps, buffer[(span * features)..], history.FeatureNames.ToArray(), frequency, TimeSeriesSpan.Whole);
        return Scaler is null ? forecast : forecast.InverseTransform(Scaler);
    }
}
