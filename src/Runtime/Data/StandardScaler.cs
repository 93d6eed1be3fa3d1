using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Standardizes each feature to mean 0 and standard deviation 1, as scikit-learn's
/// <c>StandardScaler</c>: the population standard deviation, and a constant feature is only
/// centred (scale 1) instead of divided by zero. NaN is ignored when fitting (numpy's
/// <c>nanmean</c> and <c>nanvar</c>) and passes through <see cref="Scaler.Transform"/> as NaN.
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
        var (present, count) = Present(x);
        Tensor mean;
        Tensor variance;
        if (present.all().item<bool>())
        {
            mean = x.mean([0L]);
            variance = x.var(0, unbiased: false);
        }
        else
        {
            // numpy's nanmean and nanvar (population): sums over the values present. A feature
            // with none gets 0 / 0 = NaN, as in scikit-learn.
            var zero = zeros_like(x);
            mean = where(present, x, zero).sum([0L]) / count;
            variance = where(present, x - mean, zero).pow(Scalars.Two).sum([0L]) / count;
        }

        // A constant column's variance comes out as rounding noise, not exactly zero; scikit-learn
        // bounds that noise by n*eps*var + (n*mean*eps)^2, with n the feature's count of values,
        // and leaves such columns unscaled.
        using var epsilon = MachineEpsilon.ToScalar();
        var n = count.mul(epsilon);
        var noise = (variance * n).add((mean * n).pow(Scalars.Two), Scalars.One);
        var scale = where(variance <= noise, ones_like(variance), variance.sqrt());
        _mean = Values(mean);
        _scale = Values(scale);
        return (mean, scale);
    }

    private InvalidOperationException NotFitted() => new($"{nameof(StandardScaler)} is not fitted: call Fit (or FitTransform) on the training split first.");
}
