using System;
using System.Globalization;

namespace NetGen.Callbacks;

/// <summary>What the learning-rate callbacks share: checking, setting and logging a rate.</summary>
internal static class LearningRates
{
    /// <summary>The name Keras 3 logs the learning rate under.</summary>
    public const string LogName = "learning_rate";

    /// <summary>A starting rate given to a schedule, checked.</summary>
    public static double? CheckInitial(double? initial, string parameter) =>
        initial is { } value && !(value > 0 && double.IsFinite(value))
            ? throw new ArgumentOutOfRangeException(parameter, value, "The initial learning rate must be a positive, finite number (or null for the optimizer's).")
            : initial;

    /// <summary>The rate the optimizer was declared with: a schedule's start unless given one.</summary>
    public static double Declared(TrainingContext context) => context.CompileOptions.Optimizer.LearningRate;

    /// <summary>
    /// Sets <paramref name="rate"/> on every parameter group and logs it for the epoch; prints
    /// Keras's line when <paramref name="verbose"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="rate"/> is negative, NaN or infinite.</exception>
    public static void Apply(TrainingContext context, double rate, int epoch, string callback, bool verbose)
    {
        if (!(rate >= 0 && double.IsFinite(rate)))
        {
            throw new InvalidOperationException(
                $"{callback} computed a learning rate of {rate.ToString(CultureInfo.InvariantCulture)} for epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}; a learning rate must be a finite number, zero or more.");
        }

        context.LearningRate = rate;
        context.LogValue(LogName, rate);
        if (verbose)
        {
            context.Output?.WriteLine($"Epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}: {callback} setting learning rate to {rate.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
