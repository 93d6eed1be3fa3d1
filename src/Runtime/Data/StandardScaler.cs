using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Standardizes each feature to mean 0 and standard deviation 1, as scikit-learn's
/// <c>StandardScaler</c>: the population standard deviation, and a constant feature is only
/// centred (scale 1) instead of divided by zero.
/// </summary>
public sealed class StandardScaler : Scaler
{
    private IReadOnlyList<double> _mean = Array.Empty<double>();
    private IReadOnlyList<double> _scale = Array.Empty<double>();

    /// <summary>Per-feature means of the fitted data (scikit-learn's <c>mean_</c>).</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    public IReadOnlyList<double> Mean => IsFitted ? _mean : throw NotFitted();

    /// <summary>Per-feature divisors: the standard deviation, 1 for a constant feature (scikit-learn's <c>scale_</c>).</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    public IReadOnlyList<double> Scale => IsFitted ? _scale : throw NotFitted();

    /// <inheritdoc />
    protected override (Tensor Offset, Tensor Scale) Learn(Tensor x)
    {
        var mean = x.mean([0L]);
        var variance = x.var(0, unbiased: false);

        // A constant column's variance comes out as rounding noise, not exactly zero; scikit-learn
        // bounds that noise by n*eps*var + (n*mean*eps)^2 and leaves such columns unscaled.
        var n = (double)x.shape[0];
        var noise = (variance * (n * MachineEpsilon)) + (mean * (n * MachineEpsilon)).square();
        var scale = where(variance <= noise, ones_like(variance), variance.sqrt());
        _mean = Values(mean);
        _scale = Values(scale);
        return (mean, scale);
    }

    private InvalidOperationException NotFitted() => new($"{nameof(StandardScaler)} is not fitted: call Fit (or FitTransform) on the training split first.");
}
