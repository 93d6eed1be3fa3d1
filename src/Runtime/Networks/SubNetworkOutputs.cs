using System;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// What a generated <c>forward</c> does with the outputs of a sub-network that has several, when
/// a <c>[SubNetwork(Output = ...)]</c> layer gives one of them to the layers after it.
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
}
