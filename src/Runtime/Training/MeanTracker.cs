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
        using var noGrad = no_grad();
        // One element in any shape ([] or [1]) is summed as a scalar, so every tracker stacks alike.
        var weighted = value.detach().reshape([]).to_type(ScalarType.Float64).mul(samples);
        if (_sum is null)
        {
            _sum = weighted.clone().DetachFromDisposeScope();
        }
        else
        {
            _sum.add_(weighted);
        }

        Count += samples;
    }

    public void Reset()
    {
        _sum?.Dispose();
        _sum = null;
        Count = 0;
    }
}
