using System;
using static TorchSharp.torch;

namespace NetGen.Metrics;

/// <summary>
/// A metric accumulated over a whole epoch: <see cref="Update"/> per batch, <see cref="Result"/>
/// once. Results are exact over the epoch, not means of per-batch values.
/// </summary>
public abstract class MetricAccumulator
{
    /// <summary>The name used in logs and <c>History</c> (Keras's).</summary>
    public abstract string Name { get; }

    /// <summary>Forgets everything accumulated.</summary>
    public abstract void Reset();

    /// <summary>Adds one batch.</summary>
    public abstract void Update(Tensor predictions, Tensor targets);

    /// <summary>The metric over everything since the last reset.</summary>
    public abstract double Result();

    /// <summary>The accumulator of <paramref name="metric"/>.</summary>
    public static MetricAccumulator For(Metric metric) => metric switch
    {
        Metric.Accuracy => new Accuracy(),
        Metric.RocAuc => new RocAuc(),
        Metric.Mae => new MeanAbsoluteError(),
        Metric.Mse => new MeanSquaredError(),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>Values of a tensor as doubles on the CPU, row-major.</summary>
    protected static double[] Values(Tensor tensor) =>
        tensor.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
}
