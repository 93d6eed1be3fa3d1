using System.Collections.Generic;
using NetGen.Model.Analysis;

namespace NetGen.Model.Layers;

/// <summary>
/// What a recurrent layer reads besides its input and its mask (<see cref="MaskLinks"/>, run
/// before), found from the layers' configurations once every reference is resolved and before
/// the graph is ordered:
/// <list type="bullet">
/// <item>the layer named by <c>InitialState</c>, whose final state it starts from (NG0118 when
/// that state cannot be this layer's: not a recurrent layer, another kind, another size);</item>
/// <item>a lower recurrent layer whose last output it reads: the shape rule reports NG0117 at the
/// lower layer, where <c>ReturnSequences = true</c> goes, instead of NG0116.</item>
/// </list>
/// The links are <see cref="LayerResult.Links"/>, in that order (tokens, then state).
/// </summary>
internal static class RecurrentLinks
{
    public static void Resolve(NetworkDefinition network, LayerResult[] results, IReadOnlyDictionary<string, int> layerIndexes, ISet<string> inputNames, List<Issue> issues)
    {
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Config is not RecurrentConfig config || !results[i].InputsKnown || results[i].InputNames.Count == 0)
            {
                continue;
            }

            // After the mask's token ids, which MaskLinks put first.
            var links = new List<string>(results[i].Links);
            var start = results[i].InputNames[0];
            if (LowerLastOutput(network, results, layerIndexes, start) is { } lower)
            {
                // Reported by the shape rule once the input is known to be that last output, so a
                // lower layer with problems of its own does not also get this one.
                var lowerConfig = (RecurrentConfig)results[lower].Config!;
                config = config with { StackedOn = new LowerLayer(lower, network.Layers[lower].Name, lowerConfig.Cell, lowerConfig.OutputSize) };
            }

            if (config.InitialState is { } source)
            {
                // Linked even when it does not fit (reported, and nothing is generated), so that the
                // layer it names does not also look unused.
                links.Add(source);
                if (StateSource(network, results, layerIndexes, inputNames, i, config, source, issues))
                {
                    results[layerIndexes[source]].ProvidesState = true;
                }
            }

            results[i].Links = links;
            results[i].Config = config;
        }
    }

    /// <summary>A recurrent layer returning only its last output that reaches <paramref name="name"/> through per-step layers, or null.</summary>
    private static int? LowerLastOutput(NetworkDefinition network, LayerResult[] results, IReadOnlyDictionary<string, int> layerIndexes, string name)
    {
        var visited = new HashSet<int>();
        while (layerIndexes.TryGetValue(name, out var index) && visited.Add(index) && results[index] is { Config: { } config, InputNames.Count: > 0 } result)
        {
            if (config is RecurrentConfig recurrent)
            {
                return recurrent.ReturnSequences ? null : index;
            }

            if (!LayerRules.For(network.Layers[index].Kind).PassesMask(config))
            {
                return null;
            }

            name = result.InputNames[0];
        }

        return null;
    }

    /// <summary>Whether <paramref name="source"/> is a state this layer can start from; reports why not.</summary>
    private static bool StateSource(
        NetworkDefinition network,
        LayerResult[] results,
        IReadOnlyDictionary<string, int> layerIndexes,
        ISet<string> inputNames,
        int index,
        RecurrentConfig config,
        string source,
        List<Issue> issues)
    {
        var name = network.Layers[index].Name;
        var site = Site.LayerArgument(index, "InitialState");
        string? reason = null;
        if (!layerIndexes.TryGetValue(source, out var sourceIndex))
        {
            if (!inputNames.Contains(source))
            {
                issues.Add(new Issue(ProblemKind.UnknownReference, site, name, source, network.Name, Format.Quoted(inputNames)));
                return false;
            }

            reason = "'" + source + "' is an input, not a recurrent layer";
        }
        else if (results[sourceIndex].Config is not { } sourceConfig)
        {
            // Its own problems are reported where they are.
            return false;
        }
        else if (sourceConfig is not RecurrentConfig encoder)
        {
            reason = "'" + source + "' is a " + LayerRules.For(network.Layers[sourceIndex].Kind).TypeName + " layer, not a recurrent layer";
        }
        else if (encoder.Cell != config.Cell && (encoder.Cell == LayerKind.LSTM || config.Cell == LayerKind.LSTM))
        {
            reason = "'" + source + "' is " + Article(encoder.Cell) + " layer, whose state " + (encoder.Cell == LayerKind.LSTM ? "has a cell state besides the hidden one" : "is a hidden state only")
                + "; start " + Article(config.Cell) + " layer from " + Article(config.Cell) + " layer";
        }
        else if (encoder.Cell != config.Cell)
        {
            reason = "'" + source + "' is " + Article(encoder.Cell) + " layer; start " + Article(config.Cell) + " layer from " + Article(config.Cell) + " layer";
        }
        else if (encoder.StateSize != config.Units)
        {
            reason = "its final state has " + Format.Number(encoder.StateSize) + " values per sample"
                + (encoder.Bidirectional ? " (" + Format.Number(encoder.Units) + " units in each of 2 directions)" : string.Empty)
                + " and this layer has " + Format.Number(config.Units) + " units; give it " + Format.Number(encoder.StateSize) + " units";
        }

        if (reason is null)
        {
            return true;
        }

        issues.Add(new Issue(ProblemKind.InitialStateMismatch, site, config.Cell.ToString(), name, source, reason));
        return false;
    }

    /// <summary>"an LSTM", "a GRU", "a SimpleRNN".</summary>
    private static string Article(LayerKind cell) => (cell == LayerKind.LSTM ? "an " : "a ") + cell;
}
