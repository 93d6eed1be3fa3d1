using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Data;
using NetGen.Training;

namespace NetGen.Samples.Forecasting;

/// <summary>
/// The guide's time-series forecast on the weekly Mauna Loa CO2 series: split it in time
/// (training, then validation, then test), scale it with a scaler fitted on the training span,
/// train <see cref="Co2Net"/> on windows of one season with early stopping on the validation span,
/// forecast the whole test span recursively from the history before it, compare with the
/// seasonal-naive forecast over the first year and over the whole span, forecast the weeks after the
/// last observation, and plot it all to a PNG.
/// </summary>
public static class ForecastingSample
{
    /// <summary>Weeks in the season of the baseline and in the "first year" of the test span.</summary>
    public const int Season = Co2Net.Season;

    /// <summary>One trained network's forecasts and errors (ppmv).</summary>
    public sealed record ModelResult(
        ForecastTarget Target,
        History History,
        int BestEpoch,
        double BestValidationLoss,
        TimeSpan TrainingTime,
        TimeSeries TestForecast,
        double FirstYearRmse,
        double WholeSpanRmse,
        IReadOnlyList<double> YearlyRmse,
        TimeSeries Future);

    /// <summary>What the run measured, for the sample's tests.</summary>
    public sealed record Result(
        TimeSeries Series,
        TimeSeriesSplit Split,
        TimeSeries Baseline,
        double BaselineFirstYearRmse,
        double BaselineWholeSpanRmse,
        IReadOnlyList<double> BaselineYearlyRmse,
        IReadOnlyList<ModelResult> Models,
        string PlotPath);

    public static Result Run(TextWriter output, ForecastingOptions? options = null)
    {
        options ??= new ForecastingOptions();
        options.Validate();

        var co2 = Co2.Load(options.DataPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mauna Loa CO2: {co2.Length:N0} weeks from {Date(co2.Start)} to {Date(co2.End)}, gaps interpolated."));

        // Newest weeks last: the test span is the future of everything the networks see, and the
        // validation span that stops training sits between them, never inside the test span.
        var split = ChronologicalSplit.ByFraction(co2, options.ValidationFraction, options.TestFraction);
        output.WriteLine($"Training {Describe(split.Training)}; validation {Describe(split.Validation)}; test {Describe(split.Test)}.");

        var test = split.Test;
        var firstYear = test.Slice(0, Math.Min(Season, test.Length));
        var baseline = SeasonalNaive.Forecast(split.History, Season, test.Length);
        var baselineYearly = Yearly(test, baseline);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Seasonal naive (each week repeats the same week of the last observed year): RMSE {Rmse(firstYear, baseline):F3} ppmv over the first year, {ForecastMetrics.Rmse(test, baseline):F3} over the whole span."));

        var models = new List<ModelResult>();
        foreach (var target in options.Targets)
        {
            output.WriteLine();
            models.Add(TrainAndForecast(target, co2, split, options, output, printSummary: models.Count == 0));
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recursive forecast of the {test.Length} test weeks from the history before them (RMSE, ppmv):"));
        output.WriteLine(Table(test, baselineYearly, models, ForecastMetrics.Rmse(test, baseline)));

        var directory = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "netgen-forecasting");
        Directory.CreateDirectory(directory);
        var plot = Path.Combine(directory, "co2-forecast.png");
        ForecastPlot.Save(co2, split, baseline, models, plot);
        output.WriteLine($"Plot written to {plot}.");

        return new Result(co2, split, baseline, Rmse(firstYear, baseline), ForecastMetrics.Rmse(test, baseline), baselineYearly, models, plot);
    }

    private static ModelResult TrainAndForecast(ForecastTarget target, TimeSeries co2, TimeSeriesSplit split, ForecastingOptions options, TextWriter output, bool printSummary)
    {
        // The network's series: the levels, or the week-to-week changes cut at the same dates. A
        // change at the first week of a span uses the last week of the span before, which is known.
        var series = target == ForecastTarget.Level ? co2 : Differences(co2);
        var spans = target == ForecastTarget.Level ? split : ChronologicalSplit.ByDate(series, split.Validation.Start, split.Test.Start);

        // Fitted on the training span only: the validation and test spans go through the same
        // transformation without contributing a statistic to it.
        using var scaler = new MinMaxScaler();
        var scaled = spans.Scale(scaler);
        var training = scaled.Training.Windows(Season, options.BatchSize, shuffle: true, seed: options.Seed);
        var validation = scaled.Validation.Windows(Season, options.BatchSize);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Name(target)}: {training.WindowCount:N0} training windows of {Season} weeks, {validation.WindowCount:N0} validation windows; scaled to [0, 1] by the training span's minimum and maximum."));

        using var model = new Co2Net(Devices.Default, seed: options.Seed);
        if (printSummary)
        {
            output.WriteLine(model.Summary());
        }

        var stopping = new EarlyStopping(patience: options.Patience, restoreBestWeights: true);
        var clock = Stopwatch.StartNew();
        var history = model.Fit(
            training,
            epochs: options.MaxEpochs,
            validationData: validation,
            callbacks: [stopping],
            output: output,
            seed: options.Seed,
            threads: options.Threads is { } n ? ThreadPolicy.Fixed(n) : null);
        var trainingTime = clock.Elapsed;
        var losses = history["val_loss"];
        var best = Enumerable.Range(0, losses.Count).MinBy(e => losses[e]);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {history.Epochs} epoch(s) in {trainingTime.TotalSeconds:F1} s; best validation loss {losses[best]:G4} (scaled MSE) at epoch {best + 1}, whose weights are kept."));

        var forecaster = new RecursiveForecaster(model, scaler);
        var testForecast = Levels(target, forecaster.Forecast(spans.History, split.Test.Length), split.History);

        // The future starts from every observed week, the test span's too; the network is the one
        // trained above (refitting on the whole series would be the next step in production).
        var future = Levels(target, forecaster.Forecast(series, options.FutureWeeks), co2);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Forecast after the last observation: {Date(future.Start)} {future[0]:F1} ppmv, ..., {Date(future.End)} {future[future.Length - 1]:F1} ppmv."));

        var firstYear = split.Test.Slice(0, Math.Min(Season, split.Test.Length));
        return new ModelResult(
            target,
            history,
            best + 1,
            losses[best],
            trainingTime,
            testForecast,
            Rmse(firstYear, testForecast),
            ForecastMetrics.Rmse(split.Test, testForecast),
            Yearly(split.Test, testForecast),
            future);
    }

