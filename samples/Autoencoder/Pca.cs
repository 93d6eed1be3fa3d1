using System;
using static TorchSharp.torch;

namespace NetGen.Samples.Autoencoder;

/// <summary>
/// Principal component analysis with TorchSharp: the linear baseline an autoencoder with the same
/// code size has to beat. Fitted on centred training rows with a thin SVD; the components are the
/// first right singular vectors.
/// </summary>
public sealed class Pca : IDisposable
{
    private readonly Tensor _mean;
    private readonly Tensor _components;

    private Pca(Tensor mean, Tensor components)
    {
        _mean = mean;
        _components = components;
    }

    /// <summary>The number of components kept.</summary>
    public long Dimension => _components.shape[0];

    /// <summary>The share of the training rows' variance the kept components explain.</summary>
    public double ExplainedVariance { get; private init; }

    /// <summary>Fits <paramref name="dimension"/> components to <paramref name="rows"/>, (samples, features).</summary>
    public static Pca Fit(Tensor rows, int dimension)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.dim() != 2)
        {
            throw new ArgumentException($"PCA needs rows of shape (samples, features), not ({string.Join(", ", rows.shape)}).", nameof(rows));
        }

        if (dimension < 1 || dimension > Math.Min(rows.shape[0], rows.shape[1]))
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"The dimension must be between 1 and {Math.Min(rows.shape[0], rows.shape[1])} for rows of shape ({rows.shape[0]}, {rows.shape[1]}).");
        }

        using var scope = NewDisposeScope();
        // Double precision: the squared singular values of 60,000 rows sum well past float's 7 digits.
        var data = rows.to_type(ScalarType.Float64);
        var mean = data.mean([0L], keepdim: true);
        var (_, singular, vh) = linalg.svd(data - mean, fullMatrices: false);
        var variance = singular.square();
        var explained = (variance[..dimension].sum() / variance.sum()).item<double>();
        return new Pca(mean.MoveToOuterDisposeScope(), vh[..dimension].contiguous().MoveToOuterDisposeScope()) { ExplainedVariance = explained };
    }

    /// <summary>The rows' coordinates on the components, (samples, dimension).</summary>
    public Tensor Project(Tensor rows) => (rows.to_type(ScalarType.Float64) - _mean).matmul(_components.t());

    /// <summary>The rows rebuilt from their projection, in the rows' dtype.</summary>
    public Tensor Reconstruct(Tensor rows)
    {
        using var scope = NewDisposeScope();
        var rebuilt = Project(rows).matmul(_components) + _mean;
        return rebuilt.to_type(rows.dtype).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _mean.Dispose();
        _components.Dispose();
    }
}
