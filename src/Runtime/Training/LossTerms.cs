using System;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// How a generated <c>forward</c> hands its loss terms (methods marked <c>[LossTerm]</c>) to the
/// training or evaluation step that runs it, as Keras's <c>add_loss</c> does: the step adds each term
/// to the loss and logs it under its name. Outside a step nothing collects them and <c>forward</c>
/// does not compute them.
/// </summary>
public static class LossTerms
{
    /// <summary>Whether a step is collecting <paramref name="network"/>'s loss terms.</summary>
    public static bool AreCollected(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Core.CollectedLossTerms is not null;
    }

    /// <summary>Hands a loss term to the step collecting them.</summary>
    /// <exception cref="InvalidOperationException">No step is collecting loss terms.</exception>
    /// <exception cref="ArgumentException">The value is not a scalar.</exception>
    public static void Add(INetwork network, string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var collected = network.Core.CollectedLossTerms
            ?? throw new InvalidOperationException($"Loss term '{name}' of {network.Description.Name} was added outside a training or evaluation step; check LossTerms.AreCollected first.");
        if (value.numel() != 1)
        {
            throw new ArgumentException($"Loss term '{name}' of {network.Description.Name} must return a scalar; it returned shape {Shape.Format(value.shape)}. Reduce it over the batch (mean or sum).", nameof(value));
        }

        collected.Add((name, value));
    }
}