    /// <summary>The change from each week to the next, dated at the later week: one step fewer than <paramref name="levels"/>.</summary>
    public static TimeSeries Differences(TimeSeries levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Length < 2)
        {
            throw new ArgumentException($"Differences need at least two steps; the {levels} has {levels.Length}.", nameof(levels));
        }

        var values = levels.Values();
        var changes = new double[levels.Length - 1];
        for (var i = 0; i < changes.Length; i++)
        {
            changes[i] = values[i + 1] - values[i];
        }

        return new TimeSeries(levels.Timestamps.Skip(1).ToArray(), changes, levels.FeatureNames[0] + " change", levels.Frequency);
    }

    /// <summary>
    /// Levels from changes: the running sum of <paramref name="changes"/> added to <paramref name="start"/>, the
    /// level just before the first change (the inverse of <see cref="Differences"/>).
    /// </summary>
    public static TimeSeries Accumulate(TimeSeries changes, double start, string name)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var level = start;
        var values = new double[changes.Length];
        for (var i = 0; i < values.Length; i++)
        {
            level += changes[i];
            values[i] = level;
        }

        return new TimeSeries(changes.Timestamps, values, name, changes.Frequency);
    }

    /// <summary>A forecast in ppmv: itself for levels; for changes, their running sum from the history's last level.</summary>
    private static TimeSeries Levels(ForecastTarget target, TimeSeries forecast, TimeSeries history) =>
        target == ForecastTarget.Level ? forecast : Accumulate(forecast, history[history.Length - 1], history.FeatureNames[0]);

    /// <summary>The RMSE over the steps of <paramref name="actual"/>, the forecast's first ones.</summary>
    private static double Rmse(TimeSeries actual, TimeSeries forecast) => ForecastMetrics.Rmse(actual, forecast.Slice(0, actual.Length));

    /// <summary>The RMSE of each year (52 weeks) of the test span; the last year may be shorter.</summary>
    private static double[] Yearly(TimeSeries actual, TimeSeries forecast)
    {
        var years = new double[(actual.Length + Season - 1) / Season];
        for (var y = 0; y < years.Length; y++)
        {
            var length = Math.Min(Season, actual.Length - (y * Season));
            years[y] = ForecastMetrics.Rmse(actual.Slice(y * Season, length), forecast.Slice(y * Season, length));
        }

        return years;
    }

    private static string Table(TimeSeries test, IReadOnlyList<double> baselineYearly, IReadOnlyList<ModelResult> models, double baselineWhole)
    {
        var text = new System.Text.StringBuilder();
        var columns = new List<(string Name, IReadOnlyList<double> Yearly, double Whole)> { ("seasonal naive", baselineYearly, baselineWhole) };
        columns.AddRange(models.Select(static m => ($"LSTM, {Name(m.Target).ToLowerInvariant()}", m.YearlyRmse, m.WholeSpanRmse)));
        var width = Math.Max(16, columns.Max(static c => c.Name.Length) + 2);
        text.Append("weeks".PadRight(26));
        foreach (var column in columns)
        {
            text.Append(column.Name.PadLeft(width));
        }

        text.AppendLine();
        for (var y = 0; y < baselineYearly.Count; y++)
        {
            var first = y * Season;
            var last = Math.Min(first + Season, test.Length) - 1;
            text.Append($"{y + 1,2}: {Date(test.Timestamps[first])} - {Date(test.Timestamps[last])}".PadRight(26));
            foreach (var column in columns)
            {
                text.Append(column.Yearly[y].ToString("F3", CultureInfo.InvariantCulture).PadLeft(width));
            }

            text.AppendLine();
        }

        text.Append("whole span".PadRight(26));
        foreach (var column in columns)
        {
            text.Append(column.Whole.ToString("F3", CultureInfo.InvariantCulture).PadLeft(width));
        }

        return text.ToString();
    }

    internal static string Name(ForecastTarget target) => target switch
    {
        ForecastTarget.Level => "Levels",
        ForecastTarget.Differences => "Weekly changes",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown forecast target."),
    };

    internal static string Date(DateTime timestamp) => timestamp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe(TimeSeries span) => string.Create(
        CultureInfo.InvariantCulture,
        $"{span.Length:N0} weeks ({Date(span.Start)} to {Date(span.End)})");
}
