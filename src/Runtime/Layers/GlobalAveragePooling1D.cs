using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// The mean over the steps of a (batch, steps, features) input, giving (batch, features) (the
/// module behind <see cref="GlobalAveragePooling1DAttribute"/>). Given the token ids of a masking
/// embedding (<see cref="Run"/>), the mean of the real steps only, as Keras's masked pooling.
/// </summary>
public sealed class GlobalAveragePooling1D : MaskedLayer
{
    /// <summary>Creates the layer.</summary>
    public GlobalAveragePooling1D() : base(nameof(GlobalAveragePooling1D))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.mean([1]);

    /// <summary>
    /// The mean over the steps whose id in <paramref name="tokens"/> (batch, steps) is not 0; a
    /// sequence without a real step gives zeros (Keras divides 0 by 0 there). Hooks fire as for <c>call</c>.
    /// </summary>
    public Tensor Run(Tensor input, Tensor? tokens) => tokens is null ? call(input) : CallWithHooks(input, x =>
    {
        using var scope = NewDisposeScope();
        var real = RealSteps(nameof(GlobalAveragePooling1D), x, tokens, nameof(tokens)).unsqueeze(2).to(x.dtype);
        return x.mul(real).sum(1).div(real.sum(1).clamp_min(Scalars.One)).MoveToOuterDisposeScope();
    });
}
