using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// The largest value over the steps of a (batch, steps, features) input, per feature, giving
/// (batch, features) (the module behind <see cref="GlobalMaxPooling1DAttribute"/>).
/// </summary>
public sealed class GlobalMaxPooling1D : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    public GlobalMaxPooling1D() : base(nameof(GlobalMaxPooling1D))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.amax([1]);
}
