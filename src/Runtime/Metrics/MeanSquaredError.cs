using static TorchSharp.torch;

namespace NetGen.Metrics;

/// <summary>Mean squared error over every output of the epoch.</summary>
public sealed class MeanSquaredError : MetricAccumulator
{
    private Tensor? _sum;
    private long _count;

    /// <inheritdoc />
    public override string Name => "mse";

    /// <inheritdoc />
    public override void Reset()
    {
        Clear(ref _sum);
        _count = 0;
    }

    /// <inheritdoc />
    public override void Update(Tensor predictions, Tensor targets)
    {
        var y = AlignTargets(predictions, targets);
        Accumulate(ref _sum, (predictions.to_type(ScalarType.Float64) - y.to_type(ScalarType.Float64)).pow(Scalars.Two).sum());
        _count += predictions.numel();
    }

    /// <inheritdoc />
    public override double Result() => _count == 0 || _sum is null ? double.NaN : _sum.item<double>() / _count;

    /// <inheritdoc />
    public override MetricAccumulator NewInstance() => new MeanSquaredError();
}
