using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>
/// What a layer written as a method (<c>[Lambda]</c>) needs beyond a layer rule: its signature
/// (Tensors in, a Tensor out; NG0022) and the binding of its parameters, by name, to the layers and
/// inputs whose outputs it takes (NG0021 for a parameter that names none).
/// </summary>
internal static class LambdaRules
{
    /// <summary>The type every parameter and the result of a lambda must have.</summary>
    public const string TensorType = "global::TorchSharp.torch.Tensor";

    /// <summary>Reports a signature <c>forward</c> cannot call with the layers' outputs (NG0022).</summary>
    public static void CheckSignature(LayerDefinition layer, int index, List<Issue> issues)
    {
        if (Requirement(layer) is { } requirement)
        {
            issues.Add(new Issue(ProblemKind.UnsupportedLambdaSignature, Site.LayerMember(index), layer.Name, requirement));
        }
    }

    /// <summary>What the method's signature must be instead, or null when <c>forward</c> can call it (or the compiler reports why not).</summary>
    private static string? Requirement(LayerDefinition layer)
    {
        // A type that does not resolve is the compiler's error; the module is not generated without it.
        if (layer.Member.Method is not { } method || layer.Member.DeclaredType is null || method.ParameterTypes.Any(static t => t is null))
        {
            return null;
        }

        if (Unannotated(layer.Member.DeclaredType) != TensorType)
        {
            return "return a Tensor, not " + Display(layer.Member.DeclaredType);
        }

        if (method.ParameterNames.Count == 0)
        {
            return "take at least one Tensor parameter, named after the layer or input it reads";
        }

        if (method.ParameterTypes.FirstOrDefault(static t => Unannotated(t!) != TensorType) is { } other)
        {
            return "take only Tensor parameters, not " + Display(other);
        }

        if (method.IsGeneric)
        {
            return "have no type parameters";
        }

        return method.HasSpecialParameters ? "take its parameters by value (no ref, out, in, params or default values)" : null;
    }

    /// <summary>
    /// The names the method's parameters take: a layer or input of the same name, the first letter's
    /// case aside (<c>mean</c> reads <c>Mean</c>). Null elements name nothing (reported at the parameter).
    /// </summary>
    public static IReadOnlyList<string?>? BindParameters(NetworkDefinition network, IReadOnlyList<InputResult> inputs, int index, List<Issue> issues)
    {
        var layer = network.Layers[index];
        // A signature forward cannot call is reported once (NG0022), not again at each parameter.
        if (layer.Member.Method is not { } method || Requirement(layer) is not null)
        {
            return null;
        }

        // Loss terms have no output to read: a parameter named like one binds to another member.
        var candidates = inputs.Select(static input => input.Name)
            .Concat(network.Layers.Where((l, i) => i != index && !LayerRules.For(l.Kind).IsLossTerm).Select(static l => l.Name))
            .ToList();
        var names = new List<string?>();
        for (var j = 0; j < method.ParameterNames.Count; j++)
        {
            var parameter = method.ParameterNames[j];
            var bound = candidates.FirstOrDefault(name => name == parameter)
                ?? candidates.FirstOrDefault(name => SameButFirstLetterCase(name, parameter));
            if (bound is null && inputs.Count > 0)
            {
                issues.Add(new Issue(ProblemKind.LambdaParameterNamesNoMember, Site.LayerParameter(index, j), layer.Name, parameter, network.Name, Format.Quoted(candidates)));
            }

            names.Add(bound);
        }

        return names;
    }

    /// <summary>
    /// Reports a loss term that reads no layer with trainable parameters, directly or through other
    /// layers (NG0023): its gradient reaches nothing, so adding it to the loss trains nothing. Silent
    /// when a layer on the way is not analysed (its problem is reported where it is).
    /// </summary>
    public static void CheckLossTerms(NetworkDefinition network, LayerResult[] results, IReadOnlyDictionary<string, int> layerIndexes, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            if (!LayerRules.For(network.Layers[i].Kind).IsLossTerm || !results[i].InputsKnown || results[i].InCycle || results[i].Config is null)
            {
                continue;
            }

            var visited = new HashSet<int>();
            var pending = new Stack<string>(results[i].InputNames);
            var reachesParameters = false;
            var complete = true;
            while (pending.Count > 0 && !reachesParameters)
            {
                if (!layerIndexes.TryGetValue(pending.Pop(), out var source) || !visited.Add(source))
                {
                    continue;
                }

                var result = results[source];
                complete &= result.Config is not null && result.InputsKnown && result.Output.Status != ShapeStatus.Failed;
                reachesParameters = result.Parameters.Trainable > 0 || (result.Trainable && LayerRules.For(network.Layers[source].Kind).CountsParametersAtRunTime);
                foreach (var name in result.InputNames.Concat(result.Links))
                {
                    pending.Push(name);
                }
            }

            if (!reachesParameters && complete)
            {
                issues.Add(new Issue(ProblemKind.LossTermReachesNoParameter, Site.LayerMember(i), network.Layers[i].Name, Format.Quoted(results[i].InputNames)));
            }
        }
    }

    private static bool SameButFirstLetterCase(string name, string parameter) =>
        name.Length == parameter.Length && name.Length > 0
        && char.ToUpperInvariant(name[0]) == char.ToUpperInvariant(parameter[0])
        && string.CompareOrdinal(name, 1, parameter, 1, name.Length - 1) == 0;

    private static string Unannotated(string type) => type.EndsWith("?", System.StringComparison.Ordinal) ? type.Substring(0, type.Length - 1) : type;

    private static string Display(string type) => type.StartsWith("global::", System.StringComparison.Ordinal) ? type.Substring("global::".Length) : type;
}
