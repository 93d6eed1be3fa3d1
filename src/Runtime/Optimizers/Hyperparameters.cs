using System;

namespace NetGen.Optimizers;

/// <summary>Argument checks shared by the optimizers, with messages that name the value.</summary>
internal static class Hyperparameters
{
    public static double InUnitInterval(double value, string name) =>
        value >= 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");

    public static double Positive(double value, string name) =>
        value > 0 && !double.IsInfinity(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive, finite number.");

    public static double NonNegative(double value, string name) =>
        value >= 0 && !double.IsInfinity(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or a positive, finite number.");
}
