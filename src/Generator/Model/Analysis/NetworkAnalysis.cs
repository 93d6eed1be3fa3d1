using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>
/// Analyses a declared network: resolves references into a graph, orders it, infers every
/// layer's shape and parameter count, and checks the configuration. Plain C#, shared by the
/// generator (to emit code) and the analyzer (to report problems).
/// </summary>
internal static class NetworkAnalysis
{
    /// <summary>Member names the generated class or <c>NetGen.Network</c> already use.</summary>
    private static readonly string[] s_reservedNames =
    {
        "ParameterCount", "TrainableParameterCount", "InputShape", "OutputShape", "Description",
        "CompileOptions", "Compile", "Device", "Fit", "Evaluate", "Predict", "PredictClasses",
        "Summary", "PrintSummary", "SaveWeights", "LoadWeights", "forward",
    };

    public static AnalysisResult Analyze(NetworkDefinition network)
    {
        var issues = new List<Issue>();
        var layers = network.Layers;
        var results = new LayerResult[layers.Count];

        var inputShape = CheckInput(network, issues);
        if (layers.Count == 0)
        {
            issues.Add(new Issue(ProblemKind.EmptyNetwork, Site.NetworkName, network.Name));
            return new AnalysisResult(issues, results, new int[0], -1);
        }

        CheckNames(network, issues);

        var indexByName = new Dictionary<string, int>();
        for (var i = 0; i < layers.Count; i++)
        {
            indexByName[layers[i].Name] = i;
        }

        // Resolve every layer's inputs to names; unknown ones are reported once, here.
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var inputNames = ResolveInputs(network, i);
            var known = true;
            for (var j = 0; j < inputNames.Count; j++)
            {
                if (inputNames[j] != network.InputName && !indexByName.ContainsKey(inputNames[j]))
                {
                    known = false;
                    if (layer.IsComplete)
                    {
                        var site = LayerRules.For(layer.Kind).IsMerge ? Site.LayerInputArgument(i, j) : Site.LayerArgument(i, "From");
                        issues.Add(new Issue(ProblemKind.UnknownReference, site, layer.Name, inputNames[j], network.Name, network.InputName));
                    }
                }
            }

            results[i] = new LayerResult(inputNames, known);
            if (!layer.IsPartialProperty)
            {
                issues.Add(new Issue(ProblemKind.LayerMemberMustBePartialProperty, Site.LayerMember(i), layer.Name));
            }

            if (layer.IsComplete)
            {
                LayerRules.For(layer.Kind).Validate(new LayerContext(layer, i, inputNames, issues));
            }
        }

        var graph = new LayerGraph(network, results, indexByName);
        foreach (var cycle in graph.FindCycles())
        {
            var path = string.Join(" -> ", cycle.Select(index => layers[index].Name).Concat(new[] { layers[cycle[0]].Name }));
            foreach (var index in cycle)
            {
                issues.Add(new Issue(ProblemKind.CyclicReference, Site.LayerAttribute(index), layers[index].Name, path));
                results[index].InCycle = true;
            }
        }

        var order = graph.TopologicalOrder();
        var output = layers.Count - 1;

        // A broken reference usually means the layer it meant looks unused: say nothing about
        // unused layers until every reference resolves.
        if (results.All(static r => r.InputsKnown && !r.InCycle))
        {
            foreach (var unused in graph.LayersNotReaching(output))
            {
                issues.Add(new Issue(ProblemKind.UnusedLayer, Site.LayerMember(unused), layers[unused].Name, layers[output].Name));
            }
        }

        InferShapes(network, inputShape, order, results, indexByName, issues);
        ConfigurationRules.Check(network, results, output, issues);
        return new AnalysisResult(issues, results, order, output);
    }

    private static TensorShape? CheckInput(NetworkDefinition network, List<Issue> issues)
    {
        if (network.InputShape is not { } dimensions)
        {
            return null;
        }

        if (dimensions.Count == 0 || dimensions.Any(static d => d <= 0))
        {
            issues.Add(new Issue(ProblemKind.InvalidInputShape, Site.InputAttribute, network.Name, string.Join(", ", dimensions.Select(Format.Number))));
            return null;
        }

        return new TensorShape(dimensions);
    }

    private static void CheckNames(NetworkDefinition network, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            var name = network.Layers[i].Name;
            if (name == network.InputName)
            {
                issues.Add(new Issue(ProblemKind.ReservedLayerName, Site.LayerMember(i), name, "the name of the network's input"));
            }
            else if (s_reservedNames.Contains(name))
            {
                issues.Add(new Issue(ProblemKind.ReservedLayerName, Site.LayerMember(i), name, "a member of every generated network"));
            }
        }
    }

    private static IReadOnlyList<string> ResolveInputs(NetworkDefinition network, int index)
    {
        var layer = network.Layers[index];
        if (layer.Inputs.Count > 0)
        {
            return layer.Inputs.AsImmutableArray();
        }

        if (LayerRules.For(layer.Kind).IsMerge)
        {
            return new string[0];
        }

        return new[] { index == 0 ? network.InputName : network.Layers[index - 1].Name };
    }

    private static void InferShapes(
        NetworkDefinition network,
        TensorShape? inputShape,
        IReadOnlyList<int> order,
        LayerResult[] results,
        Dictionary<string, int> indexByName,
        List<Issue> issues)
    {
        foreach (var index in order)
        {
            var layer = network.Layers[index];
            var result = results[index];
            var rule = LayerRules.For(layer.Kind);
            var inputs = new List<TensorShape>();
            foreach (var name in result.InputNames)
            {
                var shape = name == network.InputName ? inputShape : indexByName.TryGetValue(name, out var source) ? results[source].OutputShape : null;
                if (shape is null)
                {
                    break;
                }

                inputs.Add(shape.Value);
            }

            // A layer whose inputs are unknown stays silent: the cause is reported where it is.
            if (!layer.IsComplete || !result.InputsKnown || result.InCycle || inputs.Count != result.InputNames.Count || inputs.Count == 0)
            {
                CheckModuleType(layer, index, rule, inputs.Count > 0 ? inputs[0] : (TensorShape?)null, issues);
                continue;
            }

            result.InputShapes = inputs;
            result.OutputShape = rule.InferShape(new LayerContext(layer, index, result.InputNames, issues), inputs);
            if (result.OutputShape is not null)
            {
                result.Parameters = rule.CountParameters(layer, inputs);
            }

            // Without a valid input rank there is no module type to advise (batch normalization's depends on it).
            if (result.OutputShape is not null || layer.Kind != LayerKind.BatchNormalization)
            {
                CheckModuleType(layer, index, rule, inputs[0], issues);
            }
        }
    }

    private static void CheckModuleType(LayerDefinition layer, int index, LayerRule rule, TensorShape? input, List<Issue> issues)
    {
        // The batch-normalization module depends on the input rank; without a shape there is nothing to compare.
        if (layer.DeclaredType is null || !layer.IsComplete || (input is null && layer.Kind == LayerKind.BatchNormalization))
        {
            return;
        }

        var expected = rule.ModuleType(layer, input ?? new TensorShape(1));
        var declared = layer.DeclaredType.StartsWith("global::", System.StringComparison.Ordinal)
            ? layer.DeclaredType.Substring("global::".Length)
            : layer.DeclaredType;
        if (declared.EndsWith("?", System.StringComparison.Ordinal))
        {
            declared = declared.Substring(0, declared.Length - 1);
        }

        if (declared != expected)
        {
            issues.Add(new Issue(ProblemKind.LayerTypeMismatch, Site.LayerType(index), layer.Name, rule.TypeName, expected, declared));
        }
    }
}
