using System;
using static TorchSharp.torch;

namespace NetGen.Metrics;

/// <summary>Mean absolute error over every output of the epoch.</summary>
public sealed class MeanAbsoluteError : MetricAccumulator
{
    private double _sum;
    private long _count;

    /// <inheritdoc />
    public override string Name => "mae";

    /// <inheritdoc />
    public override void Reset() => (_sum, _count) = (0, 0);

    /// <inheritdoc />
    public override void Update(Tensor predictions, Tensor targets)
    {
        var (p, y) = (Values(predictions), Values(targets));
        ErrorSums.Check(p, y, Name);
        for (var i = 0; i < p.Length; i++)
        {
            _sum += Math.Abs(p[i] - y[i]);
        }

        _count += p.Length;
    }

    /// <inheritdoc />
    public override double Result() => _count == 0 ? double.NaN : _sum / _count;
}
