using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// The mean over the steps of a (batch, steps, features) input, giving (batch, features) (the
/// module behind <see cref="GlobalAveragePooling1DAttribute"/>).
/// </summary>
public sealed class GlobalAveragePooling1D : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    public GlobalAveragePooling1D() : base(nameof(GlobalAveragePooling1D))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.mean([1]);
}
