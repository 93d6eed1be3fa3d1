using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// The largest value over the steps of a (batch, steps, features) input, per feature, giving
/// (batch, features) (the module behind <see cref="GlobalMaxPooling1DAttribute"/>). Given the
/// token ids of a masking embedding (<see cref="Run"/>), the largest value among the real steps.
/// </summary>
public sealed class GlobalMaxPooling1D : MaskedLayer
{
    /// <summary>Creates the layer.</summary>
    public GlobalMaxPooling1D() : base(nameof(GlobalMaxPooling1D))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.amax([1]);

    /// <summary>
    /// The largest value over the steps whose id in <paramref name="tokens"/> (batch, steps) is not 0
    /// (Keras's own layer ignores the mask and reads padded steps too); a sequence without a real
    /// step gives zeros. Hooks fire as for <c>call</c>.
    /// </summary>
    public Tensor Run(Tensor input, Tensor? tokens) => tokens is null ? call(input) : CallWithHooks(input, x =>
    {
        using var scope = NewDisposeScope();
        var real = RealSteps(nameof(GlobalMaxPooling1D), x, tokens, nameof(tokens)).unsqueeze(2);
        using var negativeInfinity = double.NegativeInfinity.ToScalar();
        var largest = x.masked_fill(real.logical_not(), negativeInfinity).amax([1]);
        return where(real.any(1), largest, zeros_like(largest)).MoveToOuterDisposeScope();
    });
}
