using System;
using static TorchSharp.torch;

namespace NetGen.Metrics;

/// <summary>
/// A metric accumulated over a whole epoch: <see cref="Update"/> per batch, <see cref="Result"/>
/// once. Results are exact over the epoch, not means of per-batch values. Updates stay on the
/// tensors' device (no copy to the host per batch); <see cref="Result"/> reads the total once.
/// </summary>
public abstract class MetricAccumulator
{
    /// <summary>The name used in logs and <c>History</c> (Keras's).</summary>
    public abstract string Name { get; }

    /// <summary>Forgets everything accumulated.</summary>
    public abstract void Reset();

    /// <summary>Adds one batch: the network's outputs (probabilities for sigmoid and softmax outputs) and the targets.</summary>
    public abstract void Update(Tensor predictions, Tensor targets);

    /// <summary>The metric over everything since the last reset; NaN before any update.</summary>
    public abstract double Result();

    /// <summary>
    /// A new accumulator with this one's configuration and nothing accumulated. Compile options
    /// hold metrics as prototypes; every training or evaluation run accumulates into its own copies.
    /// </summary>
    public abstract MetricAccumulator NewInstance();

    /// <summary>The accumulator of <paramref name="metric"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is not a defined value.</exception>
    public static MetricAccumulator For(Metric metric) => metric switch
    {
        Metric.Accuracy => new Accuracy(),
        Metric.RocAuc => new RocAuc(),
        Metric.Mae => new MeanAbsoluteError(),
        Metric.Mse => new MeanSquaredError(),
        _ => throw new ArgumentException($"{(int)metric} is not a defined Metric value.", nameof(metric)),
    };

    /// <summary>Lets <see cref="Metric"/> values stand for their accumulators: <c>metrics: [Metric.Accuracy, new RocAuc()]</c>.</summary>
    public static implicit operator MetricAccumulator(Metric metric) => For(metric);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>
    /// A running total kept on <paramref name="value"/>'s device: created on first use outside any
    /// dispose scope (it outlives the batch that created it), disposed by <see cref="Reset"/>.
    /// </summary>
    protected static Tensor Accumulate(ref Tensor? total, Tensor value)
    {
        if (total is null)
        {
            total = value.detach().clone().DetachFromDisposeScope();
        }
        else
        {
            total.add_(value, Scalars.One);
        }

        return total;
    }

    /// <summary>Disposes a running total and forgets it.</summary>
    protected static void Clear(ref Tensor? total)
    {
        total?.Dispose();
        total = null;
    }

    /// <summary>Targets as a tensor shaped like <paramref name="predictions"/> (a 1-D target of a one-column output is accepted).</summary>
    protected Tensor AlignTargets(Tensor predictions, Tensor targets)
    {
        if (targets.shape.AsSpan().SequenceEqual(predictions.shape))
        {
            return targets;
        }

        if (targets.dim() == 1 && predictions.dim() == 2 && predictions.shape[1] == 1 && targets.shape[0] == predictions.shape[0])
        {
            return targets.reshape(-1, 1);
        }

        throw new ArgumentException($"{Name} needs one target per prediction; got predictions {Shape.Format(predictions.shape)} and targets {Shape.Format(targets.shape)}.", nameof(targets));
    }
}
