using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Sliding windows over a series as batches <c>Fit</c> and <c>Evaluate</c> take, as Keras's
/// <c>timeseries_dataset_from_array</c>: inputs (batch, length, features) float32, targets
/// (batch, features), or (batch, 1) for one <c>target</c> feature.
/// </summary>
/// <remarks>
/// <para>
/// Window <c>i</c> starts at step <c>p = i * stride</c> and holds the values at steps
/// <c>p, p + samplingRate, ..., p + (length - 1) * samplingRate</c>; its target is the value
/// <c>horizon</c> steps after the window's last one, at <c>p + (length - 1) * samplingRate + horizon</c>
/// (the next value by default). Every window whose target is inside the series is made, so there
/// are <c>ceil((steps - (length - 1) * samplingRate - horizon) / stride)</c> of them
/// (<see cref="WindowCount"/>).
/// </para>
/// <para>
/// In Keras terms, with <c>d = (length - 1) * samplingRate + horizon</c>, these are the windows of
/// <c>timeseries_dataset_from_array(data, targets=data[d:], sequence_length=length,
/// sampling_rate=samplingRate, sequence_stride=stride)</c>, and, with <c>samplingRate = 1</c>, of
/// <c>TimeseriesGenerator(data, data, length=length + horizon - 1, stride=stride)</c>.
/// </para>
/// <para>
/// Each enumeration is one epoch; with <c>shuffle</c> the windows (not the steps inside them) are
/// dealt in a new order every epoch, drawn from <c>seed</c> and the epoch number, so the same seed
/// gives the same epochs everywhere. Shuffle only the training span. A batch's tensors belong to the
/// enumeration: they are disposed when the next batch is taken and when the enumeration ends (so an
/// epoch's memory stays flat); clone a batch to keep it.
/// </para>
/// </remarks>
public sealed class TimeseriesWindows : IReadOnlyCollection<Batch>
{
    /// <summary>Keras's default batch size for time-series datasets.</summary>
    public const int DefaultBatchSize = 128;

    private readonly int[] _targetFeatures;
    private int _epochs;

    /// <summary>Windows over <paramref name="series"/>.</summary>
    /// <param name="series">The span to cut windows from; it must have no missing value.</param>
    /// <param name="length">Values per window: the network's steps (Keras's <c>sequence_length</c>).</param>
    /// <param name="batchSize">Windows per batch; the last batch may hold fewer.</param>
    /// <param name="stride">Steps between the starts of consecutive windows (Keras's <c>sequence_stride</c>).</param>
    /// <param name="samplingRate">Steps between consecutive values of a window (Keras's <c>sampling_rate</c>).</param>
    /// <param name="horizon">Steps from a window's last value to its target: 1 for the next value.</param>
    /// <param name="target">The feature to predict, giving (batch, 1) targets; every feature when null.</param>
    /// <param name="shuffle">Whether each epoch deals the windows in a new seeded order (training only).</param>
    /// <param name="seed">Chooses the orders when <paramref name="shuffle"/> is set.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">The series is too short for one window and its target, has missing values, or has no feature <paramref name="target"/>.</exception>
    public TimeseriesWindows(TimeSeries series, int length, int batchSize = DefaultBatchSize, int stride = 1, int samplingRate = 1, int horizon = 1, string? target = null, bool shuffle = false, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplingRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        _targetFeatures = target is null ? Range(series.FeatureCount) : [series.FeatureIndex(target)];

        var needed = ((long)(length - 1) * samplingRate) + horizon + 1;
        if (series.Length < needed)
        {
            throw new ArgumentException(TooShort(series, length, samplingRate, horizon, needed), nameof(series));
        }

        if (series.HasMissingValues)
        {
            throw new ArgumentException($"The {series} has {series.MissingCount} missing values; fill them (TimeSeries.Interpolate) before cutting windows.", nameof(series));
        }

        Series = series;
        Length = length;
        BatchSize = batchSize;
        Stride = stride;
        SamplingRate = samplingRate;
        Horizon = horizon;
        Target = target;
        Shuffle = shuffle;
        Seed = seed;
        WindowCount = (int)((series.Length - needed + stride) / stride);
    }

    /// <summary>The series the windows are cut from.</summary>
    public TimeSeries Series { get; }

    /// <summary>Values per window.</summary>
    public int Length { get; }

    /// <summary>Windows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Steps between the starts of consecutive windows.</summary>
    public int Stride { get; }

    /// <summary>Steps between consecutive values of a window.</summary>
    public int SamplingRate { get; }

    /// <summary>Steps from a window's last value to its target.</summary>
    public int Horizon { get; }

    /// <summary>The predicted feature, or null for all of them.</summary>
    public string? Target { get; }

    /// <summary>Whether epochs deal the windows in a seeded random order.</summary>
    public bool Shuffle { get; }

    /// <summary>The seed of the shuffled orders.</summary>
    public int Seed { get; }

