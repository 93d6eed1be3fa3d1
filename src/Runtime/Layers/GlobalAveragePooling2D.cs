using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// The mean of each channel of a (batch, channels, height, width) input, giving
/// (batch, channels) (the module behind <see cref="GlobalAveragePooling2DAttribute"/>).
/// </summary>
public sealed class GlobalAveragePooling2D : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    public GlobalAveragePooling2D() : base(nameof(GlobalAveragePooling2D))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.mean([2, 3]);
}
