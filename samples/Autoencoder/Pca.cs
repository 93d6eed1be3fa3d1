using System;
using static TorchSharp.torch;

namespace NetGen.Samples.Autoencoder;

/// <summary>
/// Principal component analysis with TorchSharp: the linear baseline an autoencoder with the same
/// code size has to beat. The components are the leading eigenvectors of the centred rows' scatter
/// matrix (features × features), the same subspace as the first right singular vectors of a thin
/// SVD of the centred rows. The scatter matrix is summed over blocks of rows, so fitting 60,000
/// images of 784 pixels holds one 784 × 784 matrix and one block in double precision instead of
/// double-precision copies of the whole set and an SVD's 60,000 × 784 factor (1.4 GB more at the peak).
/// </summary>
public sealed class Pca : IDisposable
{
    /// <summary>Rows converted to double precision at a time: 4,096 images of 784 pixels are 26 MB.</summary>
    private const long BlockRows = 4096;

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

        var (samples, features) = (rows.size(0), rows.size(1));
        if (dimension < 1 || dimension > Math.Min(samples, features))
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"The dimension must be between 1 and {Math.Min(samples, features)} for rows of shape ({samples}, {features}).");
        }

        using var scope = NewDisposeScope();
        // Double precision: the squared deviations of 60,000 rows sum well past float's 7 digits.
        var sum = zeros([1, features], ScalarType.Float64, rows.device);
        ForEachBlock(rows, block => sum.add_(block.sum([0L], keepdim: true)));
        var mean = sum / samples;

        var scatter = zeros([features, features], ScalarType.Float64, rows.device);
        ForEachBlock(rows, block =>
        {
            using var centred = block - mean;
            scatter.addmm_(centred.t(), centred);
        });

        // eigh returns the eigenvalues in ascending order; the components are the last ones, largest first.
        var (variances, vectors) = linalg.eigh(scatter);
        var kept = vectors.narrow(1, features - dimension, dimension).flip(1).t().contiguous();
        var explained = (variances.narrow(0, features - dimension, dimension).sum() / scatter.trace()).item<double>();
        return new Pca(mean.MoveToOuterDisposeScope(), kept.MoveToOuterDisposeScope()) { ExplainedVariance = explained };
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

    /// <summary>Calls <paramref name="action"/> on consecutive blocks of rows in double precision, each freed before the next.</summary>
    private static void ForEachBlock(Tensor rows, Action<Tensor> action)
    {
        var samples = rows.size(0);
        for (long start = 0; start < samples; start += BlockRows)
        {
            using var block = NewDisposeScope();
            action(rows.narrow(0, start, Math.Min(BlockRows, samples - start)).to_type(ScalarType.Float64));
        }
    }
}
