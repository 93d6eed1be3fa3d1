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
    /// <summary>Creates the layer reshaping each sample to <paramref name="targetShape"/>.</summary>
    public Reshape(params long[] targetShape) : base(nameof(Reshape))
    {
        ArgumentNullException.ThrowIfNull(targetShape);
        if (targetShape.Length == 0 || targetShape.Any(static d => d == 0 || d < -1) || targetShape.Count(static d => d == -1) > 1)
        {
            throw new ArgumentException($"A target shape has positive dimensions and at most one -1; got ({string.Join(", ", targetShape)}).", nameof(targetShape));
        }

        TargetShape = (long[])targetShape.Clone();
    }

    /// <summary>The shape of one output sample.</summary>
    public long[] TargetShape { get; }

    /// <inheritdoc />
    /// <remarks>
    /// The batch size is passed explicitly: with -1 for the batch, a sample whose size does not
    /// fit the target would silently spill into the next one and change the number of samples.
    /// </remarks>
    public override Tensor forward(Tensor input) => input.reshape([input.shape[0], .. TargetShape]);
}
