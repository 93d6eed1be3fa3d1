using System.Collections.Generic;
using NetGen.Model.Analysis;

namespace NetGen.Model.Layers;

/// <summary>
/// Keras's padding masks, found from the layers' configurations once every reference is resolved
/// and before the graph is ordered: an input of a layer that reads masks
/// (<see cref="LayerRule.MaskedInputs"/>: recurrent layers, the 1D global poolings, the attention
/// layers) carries one when an <c>Embedding(MaskZero = true)</c> reaches it through layers that
/// pass the mask (<see cref="LayerRule.PassesMask"/>). The embedding's token ids then become the
/// layer's first links, one per masked input, and its configuration says which inputs they mask
/// (<see cref="LayerRule.WithMasks"/>). <see cref="RecurrentLinks"/> adds the states after them.
/// </summary>
internal static class MaskLinks
{
    public static void Resolve(NetworkDefinition network, LayerResult[] results, IReadOnlyDictionary<string, int> layerIndexes)
    {
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Config is not { } config || !results[i].InputsKnown)
            {
                continue;
            }

            var rule = LayerRules.For(network.Layers[i].Kind);
            var positions = rule.MaskedInputs(config);
            if (positions.Count == 0)
            {
                continue;
            }

            var links = new List<string>();
            var masked = new bool[positions.Count];
            for (var p = 0; p < positions.Count; p++)
            {
                if (positions[p] < results[i].InputNames.Count && Source(network, results, layerIndexes, results[i].InputNames[positions[p]]) is { } tokens)
                {
                    links.Add(tokens);
                    masked[p] = true;
                }
            }

            results[i].Links = links;
            results[i].Config = rule.WithMasks(config, masked);
        }
    }

    /// <summary>The token ids of the masking embedding that reaches <paramref name="name"/>, or null.</summary>
    private static string? Source(NetworkDefinition network, LayerResult[] results, IReadOnlyDictionary<string, int> layerIndexes, string name)
    {
        var visited = new HashSet<int>();
        while (layerIndexes.TryGetValue(name, out var index) && visited.Add(index) && results[index] is { Config: { } config, InputNames.Count: > 0 } result)
        {
            if (config is EmbeddingConfig embedding)
            {
                return embedding.MaskZero && result.InputsKnown ? result.InputNames[0] : null;
            }

            if (!LayerRules.For(network.Layers[index].Kind).PassesMask(config))
            {
                return null;
            }

            name = result.InputNames[0];
        }

        return null;
    }
}
