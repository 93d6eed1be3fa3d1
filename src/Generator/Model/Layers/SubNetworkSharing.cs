using System.Collections.Generic;
using NetGen.Model.Analysis;

namespace NetGen.Model.Layers;

/// <summary>
/// Checks each <c>[SubNetwork(Shares = ...)]</c> once every configuration is read: the member it
/// names must be a <c>[SubNetwork]</c> of the same class declared before it (so its module exists
/// when this one is assigned) that has its own module. Anything else is NG0012 at <c>Shares</c>.
/// </summary>
internal static class SubNetworkSharing
{
    public static void Check(NetworkDefinition network, IReadOnlyList<LayerResult> results, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            if (results[i].Config is not SubNetworkConfig { Shares: { } shares, Network: { } sub })
            {
                continue;
            }

            var owner = -1;
            for (var j = 0; j < i; j++)
            {
                if (network.Layers[j].Name == shares)
                {
                    owner = j;
                }
            }

            var fits = owner >= 0
                && results[owner].Config is SubNetworkConfig { Shares: null, Network: { } ownerNetwork }
                && ownerNetwork.TypeName == sub.TypeName;
            if (!fits)
            {
                var layer = network.Layers[i];
                issues.Add(new Issue(
                    ProblemKind.InvalidLayerHyperparameter,
                    Site.LayerArgument(i, "Shares"),
                    "Shares",
                    layer.Name,
                    "a [SubNetwork] member of type '" + sub.Name + "' declared before it, with its own instance",
                    "'" + shares + "'"));
                results[i].Config = null;
            }
        }
    }
}
