using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Analysis;

namespace NetGen.Model.Layers;

/// <summary>
/// Finds the Dense layers that map each step of a recurrent layer's returned sequence, directly or
/// through <c>Dropout</c>, <c>Activation</c> or <c>LayerNormalization</c>: a sequence classifier or
/// regressor that forgot <c>ReturnSequences = false</c> then predicts once per step, and Keras says
/// nothing. The shape rule reports it once the input is known to be that sequence (NG0121, NG0122 at
/// an output). Silent for a decoder (the recurrent layer starts from another layer's state, so per-step
/// outputs are its point) and when anything else comes between (attention, pooling, another
/// recurrent or Dense layer): what reaches the Dense is then no longer the sequence as returned;
/// and when the Dense's steps go on into a layer that works across steps (another recurrent layer,
/// attention, pooling, Flatten): per-step outputs are then clearly meant.
/// </summary>
internal static class SequenceReaders
{
    public static void Resolve(NetworkDefinition network, LayerResult[] results, IReadOnlyDictionary<string, int> layerIndexes)
    {
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Config is DenseConfig { TimeDistributed: false } config && results[i].InputsKnown && results[i].InputNames.Count == 1
                && ReturnedSequence(network, results, layerIndexes, results[i].InputNames[0]) is { } recurrent
                && !FeedsAcrossSteps(network, results, i, timeDistributedCounts: false))
            {
                var recurrentConfig = (RecurrentConfig)results[recurrent].Config!;
                results[i].Config = config with
                {
                    ReadsSequenceOf = new LowerLayer(recurrent, network.Layers[recurrent].Name, recurrentConfig.Cell, recurrentConfig.OutputSize),
                    LastOutputFits = !FeedsAcrossSteps(network, results, recurrent, timeDistributedCounts: true),
                };
            }
        }
    }

    /// <summary>
    /// Whether the output of layer <paramref name="index"/> reaches, through per-step layers, a layer
    /// that works across steps (anything but Dense, Dropout, Activation, LayerNormalization), or, when
    /// <paramref name="timeDistributedCounts"/>, a Dense with <c>TimeDistributed = true</c>. Asked of
    /// the recurrent layer itself, it says whether <c>ReturnSequences = false</c> would leave every
    /// layer after it valid: per-step layers map one vector as well as a sequence, but a
    /// TimeDistributed Dense requires the steps.
    /// </summary>
    private static bool FeedsAcrossSteps(NetworkDefinition network, LayerResult[] results, int index, bool timeDistributedCounts)
    {
        var pending = new Queue<int>();
        var visited = new HashSet<int> { index };
        pending.Enqueue(index);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            for (var reader = 0; reader < results.Length; reader++)
            {
                if (visited.Contains(reader) || !results[reader].InputNames.Contains(network.Layers[current].Name))
                {
                    continue;
                }

                if (results[reader].Config is not (DenseConfig or DropoutConfig or ActivationConfig or LayerNormalizationConfig)
                    || (timeDistributedCounts && results[reader].Config is DenseConfig { TimeDistributed: true }))
                {
                    return true;
                }

                visited.Add(reader);
                pending.Enqueue(reader);
            }
        }

        return false;
    }

    /// <summary>The recurrent layer, returning sequences and starting from no other state, whose output reaches <paramref name="name"/> unchanged per step, or null.</summary>
    private static int? ReturnedSequence(NetworkDefinition network, LayerResult[] results, IReadOnlyDictionary<string, int> layerIndexes, string name)
    {
        var visited = new HashSet<int>();
        while (layerIndexes.TryGetValue(name, out var index) && visited.Add(index) && results[index] is { Config: { } config, InputNames.Count: 1 } result)
        {
            switch (config)
            {
                case RecurrentConfig recurrent:
                    return recurrent.ReturnSequences && recurrent.InitialState is null ? index : null;
                case DropoutConfig or ActivationConfig or LayerNormalizationConfig:
                    name = result.InputNames[0];
                    break;
                default:
                    return null;
            }
        }

        return null;
    }
}
