using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// What the attention layers (<see cref="Attention"/>, <see cref="AdditiveAttention"/>,
/// <see cref="MultiHeadAttention"/>) share about masks, as Keras applies them: value steps that
/// are padding (their token id is 0) or, with a causal mask, after the query step get no weight
/// (Keras subtracts 10⁹ from their scores before the softmax), and the outputs at padded query
/// steps are zeros. The generated <c>forward</c> passes the tokens through a <c>Run</c> method,
/// which fires the module's hooks as TorchSharp's <c>call</c> does (<see cref="CallWithHooks"/>).
/// </summary>
public abstract class MaskedAttentionLayer : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>What Keras subtracts from a masked score: its softmax weight underflows to 0.</summary>
    private const double MaskedScore = 1e9;

    /// <summary>Creates the layer.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="useCausalMask">Whether query step i attends only to value steps 0..i.</param>
    protected MaskedAttentionLayer(string name, bool useCausalMask) : base(name)
    {
        UseCausalMask = useCausalMask;
    }

    /// <summary>Whether query step i attends only to value steps 0..i (Keras's <c>use_causal_mask</c>).</summary>
    public bool UseCausalMask { get; }

    /// <summary>
    /// Runs <paramref name="run"/> as TorchSharp's <c>call</c> runs <c>forward</c>: pre-hooks first
    /// (which may replace the query and the value), forward hooks after (which may replace the output).
    /// </summary>
    protected Tensor CallWithHooks(Tensor query, Tensor value, Func<Tensor, Tensor, Tensor> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var hook in module_pre_hooks.Values)
        {
            hook(this);
        }

        foreach (var hook in pre_hooks.Values)
        {
            if (hook(this, query, value) is { } replaced)
            {
                (query, value) = replaced;
            }
        }

        var result = run(query, value);
        foreach (var hook in post_hooks.Values)
        {
            result = hook(this, query, value, result) ?? result;
        }

        foreach (var hook in module_post_hooks.Values)
        {
            hook(this);
        }

        return result;
    }

    /// <summary>
    /// What is added to the scores (batch or 1, Tq, Tv): -10⁹ where the value step is padding
    /// (<paramref name="valueTokens"/> is 0) or, with <see cref="UseCausalMask"/>, after the query
    /// step; null when nothing is masked.
    /// </summary>
    protected Tensor? ScoreMask(Tensor query, Tensor value, Tensor? valueTokens)
    {
        Tensor? allowed = null;
        if (valueTokens is not null)
        {
            allowed = MaskedLayer.RealSteps(GetName(), value, valueTokens, nameof(valueTokens)).unsqueeze(1);
        }

        if (UseCausalMask)
        {
            // Keras's causal mask is lower triangular from the first steps: value step j <= query step i.
            // (tril, not two aranges compared: arange(stop) makes Scalars that nothing keeps alive.)
            var causal = ones(query.shape[1], value.shape[1], dtype: ScalarType.Bool, device: query.device).tril().unsqueeze(0);
            allowed = allowed is null ? causal : allowed.logical_and(causal);
        }

        if (allowed is null)
        {
            return null;
        }

        // An explicit Scalar, kept alive until libtorch is done with it (see MaskedLayer.RealSteps).
        using var score = (-MaskedScore).ToScalar();
        return allowed.logical_not().to(query.dtype).mul(score);
    }

    /// <summary><paramref name="output"/> (batch, Tq, features) with zeros at the padded query steps, or unchanged without <paramref name="queryTokens"/>.</summary>
    protected Tensor ZeroPaddedQueries(Tensor output, Tensor query, Tensor? queryTokens) =>
        queryTokens is null ? output : output.mul(MaskedLayer.RealSteps(GetName(), query, queryTokens, nameof(queryTokens)).unsqueeze(2).to(output.dtype));
}
