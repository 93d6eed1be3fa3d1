using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Values observed at increasing timestamps: one row per step, one column per feature (a
/// univariate series has one). Immutable: slicing, scaling and interpolating return new series.
/// </summary>
/// <remarks>
/// <para>A missing value is NaN. <see cref="Interpolate"/> fills them; windows refuse a series that has any.</para>
/// <para>
/// <see cref="Frequency"/> is the step between timestamps, given or inferred (weekly, monthly...);
/// forecasts use it to date the steps after <see cref="End"/>. <see cref="Span"/> says which part of
/// a <see cref="ChronologicalSplit"/> the series is, so errors can name it.
/// </para>
/// </remarks>
public sealed class TimeSeries
{
    private readonly DateTime[] _timestamps;
    private readonly double[] _values;
    private readonly string[] _featureNames;

    /// <summary>A univariate series.</summary>
    /// <param name="timestamps">Strictly increasing.</param>
    /// <param name="values">One per timestamp; NaN for a missing value.</param>
    /// <param name="name">The feature's name.</param>
    /// <param name="frequency">The step between timestamps; inferred when null (and null for an irregular series).</param>
    /// <exception cref="ArgumentException">The counts differ, the timestamps do not increase, or a value is infinite.</exception>
    public TimeSeries(IReadOnlyList<DateTime> timestamps, IReadOnlyList<double> values, string name = "value", TimeSeriesFrequency? frequency = null)
        : this(
            timestamps?.ToArray() ?? throw new ArgumentNullException(nameof(timestamps)),
            values?.ToArray() ?? throw new ArgumentNullException(nameof(values)),
            [name ?? throw new ArgumentNullException(nameof(name))],
            frequency,
            TimeSeriesSpan.Whole,
            check: true)
    {
    }

    /// <summary>A series of several features.</summary>
    /// <param name="timestamps">Strictly increasing.</param>
    /// <param name="values">[steps, features]; NaN for a missing value.</param>
    /// <param name="featureNames">One per column of <paramref name="values"/>; <c>feature0</c>, <c>feature1</c>... when null.</param>
    /// <param name="frequency">The step between timestamps; inferred when null.</param>
    /// <exception cref="ArgumentException">The counts differ, the names repeat, the timestamps do not increase, or a value is infinite.</exception>
    public TimeSeries(IReadOnlyList<DateTime> timestamps, double[,] values, IReadOnlyList<string>? featureNames = null, TimeSeriesFrequency? frequency = null)
        : this(
            timestamps?.ToArray() ?? throw new ArgumentNullException(nameof(timestamps)),
            Flatten(values ?? throw new ArgumentNullException(nameof(values))),
            featureNames?.ToArray() ?? Enumerable.Range(0, values.GetLength(1)).Select(static i => "feature" + i.ToString(CultureInfo.InvariantCulture)).ToArray(),
            frequency,
            TimeSeriesSpan.Whole,
            check: true)
    {
        if (values.GetLength(0) != timestamps.Count)
        {
            throw new ArgumentException($"The values have {values.GetLength(0)} rows but there are {timestamps.Count} timestamps.", nameof(values));
        }
    }

    /// <summary>Takes the arrays as they are (row-major values); <paramref name="check"/> validates them first.</summary>
    internal TimeSeries(DateTime[] timestamps, double[] values, string[] featureNames, TimeSeriesFrequency? frequency, TimeSeriesSpan span, bool check = false)
    {
        if (check)
        {
            Validate(timestamps, values, featureNames);
        }

        _timestamps = timestamps;
        _values = values;
        _featureNames = featureNames;
        Frequency = frequency ?? TimeSeriesFrequency.Infer(timestamps);
        Span = span;
        MissingCount = values.Count(double.IsNaN);
    }

    /// <summary>The timestamps, strictly increasing.</summary>
    public IReadOnlyList<DateTime> Timestamps => _timestamps;

    /// <summary>The features' names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Number of steps (rows).</summary>
    public int Length => _timestamps.Length;

    /// <summary>Number of features (columns).</summary>
    public int FeatureCount => _featureNames.Length;

    /// <summary>The step between timestamps (given or inferred); null when the series is irregular or shorter than two steps.</summary>
    public TimeSeriesFrequency? Frequency { get; }

    /// <summary>Which part of a chronological split this is (<see cref="TimeSeriesSpan.Whole"/> when it is not one).</summary>
    public TimeSeriesSpan Span { get; }

    /// <summary>The first timestamp.</summary>
    /// <exception cref="InvalidOperationException">The series is empty.</exception>
    public DateTime Start => Length > 0 ? _timestamps[0] : throw Empty();

    /// <summary>The last timestamp.</summary>
    /// <exception cref="InvalidOperationException">The series is empty.</exception>
    public DateTime End => Length > 0 ? _timestamps[^1] : throw Empty();

    /// <summary>Number of missing (NaN) values.</summary>
    public int MissingCount { get; }

    /// <summary>Whether any value is missing.</summary>
    public bool HasMissingValues => MissingCount > 0;

    /// <summary>The row-major values, [steps * features] (never exposed: the series is immutable).</summary>
    internal double[] Data => _values;

    /// <summary>The value of <paramref name="feature"/> at <paramref name="step"/>.</summary>
    public double this[int step, int feature = 0]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(step);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, Length);
            ArgumentOutOfRangeException.ThrowIfNegative(feature);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, FeatureCount);
            return _values[(step * FeatureCount) + feature];
        }
    }

    /// <summary>One feature's values, in time order.</summary>
    public IReadOnlyList<double> Values(int feature = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, FeatureCount);
        var column = new double[Length];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = _values[(i * FeatureCount) + feature];
        }

        return column;
    }

    /// <summary>The values of the feature named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">There is no such feature.</exception>
    public IReadOnlyList<double> Values(string name) => Values(FeatureIndex(name));

    /// <summary>The column of the feature named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">There is no such feature.</exception>
    public int FeatureIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = Array.IndexOf(_featureNames, name);
        return index >= 0
            ? index
            : throw new ArgumentException($"The series has no feature '{name}'; its features are {string.Join(", ", _featureNames.Select(static n => "'" + n + "'"))}.", nameof(name));
    }

    /// <summary>The values as a [steps, features] tensor on the CPU, float32 unless asked otherwise, with the <see cref="DataRole"/> of the <see cref="Span"/>.</summary>
    public Tensor ToTensor(ScalarType type = ScalarType.Float32)
    {
        using var values = tensor(_values, [Length, FeatureCount], ScalarType.Float64);
        return DataRoles.Mark(values.to_type(type), DataRoles.OfSpan(Span));
    }

    /// <summary>
    /// <paramref name="length"/> steps from <paramref name="start"/>, with their timestamps, the same
    /// frequency and span.
    /// </summary>
    public TimeSeries Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (start + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"Steps {start} to {start + length - 1} are beyond the series' {Length} steps.");
        }

        return new TimeSeries(_timestamps[start..(start + length)], _values[(start * FeatureCount)..((start + length) * FeatureCount)], _featureNames, Frequency, Span);
    }

    /// <summary>The last <paramref name="length"/> steps.</summary>
    public TimeSeries Last(int length) => Slice(Length - Math.Min(length, Length), Math.Min(length, Length));

    /// <summary>The steps whose timestamps are in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public TimeSeries Between(DateTime from, DateTime to)
    {
        var start = FirstAtOrAfter(from);
        var end = FirstAtOrAfter(to);
        return Slice(start, Math.Max(0, end - start));
    }

    /// <summary>
    /// This series followed by <paramref name="next"/>, which must start after it ends and have the same
    /// features: the history a forecast starts from (<c>split.Training.Append(split.Validation)</c>).
    /// The result is a <see cref="TimeSeriesSpan.Whole"/> series.
    /// </summary>
    /// <exception cref="ArgumentException">The features differ, or <paramref name="next"/> does not start after this series ends.</exception>
    public TimeSeries Append(TimeSeries next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!_featureNames.SequenceEqual(next._featureNames))
        {
            throw new ArgumentException($"Only series with the same features can be joined: {Names(this)} and {Names(next)}.", nameof(next));
        }

        if (Length > 0 && next.Length > 0 && next.Start <= End)
        {
            throw new ArgumentException($"The appended series starts at {Format(next.Start)}, not after this one ends ({Format(End)}).", nameof(next));
        }

        return new TimeSeries([.. _timestamps, .. next._timestamps], [.. _values, .. next._values], _featureNames, Frequency ?? next.Frequency, TimeSeriesSpan.Whole);
    }

    /// <summary>
    /// Fills every missing value by linear interpolation in time between the nearest values of the
    /// same feature before and after it (weighted by the timestamps, so an irregular gap is bridged in
    /// proportion to the time it spans, as pandas' <c>interpolate(method="time")</c>). Missing values
    /// before a feature's first value or after its last take that value (pandas'
    /// <c>limit_direction="both"</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A feature has no value at all.</exception>
    public TimeSeries Interpolate()
    {
        if (!HasMissingValues)
        {
            return this;
        }

        var values = (double[])_values.Clone();
        for (var feature = 0; feature < FeatureCount; feature++)
        {
            var previous = -1;
            for (var step = 0; step <= Length; step++)
            {
                if (step < Length && double.IsNaN(values[(step * FeatureCount) + feature]))
                {
                    continue;
                }

                if (step == Length && previous < 0)
                {
                    throw new InvalidOperationException($"Feature '{_featureNames[feature]}' has no value in its {Length} steps; there is nothing to interpolate from.");
                }

                // Steps previous+1 .. step-1 are missing; fill them from the values at both ends.
                for (var gap = previous + 1; gap < step; gap++)
                {
                    values[(gap * FeatureCount) + feature] = (previous, step) switch
                    {
                        (< 0, _) => values[(step * FeatureCount) + feature],
                        (_, var end) when end == Length => values[(previous * FeatureCount) + feature],
                        _ => Between(previous, step, gap, feature),
                    };
                }

                previous = step;
            }
        }

        return new TimeSeries(_timestamps, values, _featureNames, Frequency, Span);

        double Between(int before, int after, int at, int feature)
        {
            var low = values[(before * FeatureCount) + feature];
            var high = values[(after * FeatureCount) + feature];
            var fraction = (double)(_timestamps[at] - _timestamps[before]).Ticks / (_timestamps[after] - _timestamps[before]).Ticks;
            return low + ((high - low) * fraction);
        }
    }

    /// <summary>
    /// The series on the regular grid of <paramref name="frequency"/> from <see cref="Start"/> to
    /// <see cref="End"/>: a date missing from the data (a week without a row) becomes a step whose
    /// values are missing (NaN), for <see cref="Interpolate"/> to fill.
    /// </summary>
    /// <exception cref="ArgumentException">A timestamp is not on the grid (say a Tuesday in a series of Mondays).</exception>
    public TimeSeries FillMissingSteps(TimeSeriesFrequency frequency) =>
        FillMissingSteps(frequency, static problem => new ArgumentException(problem, nameof(frequency)));

    /// <summary><see cref="FillMissingSteps(TimeSeriesFrequency)"/>, with the exception a timestamp off the grid throws made by <paramref name="offGrid"/>.</summary>
    internal TimeSeries FillMissingSteps(TimeSeriesFrequency frequency, Func<string, Exception> offGrid)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        if (Length == 0)
        {
            return this;
        }

        var timestamps = new List<DateTime>(Length);
        var values = new List<double>(Length * FeatureCount);
        var start = Start;
        for (var step = 0; step < Length;)
        {
            var expected = frequency.Next(start, timestamps.Count);
            if (_timestamps[step] < expected || (_timestamps[step] > expected && step == 0))
            {
                throw offGrid($"Step {step} ({Format(_timestamps[step])}) is not on the {frequency} grid that starts at {Format(start)}; the grid date next to it is {Format(expected)}.");
            }

            timestamps.Add(expected);
            if (_timestamps[step] == expected)
            {
                values.AddRange(_values.AsSpan(step * FeatureCount, FeatureCount));
                step++;
            }
            else
            {
                values.AddRange(Enumerable.Repeat(double.NaN, FeatureCount));
            }
        }

        return new TimeSeries([.. timestamps], [.. values], _featureNames, frequency, Span);
    }

    /// <summary>
    /// The series through a fitted scaler (fitted on the training span: <see cref="TimeSeriesSplit.Scale"/>
    /// does both); timestamps, names and span are kept. Missing values stay missing.
    /// </summary>
    public TimeSeries Transform(Scaler scaler) => Through(scaler, inverse: false);

    /// <summary>Undoes <see cref="Transform"/>: values back in the original units.</summary>
    public TimeSeries InverseTransform(Scaler scaler) => Through(scaler, inverse: true);

    /// <summary>
    /// Windows over this series as training batches (Keras's <c>timeseries_dataset_from_array</c>);
    /// see <see cref="TimeseriesWindows"/> for the parameters.
    /// </summary>
    public TimeseriesWindows Windows(int length, int batchSize = TimeseriesWindows.DefaultBatchSize, int stride = 1, int samplingRate = 1, int horizon = 1, string? target = null, bool shuffle = false, int seed = 0) =>
        new(this, length, batchSize, stride, samplingRate, horizon, target, shuffle, seed);

    /// <summary>
    /// Reads a CSV file with a date column and value columns; missing values are interpolated unless
    /// <see cref="TimeSeriesCsvOptions.MissingValues"/> says otherwise.
    /// </summary>
    /// <inheritdoc cref="TimeSeriesCsv.Load"/>
    public static TimeSeries LoadCsv(string path, TimeSeriesCsvOptions? options = null) => TimeSeriesCsv.Load(path, options ?? new TimeSeriesCsvOptions());

    /// <summary>A short description: the span, the dates, the steps and the frequency.</summary>
    public override string ToString()
    {
        var what = Span == TimeSeriesSpan.Whole ? "series" : Span.ToString().ToLowerInvariant() + " span";
        return Length == 0
            ? $"empty {what}"
            : FormattableString.Invariant($"{what} {Format(Start)} to {Format(End)} ({Length} steps{(Frequency is null ? "" : ", " + Frequency)}, {FeatureCount} feature{(FeatureCount == 1 ? "" : "s")})");
    }

    /// <summary>The same data as another span of a split.</summary>
    internal TimeSeries As(TimeSeriesSpan span) => new(_timestamps, _values, _featureNames, Frequency, span);

    /// <summary>The index of the first timestamp at or after <paramref name="timestamp"/> (<see cref="Length"/> when none).</summary>
    internal int FirstAtOrAfter(DateTime timestamp)
    {
        var index = Array.BinarySearch(_timestamps, timestamp);
        return index >= 0 ? index : ~index;
    }

    /// <summary>Dates as <c>yyyy-MM-dd</c>, with the time when it is not midnight.</summary>
    internal static string Format(DateTime timestamp) =>
        timestamp.ToString(timestamp.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private TimeSeries Through(Scaler scaler, bool inverse)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        if (scaler.IsFitted && scaler.FeatureCount != FeatureCount)
        {
            throw new ArgumentException($"{scaler.GetType().Name} was fitted on {scaler.FeatureCount} features; the {ToString()} has {FeatureCount}.", nameof(scaler));
        }

        if (Length == 0)
        {
            return this;
        }

        using var scope = NewDisposeScope();
        using var input = ToTensor(ScalarType.Float64);
        var output = inverse ? scaler.InverseTransform(input) : scaler.Transform(input);
        return new TimeSeries(_timestamps, output.data<double>().ToArray(), _featureNames, Frequency, Span);
    }

    private static double[] Flatten(double[,] values)
    {
        var flat = new double[values.Length];
        var columns = values.GetLength(1);
        for (var row = 0; row < values.GetLength(0); row++)
        {
            for (var column = 0; column < columns; column++)
            {
                flat[(row * columns) + column] = values[row, column];
            }
        }

        return flat;
    }

    private static void Validate(DateTime[] timestamps, double[] values, string[] names)
    {
        if (names.Length == 0)
        {
            throw new ArgumentException("A series needs at least one feature.");
        }

        if (names.Any(static n => n is null) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"Feature names must be non-null and distinct; got {string.Join(", ", names.Select(static n => "'" + n + "'"))}.");
        }

        if (values.Length != timestamps.Length * names.Length)
        {
            throw new ArgumentException($"{timestamps.Length} timestamps and {names.Length} feature(s) need {timestamps.Length * names.Length} values; got {values.Length}.");
        }

        for (var i = 1; i < timestamps.Length; i++)
        {
            if (timestamps[i] <= timestamps[i - 1])
            {
                throw new ArgumentException($"Timestamps must increase: step {i} ({Format(timestamps[i])}) does not come after step {i - 1} ({Format(timestamps[i - 1])}).");
            }
        }

        var infinite = Array.FindIndex(values, double.IsInfinity);
        if (infinite >= 0)
        {
            var step = infinite / names.Length;
            throw new ArgumentException($"Feature '{names[infinite % names.Length]}' is infinite at step {step} ({Format(timestamps[step])}); a missing value is NaN.");
        }
    }

    private static string Names(TimeSeries series) => "(" + string.Join(", ", series._featureNames) + ")";

    private static InvalidOperationException Empty() => new("The series is empty.");
}
