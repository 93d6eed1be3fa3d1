using System;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// What a generated <c>forward</c> does with the outputs of a sub-network: keeps the one a
/// <c>[SubNetwork(Output = ...)]</c> layer gives to the layers after it, or its logits when the
/// network using it trains from them.
/// </summary>
public static class SubNetworkOutputs
{
    /// <summary>
    /// The output <paramref name="select"/> picks from <paramref name="outputs"/>; the others are
    /// disposed at once, as a generated <c>forward</c> disposes every intermediate after its last use.
    /// </summary>
    public static Tensor Take<TOutputs>(TOutputs outputs, Func<TOutputs, Tensor> select)
        where TOutputs : INetworkOutputs
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(select);
        var kept = select(outputs);
        foreach (var output in outputs.ToArray())
        {
            if (!ReferenceEquals(output, kept))
            {
                output.Dispose();
            }
        }

        return kept;
    }

    /// <summary>
    /// Output <paramref name="output"/> of <paramref name="network"/> run through its
    /// <see cref="INetwork.RunLogits"/> (before the sigmoid or softmax it ends in), for a network
    /// that trains from the logits of an output that is a sub-network's; the other outputs are
    /// disposed at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="output"/> is not one of the network's outputs.</exception>
    public static Tensor Logits(INetwork network, int output, params Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(inputs);
        var count = network.Description.Outputs.Count;
        if (output < 0 || output >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(output), output, $"{network.Description.Name} has {count} output(s); output {output} does not exist.");
        }

        var outputs = network.RunLogits(inputs);
        for (var i = 0; i < outputs.Length; i++)
        {
            if (i != output)
            {
                outputs[i].Dispose();
            }
        }

        return outputs[output];
    }
}
