using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Callbacks;

/// <summary>What the callbacks that watch a logged value share: the direction, the value, the comparison.</summary>
internal static class Monitoring
{
    /// <summary>The monitor name, checked.</summary>
    public static string CheckMonitor(string monitor, string parameter)
    {
        ArgumentNullException.ThrowIfNull(monitor, parameter);
        if (monitor.Length == 0)
        {
            throw new ArgumentException("The monitored value's name is empty; give a logged name such as 'val_loss'.", parameter);
        }

        return monitor;
    }

    /// <summary>
    /// <paramref name="mode"/>, or for <see cref="MonitorMode.Auto"/>: up for accuracy and AUC,
    /// down for everything else (losses, errors).
    /// </summary>
    public static MonitorMode Resolve(string monitor, MonitorMode mode, string parameter) => mode switch
    {
        MonitorMode.Auto => monitor.EndsWith("accuracy", StringComparison.Ordinal) || monitor.EndsWith("auc", StringComparison.Ordinal) ? MonitorMode.Max : MonitorMode.Min,
        MonitorMode.Min or MonitorMode.Max => mode,
        _ => throw new ArgumentOutOfRangeException(parameter, mode, "The mode must be Auto, Min or Max."),
    };

    /// <summary>The worst possible value in <paramref name="mode"/>: anything but NaN beats it.</summary>
    public static double Worst(MonitorMode mode) => mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;

    /// <summary>
    /// Whether <paramref name="current"/> beats <paramref name="best"/> by more than
    /// <paramref name="minDelta"/>. NaN never does: every comparison with it is false.
    /// </summary>
    public static bool IsImprovement(MonitorMode mode, double current, double best, double minDelta) =>
        mode == MonitorMode.Min ? current < best - minDelta : current > best + minDelta;

    /// <summary>The monitored value from <paramref name="logs"/>, or an error naming what is logged (worded as <see cref="EarlyStopping"/>'s).</summary>
    /// <exception cref="InvalidOperationException">The value is not logged.</exception>
    public static double Read(IReadOnlyDictionary<string, double> logs, string monitor, string callback)
    {
        if (logs.TryGetValue(monitor, out var value))
        {
            return value;
        }

        var hint = monitor.StartsWith("val_", StringComparison.Ordinal) ? " (val_ values need validation data or a validation split)" : string.Empty;
        throw new InvalidOperationException(
            $"{callback} monitors '{monitor}', which training does not log{hint}; it logs {string.Join(", ", logs.Keys)}.");
    }

    /// <summary>A monitored value as Keras prints it (<c>0.12346</c>, <c>inf</c>).</summary>
    public static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : double.IsNaN(value) ? "nan"
        : value.ToString("F5", CultureInfo.InvariantCulture);
}
