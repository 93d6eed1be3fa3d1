using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// The largest value of each channel of a (batch, channels, height, width) input, giving
/// (batch, channels) (the module behind <see cref="GlobalMaxPooling2DAttribute"/>).
/// </summary>
public sealed class GlobalMaxPooling2D : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    public GlobalMaxPooling2D() : base(nameof(GlobalMaxPooling2D))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.amax([2, 3]);
}
