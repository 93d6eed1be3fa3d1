using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>
/// What every layer attribute declares about training besides its kind's arguments:
/// <c>Trainable</c> (false: the layer starts frozen) and <c>Group</c> (a name the runtime freezes
/// and unfreezes together). Read here, once for every kind, as <c>From</c> is, so no layer rule
/// lists them. A frozen layer's parameters count as non-trainable, as Keras counts them.
/// </summary>
internal static class TrainabilityRules
{
    /// <summary>The arguments <c>LayerAttribute</c> declares for every kind, with the runtime's defaults.</summary>
    public static readonly ArgumentSpec[] Arguments = { new("Trainable", true), new("Group", null) };

    public static void Apply(NetworkDefinition network, LayerResult[] results, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            var result = results[i];
            if (layer.Arguments.TryGet("Trainable", out var trainable) && trainable.Kind == ArgumentValueKind.Bool && !(bool)trainable.Value!)
            {
                result.Trainable = false;
                result.Parameters = new ParameterCount(result.Parameters.Total, 0);
                if (layer.Kind == LayerKind.BatchNormalization)
                {
                    issues.Add(new Issue(ProblemKind.FrozenBatchNormalization, Site.LayerArgument(i, "Trainable"), layer.Name));
                }
            }

            if (layer.Arguments.TryGet("Group", out var group) && group.Kind == ArgumentValueKind.String)
            {
                var name = (string)group.Value!;
                if (name.Trim().Length == 0)
                {
                    issues.Add(new Issue(ProblemKind.InvalidLayerHyperparameter, Site.LayerArgument(i, "Group"), "Group", layer.Name, "a name such as \"features\"", "\"" + name + "\""));
                }
                else
                {
                    result.Group = name;
                }
            }
        }

        CheckSomethingTrainable(network, results, issues);
    }

    /// <summary>
    /// NG0213: the layers with parameters are all declared frozen, so the declared network cannot
    /// train. Silent while a layer's parameters are unknown (its problem is reported where it is).
    /// </summary>
    private static void CheckSomethingTrainable(NetworkDefinition network, LayerResult[] results, List<Issue> issues)
    {
        if (results.Length == 0 || results.Any(static r => !r.Output.IsKnown || r.Config is null))
        {
            return;
        }

        var withParameters = Enumerable.Range(0, results.Length).Where(i => results[i].Parameters.Total > 0 || LayerRules.For(network.Layers[i].Kind).CountsParametersAtRunTime).ToList();
        if (withParameters.Count > 0 && withParameters.All(i => !results[i].Trainable) && results.All(static r => r.Parameters.Trainable == 0))
        {
            issues.Add(new Issue(ProblemKind.NothingTrainable, Site.NetworkName, network.Name, Format.Quoted(withParameters.Select(i => network.Layers[i].Name))));
        }
    }
}
