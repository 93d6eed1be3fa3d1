using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// A one-input layer that also reads a padding mask (Keras's <c>mask</c> argument): the token ids
/// of an <c>Embedding(MaskZero = true)</c>, whose 0 marks a padded step. The generated
/// <c>forward</c> calls it through a <c>Run</c> method with the tokens; <see cref="CallWithHooks"/>
/// gives that call the module's hooks, as TorchSharp's <c>call</c> gives them to <c>forward</c>.
/// </summary>
public abstract class MaskedLayer : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The module's name.</param>
    protected MaskedLayer(string name) : base(name)
    {
    }

    /// <summary>
    /// Runs <paramref name="run"/> as TorchSharp's <c>call</c> runs <c>forward</c>: the module's
    /// pre-hooks first (a forward pre-hook may replace the input), its forward hooks after (which
    /// may replace the output), so a hook sees a masked call as it sees any other.
    /// </summary>
    protected Tensor CallWithHooks(Tensor input, Func<Tensor, Tensor> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var hook in module_pre_hooks.Values)
        {
            hook(this);
        }

        foreach (var hook in pre_hooks.Values)
        {
            input = hook(this, input) ?? input;
        }

        var result = run(input);
        foreach (var hook in post_hooks.Values)
        {
            result = hook(this, input, result) ?? result;
        }

        foreach (var hook in module_post_hooks.Values)
        {
            hook(this);
        }

        return result;
    }

    /// <summary>
    /// The real steps (batch, steps) of <paramref name="input"/> (batch, steps, features): true where
    /// <paramref name="tokens"/> is not 0. Throws when the tokens are not (batch, steps) integers.
    /// </summary>
    internal static Tensor RealSteps(string layer, Tensor input, Tensor tokens, string parameter)
    {
        if (tokens.dim() != 2 || tokens.shape[0] != input.shape[0] || tokens.shape[1] != input.shape[1] || tokens.is_floating_point())
        {
            throw new ArgumentException(
                $"The token ids that mask a {layer} layer's input are (batch, steps) = ({input.shape[0]}, {input.shape[1]}) integers; got {tokens.dtype} ({string.Join(", ", tokens.shape)}).",
                parameter);
        }

        // An explicit Scalar kept alive (and freed) by the using: an implicit one becomes garbage as soon as
        // its handle is read, and the finalizer may free it while libtorch still reads it ("Unknown scalar type").
        using var padding = 0.ToScalar();
        return tokens.ne(padding);
    }
}
