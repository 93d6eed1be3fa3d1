using System;

namespace NetGen.Metrics;

/// <summary>The check shared by the element-wise error metrics.</summary>
internal static class ErrorSums
{
    public static void Check(double[] predictions, double[] targets, string name)
    {
        if (predictions.Length != targets.Length)
        {
            throw new ArgumentException(FormattableString.Invariant($"{name} needs one target per prediction; got {predictions.Length} predictions and {targets.Length} targets."));
        }
    }
}
