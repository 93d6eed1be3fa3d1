using System;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>Element-wise sum of several tensors of identical shape (the module behind <see cref="AddAttribute"/>).</summary>
public sealed class Add : nn.Module<Tensor[], Tensor>
{
    /// <summary>Creates the layer.</summary>
    public Add() : base(nameof(Add))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length < 2)
        {
            throw new ArgumentException($"Add needs at least two inputs; got {inputs.Length}.", nameof(inputs));
        }

        var sum = inputs[0].add(inputs[1], Scalars.One);
        for (var i = 2; i < inputs.Length; i++)
        {
            sum = sum.add(inputs[i], Scalars.One);
        }

        return sum;
    }
}
