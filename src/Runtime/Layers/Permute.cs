using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Reorders the axes of each sample (the module behind <see cref="PermuteAttribute"/>). Axes count
/// from 1, as in Keras; the batch axis stays first.
/// </summary>
public sealed class Permute : nn.Module<Tensor, Tensor>
{
    private readonly long[] _order;

    /// <summary>Creates the layer; <paramref name="dims"/> lists the input axes in output order, from 1.</summary>
    public Permute(params int[] dims) : base(nameof(Permute))
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length == 0 || !dims.OrderBy(static d => d).SequenceEqual(Enumerable.Range(1, dims.Length)))
        {
            throw new ArgumentException($"Permute needs a permutation of 1..{dims.Length}; got ({string.Join(", ", dims)}).", nameof(dims));
        }

        Dims = (int[])dims.Clone();
        _order = [0, .. dims.Select(static d => (long)d)];
    }

    /// <summary>The input axes in output order, from 1.</summary>
    public int[] Dims { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.permute(_order);
}
