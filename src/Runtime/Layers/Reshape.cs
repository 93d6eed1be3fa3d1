using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Gives each sample a new shape, batch axis excluded (the module behind <see cref="ReshapeAttribute"/>).
/// One dimension may be -1, inferred from the others.
/// </summary>
public sealed class Reshape : nn.Module<Tensor, Tensor>
{
    // The target with the batch axis in front: -1 for the batch when the target is fully given;
    // otherwise the target's own -1 is the one inferred and the batch size is set per call.
    private readonly long[] _batchShape;
    private readonly bool _infersDimension;

    /// <summary>Creates the layer reshaping each sample to <paramref name="targetShape"/>.</summary>
    public Reshape(params long[] targetShape) : base(nameof(Reshape))
    {
        ArgumentNullException.ThrowIfNull(targetShape);
        if (targetShape.Length == 0 || targetShape.Any(static d => d == 0 || d < -1) || targetShape.Count(static d => d == -1) > 1)
        {
            throw new ArgumentException($"A target shape has positive dimensions and at most one -1; got ({string.Join(", ", targetShape)}).", nameof(targetShape));
        }

        TargetShape = (long[])targetShape.Clone();
        _batchShape = [-1, .. TargetShape];
        _infersDimension = TargetShape.Contains(-1);
    }

    /// <summary>The shape of one output sample.</summary>
    public long[] TargetShape { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        return _infersDimension ? input.reshape([input.shape[0], .. TargetShape]) : input.reshape(_batchShape);
    }
}
