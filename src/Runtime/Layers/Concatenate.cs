using System;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Joins several tensors along one axis (the module behind <see cref="ConcatenateAttribute"/>).
/// The axis counts the batch axis as 0, as Keras does.
/// </summary>
public sealed class Concatenate : nn.Module<Tensor[], Tensor>
{
    /// <summary>Creates the layer joining along <paramref name="axis"/>.</summary>
    public Concatenate(int axis = -1) : base(nameof(Concatenate)) => Axis = axis;

    /// <summary>The axis joined, batch axis included; negative values count from the end.</summary>
    public int Axis { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length < 2)
        {
            throw new ArgumentException($"Concatenate needs at least two inputs; got {inputs.Length}.", nameof(inputs));
        }

        return cat(inputs, Axis);
    }
}
