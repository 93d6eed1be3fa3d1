using System;
using System.Collections.Generic;
using System.Globalization;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// A per-feature affine transform <c>(x - offset) / scale</c> learned from one split (the
/// training split) and applied unchanged to the others, so no statistic of the validation or
/// test data leaks into training.
/// </summary>
/// <remarks>
/// <para>Statistics are learned in float64, as scikit-learn does, whatever the input's precision.</para>
/// <para>
/// Missing values follow scikit-learn: NaN is ignored when fitting (each feature's statistics
/// come from its non-NaN values, like <c>numpy.nanmean</c>) and stays NaN when transformed; a
/// feature with no value at all gets NaN statistics. Infinities cannot be fitted and are an error.
/// </para>
/// </remarks>
public abstract class Scaler : IDisposable
{
    private Tensor? _offset;
    private Tensor? _scale;

    /// <summary>The gap between 1 and the next float64 (numpy's <c>finfo(float64).eps</c>), for deciding a column is constant.</summary>
    private protected const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Whether <see cref="Fit"/> has run.</summary>
    public bool IsFitted => _offset is not null;

    /// <summary>Number of features seen by <see cref="Fit"/>.</summary>
    public long FeatureCount { get; private set; }

    /// <summary>
    /// Number of rows the statistics were learned from (scikit-learn's <c>n_samples_seen_</c>),
    /// counting rows with NaN in them; a feature's statistics use only its non-NaN values.
    /// </summary>
    public long SamplesSeen { get; private set; }

    /// <summary>Learns the statistics of <paramref name="x"/>, a [samples, features] matrix; a refit replaces them.</summary>
    /// <returns>This scaler, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not a matrix with at least one row, or holds an infinity.</exception>
    public Scaler Fit(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[0] == 0)
        {
            throw new ArgumentException($"{GetType().Name} fits a [samples, features] matrix with at least one row; got {ShapeText(x)}.", nameof(x));
        }

        using var scope = NewDisposeScope();
        var data = x.detach().to_type(ScalarType.Float64);
        ThrowIfInfinite(data);
        var (offset, scale) = Learn(data);
        _offset?.Dispose();
        _scale?.Dispose();
        _offset = offset.MoveToOuterDisposeScope();
        _scale = scale.MoveToOuterDisposeScope();
        FeatureCount = x.shape[1];
        SamplesSeen = x.shape[0];
        Warnings = CheckRole(x);
        return this;
    }

    /// <summary>
    /// The data-role warning of the last <see cref="Fit"/>, when it learned from data that is not training
    /// data (NG0303; see <see cref="DataRoles"/>), also printed to <see cref="DataRoles.Output"/>.
    /// </summary>
    public IReadOnlyList<RoleWarning> Warnings { get; private set; } = [];

    /// <summary>Applies the learned transform to a [samples, features] matrix.</summary>
    /// <returns>A new tensor of the input's floating-point type (float32 for integer input), with the input's <see cref="DataRole"/>.</returns>
    public Tensor Transform(Tensor x)
    {
        Check(x);
        using var scope = NewDisposeScope();
        var result = (x.detach().to_type(ScalarType.Float64) - _offset!.to(x.device)) / _scale!.to(x.device);
        return DataRoles.Keep(result.to_type(OutputType(x)).MoveToOuterDisposeScope(), x);
    }

    /// <summary>Fits on <paramref name="x"/>, then transforms it. Use only on the training split.</summary>
    public Tensor FitTransform(Tensor x) => Fit(x).Transform(x);

    /// <summary>Undoes <see cref="Transform"/>, e.g. to report scaled regression predictions in the original units.</summary>
    public Tensor InverseTransform(Tensor x)
    {
        Check(x);
        using var scope = NewDisposeScope();
        var result = (x.detach().to_type(ScalarType.Float64) * _scale!.to(x.device)).add(_offset!.to(x.device), Scalars.One);
        return DataRoles.Keep(result.to_type(OutputType(x)).MoveToOuterDisposeScope(), x);
    }

    /// <summary>Frees the learned statistics.</summary>
    public void Dispose()
    {
        _offset?.Dispose();
        _scale?.Dispose();
        _offset = null;
        _scale = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Computes the per-feature offset and (non-zero) scale of float64 data ([samples, features]),
    /// ignoring NaN (the data holds no infinity). Runs inside a dispose scope: the returned
    /// tensors are kept, everything else is freed.
    /// </summary>
    protected abstract (Tensor Offset, Tensor Scale) Learn(Tensor x);

    /// <summary>The values of a per-feature float64 tensor.</summary>
    protected static IReadOnlyList<double> Values(Tensor perFeature) => perFeature.cpu().data<double>().ToArray();

    /// <summary>Whether each value is a number (not NaN), and how many there are per feature, as float64.</summary>
    protected static (Tensor Present, Tensor Count) Present(Tensor x)
    {
        var present = x.isnan().logical_not();
        return (present, present.sum([0L], type: ScalarType.Float64));
    }

    /// <summary>NG0303 at run time: statistics learned from validation or test data leak it into training.</summary>
    private IReadOnlyList<RoleWarning> CheckRole(Tensor x)
    {
        if (!DataRoles.Enabled || DataRoles.Of(x) is not { } role || role == DataRole.Training)
        {
            return [];
        }

        RoleWarning[] warnings = [new RoleWarning("NG0303", $"{GetType().Name}.Fit's x has {DataRoles.Describe(role)}: its statistics leak that data into training, so the score on it is no longer an estimate on unseen data; fit the scaler on the training data only and Transform the other parts with it.")];
        DataRoles.Report(warnings, DataRoles.Writer);
        return warnings;
    }

    private static ScalarType OutputType(Tensor x) => x.is_floating_point() ? x.dtype : ScalarType.Float32;

    private static string ShapeText(Tensor x) => "[" + string.Join(", ", x.shape) + "]";

    /// <summary>
    /// scikit-learn refuses infinities ("Input X contains infinity"): one would make its feature's
    /// mean or range infinite and every transformed value of that feature NaN.
    /// </summary>
    private void ThrowIfInfinite(Tensor x)
    {
        using var infinite = x.isinf();
        if (!infinite.any().item<bool>())
        {
            return;
        }

        using var where = infinite.nonzero();
        var row = where[0, 0].item<long>();
        var column = where[0, 1].item<long>();
        var value = x[row, column].item<double>();
        throw new ArgumentException(
            $"{GetType().Name} cannot fit infinite values: x[{row.ToString(CultureInfo.InvariantCulture)}, {column.ToString(CultureInfo.InvariantCulture)}] is {value.ToString(CultureInfo.InvariantCulture)}. NaN is ignored, as in scikit-learn.",
            nameof(x));
    }

    private void Check(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!IsFitted)
        {
            throw new InvalidOperationException($"{GetType().Name} is not fitted: call Fit (or FitTransform) on the training split first.");
        }

        if (x.dim() != 2 || x.shape[1] != FeatureCount)
        {
            throw new ArgumentException($"{GetType().Name} was fitted on {FeatureCount} features; got a {ShapeText(x)} tensor.", nameof(x));
        }
    }
}
