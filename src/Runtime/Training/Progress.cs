using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Training;

/// <summary>The progress lines <c>Fit</c> prints, Keras-style, with the invariant culture.</summary>
internal static class Progress
{
    /// <summary><c>29/29 - 0s - 4ms/step - loss: 0.4321 - ...</c>; a stopped epoch shows the steps it ran.</summary>
    public static string EpochLine(int steps, int? batches, TimeSpan elapsed, IReadOnlyDictionary<string, double> logs)
    {
        var perStep = elapsed.TotalMilliseconds / Math.Max(1, steps);
        return $"{Steps(steps, batches)} - {elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)}s - {perStep.ToString("F0", CultureInfo.InvariantCulture)}ms/step{Values(logs)}";
    }

    /// <summary><c>3/29 - loss: 0.4321 - ...</c>.</summary>
    public static string BatchLine(int steps, int? batches, IReadOnlyDictionary<string, double> logs) => Steps(steps, batches) + Values(logs);

    private static string Steps(int steps, int? batches) =>
        steps.ToString(CultureInfo.InvariantCulture) + "/" + (batches?.ToString(CultureInfo.InvariantCulture) ?? "?");

    private static string Values(IReadOnlyDictionary<string, double> logs) =>
        string.Concat(logs.Select(static pair => $" - {pair.Key}: {pair.Value.ToString("F4", CultureInfo.InvariantCulture)}"));
}
