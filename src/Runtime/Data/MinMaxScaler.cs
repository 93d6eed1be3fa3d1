using System;
using System.Collections.Generic;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Scales each feature linearly so the fitted data spans <see cref="FeatureRange"/>, [0, 1] by
/// default, as scikit-learn's <c>MinMaxScaler</c>. A constant feature is treated as having range 1,
/// so it maps to the range's lower end instead of dividing by zero. NaN is ignored when fitting
/// (numpy's <c>nanmin</c> and <c>nanmax</c>) and passes through <see cref="Scaler.Transform"/> as NaN.
/// </summary>
public sealed class MinMaxScaler : Scaler
{
    private IReadOnlyList<double> _dataMin = Array.Empty<double>();
    private IReadOnlyList<double> _dataMax = Array.Empty<double>();

    /// <summary>Creates a scaler to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentException"><paramref name="max"/> is not greater than <paramref name="min"/>.</exception>
    public MinMaxScaler(double min = 0, double max = 1)
    {
        if (!(max > min) || double.IsInfinity(min) || double.IsInfinity(max))
        {
            throw new ArgumentException(
                $"The feature range must be finite with max > min; got [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].");
        }

        FeatureRange = (min, max);
    }

    /// <summary>The output range of the fitted data (scikit-learn's <c>feature_range</c>).</summary>
    public (double Min, double Max) FeatureRange { get; }

    /// <summary>Per-feature minimum of the fitted data (scikit-learn's <c>data_min_</c>).</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    public IReadOnlyList<double> DataMin => IsFitted ? _dataMin : throw NotFitted();

    /// <summary>Per-feature maximum of the fitted data (scikit-learn's <c>data_max_</c>).</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    public IReadOnlyList<double> DataMax => IsFitted ? _dataMax : throw NotFitted();

    /// <inheritdoc />
    protected override (Tensor Offset, Tensor Scale) Learn(Tensor x)
    {
        // numpy's nanmin and nanmax: a feature with no value at all gets NaN, as in scikit-learn.
        var (present, count) = Present(x);
        using var zero = 0.ToScalar();
        using var notANumber = double.NaN.ToScalar();
        using var positiveInfinity = double.PositiveInfinity.ToScalar();
        using var negativeInfinity = double.NegativeInfinity.ToScalar();
        using var constantRange = (10 * MachineEpsilon).ToScalar();
        using var rangeWidth = (FeatureRange.Max - FeatureRange.Min).ToScalar();
        using var rangeMin = FeatureRange.Min.ToScalar();
        var none = count.eq(zero);
        var nan = full_like(count, notANumber);
        var min = where(none, nan, where(present, x, full_like(x, positiveInfinity)).amin([0L]));
        var max = where(none, nan, where(present, x, full_like(x, negativeInfinity)).amax([0L]));
        var range = max - min;
        range = where(range.lt(constantRange), ones_like(range), range);

        // y = (x - min) / range * (b - a) + a, written as (x - offset) / scale.
        var scale = range.div(rangeWidth);
        var offset = min - scale.mul(rangeMin);
        _dataMin = Values(min);
        _dataMax = Values(max);
        return (offset, scale);
    }

    private InvalidOperationException NotFitted() => new($"{nameof(MinMaxScaler)} is not fitted: call Fit (or FitTransform) on the training split first.");
}
