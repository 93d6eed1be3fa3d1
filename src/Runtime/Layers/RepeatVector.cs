using System;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Repeats a (batch, features) input along a new steps axis, giving (batch, n, features) (the
/// module behind <see cref="RepeatVectorAttribute"/>).
/// </summary>
public sealed class RepeatVector : nn.Module<Tensor, Tensor>
{
    private readonly long _n;

    /// <summary>Creates the layer.</summary>
    /// <param name="n">How many steps the output has; positive.</param>
    public RepeatVector(long n) : base(nameof(RepeatVector))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        _n = n;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 2)
        {
            throw new ArgumentException($"RepeatVector takes (batch, features); got a tensor of shape [{string.Join(", ", input.shape)}].", nameof(input));
        }

        // A copy rather than an expanded view: later layers may write into their input.
        return input.unsqueeze(1).repeat(1, _n, 1);
    }
}
