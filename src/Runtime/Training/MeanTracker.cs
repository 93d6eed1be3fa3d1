using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// A sample-weighted mean of per-batch values (a loss, a logged term), summed on the values'
/// device so that no batch waits for a copy to the host; <see cref="Sum"/> is read at progress updates.
/// </summary>
internal sealed class MeanTracker
{
    private Tensor? _sum;

    public MeanTracker(string name) => Name = name;

    public string Name { get; }

    /// <summary>Samples counted so far.</summary>
    public long Count { get; private set; }

    /// <summary>The running sum (float64, on the values' device), or null before the first value.</summary>
    public Tensor? Sum => _sum;

    public void Add(Tensor value, long samples)
    {
        // One in-place op per batch, as a hand-written loop sums its loss: add_ promotes the value
        // to the float64 sum and scales it by the sample count. One element in any shape ([] or [1])
        // is summed as a scalar, so every tracker stacks alike; a bool value cannot be scaled by an
        // integer alpha, so it is converted first.
        _sum ??= zeros(Array.Empty<long>(), ScalarType.Float64, device: value.device).DetachFromDisposeScope();
        var detached = value.detach();
        if (detached.dim() != 0)
        {
            detached = detached.reshape([]);
        }

        if (detached.dtype == ScalarType.Bool)
        {
            detached = detached.to_type(ScalarType.Float64);
        }

        using var weight = samples.ToScalar();
        _sum.add_(detached, alpha: weight);
        Count += samples;
    }

    public void Reset()
    {
        _sum?.Dispose();
        _sum = null;
        Count = 0;
    }
}