    /// <summary>Number of windows (samples) per epoch.</summary>
    public int WindowCount { get; }

    /// <summary>Batches per epoch.</summary>
    public int Count => (WindowCount + BatchSize - 1) / BatchSize;

    /// <summary>The step of window <paramref name="window"/>'s first value (in time order, whatever the shuffling).</summary>
    public int WindowStart(int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(window, WindowCount);
        return window * Stride;
    }

    /// <summary>The step of window <paramref name="window"/>'s target.</summary>
    public int TargetStep(int window) => WindowStart(window) + ((Length - 1) * SamplingRate) + Horizon;

    /// <summary>The timestamps of the targets, window by window in time order (to plot one-step predictions).</summary>
    public IReadOnlyList<DateTime> TargetTimestamps
    {
        get
        {
            var timestamps = new DateTime[WindowCount];
            for (var i = 0; i < timestamps.Length; i++)
            {
                timestamps[i] = Series.Timestamps[TargetStep(i)];
            }

            return timestamps;
        }
    }

    /// <summary>Every window in time order as two tensors: inputs (windows, length, features) and targets (windows, targets); for <c>Predict</c>.</summary>
    public (Tensor Inputs, Tensor Targets) ToTensors()
    {
        var all = Range(WindowCount);
        var (inputs, targets) = Make(all, 0, all.Length);
        var role = DataRoles.OfSpan(Series.Span);
        return (DataRoles.Mark(inputs, role), DataRoles.Mark(targets, role));
    }

    /// <summary>Starts an epoch (the next seeded order when shuffling).</summary>
    public IEnumerator<Batch> GetEnumerator()
    {
        var order = Range(WindowCount);
        if (Shuffle)
        {
            var epoch = System.Threading.Interlocked.Increment(ref _epochs) - 1;
            new SplitMix64(Seed, epoch).Shuffle(order);
        }

        return new Enumerator(this, order);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The message for a span too short for one window and its target.</summary>
    internal static string TooShort(TimeSeries series, int length, int samplingRate, int horizon, long needed)
    {
        var rate = samplingRate == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" taken every {samplingRate} steps");
        var ahead = horizon == 1 ? "the next value as its target" : string.Create(CultureInfo.InvariantCulture, $"a target {horizon} steps ahead");
        return string.Create(CultureInfo.InvariantCulture,
            $"The {series} is too short for a window of {length} values{rate} and {ahead}: they need {needed} steps. Use a shorter window or a longer span.");
    }

    private (Tensor Inputs, Tensor Targets) Make(int[] order, int first, int count)
    {
        var features = Series.FeatureCount;
        var data = Series.Data;
        var inputs = new float[count * Length * features];
        var targets = new float[count * _targetFeatures.Length];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            var start = order[first + i] * Stride;
            for (var k = 0; k < Length; k++)
            {
                var row = (start + (k * SamplingRate)) * features;
                for (var f = 0; f < features; f++)
                {
                    inputs[position++] = (float)data[row + f];
                }
            }

            var targetRow = (start + ((Length - 1) * SamplingRate) + Horizon) * features;
            for (var t = 0; t < _targetFeatures.Length; t++)
            {
                targets[(i * _targetFeatures.Length) + t] = (float)data[targetRow + _targetFeatures[t]];
            }
        }

        return (tensor(inputs, [count, Length, features]), tensor(targets, [count, _targetFeatures.Length]));
    }

    private static int[] Range(int count)
    {
        var range = new int[count];
        for (var i = 0; i < count; i++)
        {
            range[i] = i;
        }

        return range;
    }

    /// <summary>One epoch's batches; disposes each batch's tensors when the next is taken and at the end.</summary>
    private sealed class Enumerator : IEnumerator<Batch>
    {
        private readonly TimeseriesWindows _windows;
        private readonly int[] _order;
        private int _next;
        private Batch? _current;

        public Enumerator(TimeseriesWindows windows, int[] order)
        {
            _windows = windows;
            _order = order;
        }

        public Batch Current => _current ?? throw new InvalidOperationException("The enumeration has not started or has ended.");

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            Release();
            if (_next >= _order.Length)
            {
                return false;
            }

            var count = Math.Min(_windows.BatchSize, _order.Length - _next);
            using (NewDisposeScope())
            {
                // Made outside the caller's dispose scope: the batch lives until the next MoveNext.
                var (inputs, targets) = _windows.Make(_order, _next, count);
                _current = new Batch(inputs.DetachFromDisposeScope(), targets.DetachFromDisposeScope());
            }

            _next += count;
            return true;
        }

        public void Reset() => throw new NotSupportedException("Enumerate the windows again for another epoch.");

        public void Dispose() => Release();

        private void Release()
        {
            if (_current is null)
            {
                return;
            }

            foreach (var tensor in _current.Inputs)
            {
                tensor.Dispose();
            }

            foreach (var tensor in _current.Targets)
            {
                tensor.Dispose();
            }

            _current = null;
        }
    }
}
