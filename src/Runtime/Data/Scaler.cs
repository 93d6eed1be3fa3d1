using System;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// A per-feature transform learned from one split and applied unchanged to the others, so no
/// statistic of the validation or test data leaks into training.
/// </summary>
public abstract class Scaler : IDisposable
{
    private Tensor? _offset;
    private Tensor? _scale;

    /// <summary>Whether <see cref="Fit"/> has run.</summary>
    public bool IsFitted => _offset is not null;

    /// <summary>Number of features seen by <see cref="Fit"/>.</summary>
    public long FeatureCount { get; private set; }

    /// <summary>Learns the statistics of <paramref name="x"/> ([samples, features]).</summary>
    public Scaler Fit(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[0] == 0)
        {
            throw new ArgumentException($"{GetType().Name} fits a [samples, features] matrix with at least one row; got [{string.Join(", ", x.shape)}].", nameof(x));
        }

        using var scope = NewDisposeScope();
        var (offset, scale) = Learn(x.to_type(ScalarType.Float64));

        // A constant column would divide by zero: leave it unscaled, as scikit-learn does.
        scale = where(scale.abs() < 1e-12, ones_like(scale), scale);
        _offset?.Dispose();
        _scale?.Dispose();
        _offset = offset.MoveToOuterDisposeScope();
        _scale = scale.MoveToOuterDisposeScope();
        FeatureCount = x.shape[1];
        return this;
    }

    /// <summary>Applies the learned transform.</summary>
    public Tensor Transform(Tensor x)
    {
        Check(x);
        return ((x.to_type(ScalarType.Float64) - _offset!) / _scale!).to_type(x.dtype);
    }

    /// <summary>Fits on <paramref name="x"/>, then transforms it.</summary>
    public Tensor FitTransform(Tensor x) => Fit(x).Transform(x);

    /// <summary>Undoes <see cref="Transform"/>.</summary>
    public Tensor InverseTransform(Tensor x)
    {
        Check(x);
        return ((x.to_type(ScalarType.Float64) * _scale!) + _offset!).to_type(x.dtype);
    }

    /// <summary>Per-feature value subtracted (mean or minimum, adjusted for the range).</summary>
    protected Tensor Offset => _offset ?? throw NotFitted();

    /// <summary>Per-feature divisor.</summary>
    protected Tensor ScaleTensor => _scale ?? throw NotFitted();

    /// <summary>Computes the offset and scale of float64 data.</summary>
    protected abstract (Tensor Offset, Tensor Scale) Learn(Tensor x);

    /// <inheritdoc />
    public void Dispose()
    {
        _offset?.Dispose();
        _scale?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Values of a per-feature tensor as an array.</summary>
    protected static double[] ToArray(Tensor values) => values.cpu().data<double>().ToArray();

    private void Check(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!IsFitted)
        {
            throw NotFitted();
        }

        if (x.dim() != 2 || x.shape[1] != FeatureCount)
        {
            throw new ArgumentException($"{GetType().Name} was fitted on {FeatureCount} features; got [{string.Join(", ", x.shape)}].", nameof(x));
        }
    }

    private InvalidOperationException NotFitted() => new($"{GetType().Name} is not fitted: call Fit on the training split first.");
}
