using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>
/// Analyses a declared network: reads its inputs, resolves references into a graph, orders it,
/// reads every layer's configuration, infers its type and parameter count, and checks the
/// compile configuration. Plain C#, shared by the generator (to emit code) and the analyzer (to
/// report problems).
/// </summary>
internal static class NetworkAnalysis
{
    public static AnalysisResult Analyze(NetworkDefinition network)
    {
        var issues = new List<Issue>();
        var layers = network.Layers;
        var results = new LayerResult[layers.Count];

        CheckDeclaration(network, issues);
        var inputs = InputAnalysis.Read(network, issues);
        foreach (var stray in network.StrayOutputs)
        {
            issues.Add(new Issue(ProblemKind.OutputIsNotALayer, Site.Member(stray), stray));
        }

        if (layers.Count == 0)
        {
            issues.Add(new Issue(ProblemKind.EmptyNetwork, Site.NetworkName, network.Name));
            NameRules.Check(network, inputs, severalOutputs: false, issues);
            return new AnalysisResult(issues, inputs, results, new int[0], new int[0], compile: null);
        }

        var outputs = Enumerable.Range(0, layers.Count).Where(i => layers[i].Output is not null).ToList();
        if (outputs.Count == 0)
        {
            // The last layer, loss terms aside: no layer reads them, so none is the network's result.
            var last = Enumerable.Range(0, layers.Count).LastOrDefault(i => !LayerRules.For(layers[i].Kind).IsLossTerm);
            outputs.Add(LayerRules.For(layers[last].Kind).IsLossTerm ? layers.Count - 1 : last);
        }

        NameRules.Check(network, inputs, outputs.Count > 1, issues);

        var indexByName = new Dictionary<string, int>();
        for (var i = 0; i < layers.Count; i++)
        {
            indexByName[layers[i].Name] = i;
        }

        var inputNames = new HashSet<string>(inputs.Select(static input => input.Name));

        // Resolve every layer's inputs to names; unknown ones are reported once, here.
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var names = ResolveInputs(network, inputs, i, issues);
            var known = names is not null;
            if (names is not null)
            {
                for (var j = 0; j < names.Count; j++)
                {
                    // A loss term adds to the loss and has no output another layer could read.
                    if (names[j] is { } name && (inputNames.Contains(name) || (indexByName.TryGetValue(name, out var source) && !LayerRules.For(layers[source].Kind).IsLossTerm)))
                    {
                        continue;
                    }

                    known = false;

                    // Without any [Input] the missing declaration is the problem (NG0002), not the reference.
                    if (names[j] is { } unknown && layer.Arguments.IsComplete && inputs.Count > 0)
                    {
                        var rule = LayerRules.For(layer.Kind);
                        var site = rule.InputParameters.Count > 0 ? Site.LayerArgument(i, rule.InputParameters[j])
                            : NamesInputArray(layer, rule) ? Site.LayerArgument(i, "inputs", j)
                            : Site.LayerArgument(i, "From");
                        issues.Add(new Issue(ProblemKind.UnknownReference, site, layer.Name, unknown, network.Name, Format.Quoted(inputs.Select(static input => input.Name))));
                    }
                }
            }

            var resolved = names?.Select(static name => name ?? string.Empty).ToList() ?? new List<string>();
            results[i] = new LayerResult(resolved, known);
            if (LayerRules.For(layer.Kind).IsMethod)
            {
                LambdaRules.CheckSignature(layer, i, issues);
            }
            else if (!layer.Member.IsPartialProperty)
            {
                issues.Add(new Issue(ProblemKind.LayerMemberMustBePartialProperty, Site.LayerMember(i), layer.Name));
            }

            if (layer.Arguments.IsComplete)
            {
                var before = issues.Count;
                var config = LayerRules.For(layer.Kind).Read(new LayerContext(layer, i, resolved, issues));
                results[i].Config = issues.Skip(before).Any(static issue => issue.Effect == ProblemEffect.BlocksGeneration) ? null : config;
            }
        }

        SubNetworkSharing.Check(network, results, issues);

        // An input's name always means the input (a layer with the same name is reported, NG0010).
        var layerIndexes = indexByName.Where(pair => !inputNames.Contains(pair.Key)).ToDictionary(static pair => pair.Key, static pair => pair.Value);

        // Values a layer reads besides its inputs (a mask's token ids, an encoder's final state) order the graph too.
        MaskLinks.Resolve(network, results, layerIndexes);
        RecurrentLinks.Resolve(network, results, layerIndexes, inputNames, issues);
        SequenceReaders.Resolve(network, results, layerIndexes);
        var graph = new LayerGraph(results.Select(static r => (IReadOnlyList<string>)r.InputNames.Concat(r.Links).ToList()).ToList(), layerIndexes);
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
        // Loss terms are roots too: forward computes what they read.
        var reaching = graph.ReachingOutputs(outputs.Concat(Enumerable.Range(0, layers.Count).Where(i => LayerRules.For(layers[i].Kind).IsLossTerm)));
        for (var i = 0; i < layers.Count; i++)
        {
            results[i].IsUsed = reaching[i];
        }

        // A broken reference usually means the layer it meant looks unused: say nothing about
        // unused layers until every reference resolves.
        if (results.All(static r => r.InputsKnown && !r.InCycle))
        {
            var outputNames = Format.Quoted(outputs.Select(index => layers[index].Name));
            for (var i = 0; i < layers.Count; i++)
            {
                // A layer named like an input is reported once, as NG0010: references to the name
                // mean the input, so the layer looking unused is the same mistake.
                if (!reaching[i] && !inputNames.Contains(layers[i].Name))
                {
                    issues.Add(new Issue(ProblemKind.UnusedLayer, Site.LayerMember(i), layers[i].Name, outputNames));
                }
            }
        }

        InferTypes(network, inputs, order, outputs, results, indexByName, issues);
        LambdaRules.CheckLossTerms(network, results, layerIndexes, issues);
        TrainabilityRules.Apply(network, results, issues);
        var compile = CompileAnalysis.Read(network, outputs, issues);
        ConfigurationRules.Check(network, results, outputs, compile, issues);
        return new AnalysisResult(issues, inputs, results, order, outputs, compile);
    }

    private static void CheckDeclaration(NetworkDefinition network, List<Issue> issues)
    {
        var declaration = network.Declaration;
        string? requirement = null;
        if (declaration.Kind != "class")
        {
            requirement = "a class, not a " + declaration.Kind;
        }
        else if (declaration.IsGeneric)
        {
            requirement = "a class without type parameters";
        }
        else if (declaration.IsStatic)
        {
            requirement = "a class that is not static (a network is an object with parameters)";
        }
        else if (declaration.IsFileLocal)
        {
            requirement = "a class that is not file-local";
        }
        else if (declaration.BaseType is { } baseType)
        {
            requirement = "a class without a base class of its own (NetGen derives it from NetGen.Network); remove ': " + baseType + "'";
        }
        else if (declaration.HasVarName)
        {
            requirement = "named, and inside types named, something other than 'var', with no type named 'var' in its scope (generated code declares its locals with var)";
        }
        else if (declaration.ShadowedNamespace is { } shadowed)
        {
            requirement = "named, or inside a type named, something other than '" + shadowed + "' in the global namespace, where it hides the namespace generated code uses";
        }
        else if (NameRules.IsGeneratedMemberName(network.Name))
        {
            requirement = "named differently from '" + network.Name + "', a member NetGen generates in it";
        }
        else if (NameRules.IsInheritedModuleMember(network.Name))
        {
            requirement = "named differently from '" + network.Name + "', a member it inherits from TorchSharp's Module (inside the class the name would mean that member)";
        }

        if (requirement is not null)
        {
            issues.Add(new Issue(ProblemKind.UnsupportedNetworkDeclaration, Site.NetworkName, network.Name, requirement));
        }
    }

    /// <summary>
    /// The names a layer reads: a merge layer's arguments, else its <c>From</c>, else the member
    /// declared before it (the input, for the first layer). Null when they cannot be read; a null
    /// element is an argument that names nothing (already reported).
    /// </summary>
    private static IReadOnlyList<string?>? ResolveInputs(NetworkDefinition network, IReadOnlyList<InputResult> inputs, int index, List<Issue> issues)
    {
        var layer = network.Layers[index];
        if (!layer.Arguments.IsComplete)
        {
            return null;
        }

        var rule = LayerRules.For(layer.Kind);
        if (rule.IsMethod)
        {
            return LambdaRules.BindParameters(network, inputs, index, issues);
        }

        if (rule.InputParameters.Count > 0)
        {
            return ReadNamedInputs(layer, index, rule.InputParameters, issues);
        }

        if (rule.IsMerge)
        {
            if (!layer.Arguments.TryGet("inputs", out var value) || value.Kind != ArgumentValueKind.Array)
            {
                issues.Add(new Issue(ProblemKind.InvalidLayerHyperparameter, Site.LayerArgument(index, "inputs"), "Inputs", layer.Name, "at least two layer or input names", value?.ToString() ?? "nothing"));
                return null;
            }

            var names = ReadInputArray(layer, index, value, issues);
            if (value.Elements.Count < 2)
            {
                issues.Add(new Issue(ProblemKind.InvalidLayerHyperparameter, Site.LayerAttribute(index), "Inputs", layer.Name, "at least two layer or input names", Format.Number(value.Elements.Count)));
            }

            return names;
        }

        var hasFrom = layer.Arguments.TryGet("From", out var from) && from.Kind != ArgumentValueKind.Null;
        if (NamesInputArray(layer, rule))
        {
            // Named inputs replace From; both written is ambiguous about what the first input is.
            if (hasFrom)
            {
                issues.Add(new Issue(ProblemKind.InvalidLayerHyperparameter, Site.LayerArgument(index, "From"), "From", layer.Name, "left out when the inputs are named in the attribute's arguments", from.ToString()));
                return null;
            }

            layer.Arguments.TryGet("inputs", out var named);
            return ReadInputArray(layer, index, named, issues);
        }

        if (hasFrom)
        {
            return new[] { from.Kind == ArgumentValueKind.String ? (string)from.Value! : from.ToString() };
        }

        if (index > 0)
        {
            var previous = network.Layers[index - 1];
            if (previous.Member.File != layer.Member.File)
            {
                issues.Add(new Issue(ProblemKind.ImplicitInputAcrossFiles, Site.LayerAttribute(index), layer.Name, previous.Name));
            }

            return new[] { previous.Name };
        }

        if (inputs.Count == 0)
        {
            return null;
        }

        if (inputs.Count > 1)
        {
            // A layer that takes several inputs (a sub-network) names them in its attribute, not with From.
            var advice = rule.MayNameInputs
                ? $"name the inputs it takes in its attribute, in the order it declares them, such as [{rule.TypeName}({string.Join(", ", inputs.Select(static i => "\"" + i.Name + "\""))})]"
                : "say which one it takes with From";
            issues.Add(new Issue(ProblemKind.AmbiguousInput, Site.LayerAttribute(index), layer.Name, network.Name, Format.Quoted(inputs.Select(static i => i.Name)), advice));
            return null;
        }

        return new[] { inputs[0].Name };
    }

    /// <summary>
    /// Whether the layer's inputs are the names in its <c>inputs</c> array: always for a merge layer,
    /// and for a layer that may name them (<see cref="LayerRule.MayNameInputs"/>) when it names any.
    /// </summary>
    private static bool NamesInputArray(LayerDefinition layer, LayerRule rule) =>
        rule.IsMerge
        || (rule.MayNameInputs && layer.Arguments.TryGet("inputs", out var value) && value.Kind == ArgumentValueKind.Array && value.Elements.Count > 0);

    /// <summary>The names in an <c>inputs</c> array; null when one is not a name (reported at it).</summary>
    private static IReadOnlyList<string?>? ReadInputArray(LayerDefinition layer, int index, ArgumentValue value, List<Issue> issues)
    {
        var names = new List<string?>();
        for (var j = 0; j < value.Elements.Count; j++)
        {
            if (value.Elements[j].Kind == ArgumentValueKind.String)
            {
                names.Add((string)value.Elements[j].Value!);
            }
            else
            {
                issues.Add(new Issue(ProblemKind.InvalidLayerHyperparameter, Site.LayerArgument(index, "inputs", j), "Inputs", layer.Name, "layer or input names", value.Elements[j].ToString()));
                names.Add(null);
            }
        }

        return names.Any(static n => n is null) ? null : names;
    }

    /// <summary>A merge layer's inputs named one by one (Attention's query and value); null when one is not a name (reported at it).</summary>
    private static IReadOnlyList<string?>? ReadNamedInputs(LayerDefinition layer, int index, IReadOnlyList<string> parameters, List<Issue> issues)
    {
        var names = new List<string?>();
        foreach (var parameter in parameters)
        {
            if (layer.Arguments.TryGet(parameter, out var value) && value.Kind == ArgumentValueKind.String)
            {
                names.Add((string)value.Value!);
                continue;
            }

            var written = value is null ? "nothing" : value.ToString();
            issues.Add(new Issue(ProblemKind.InvalidLayerHyperparameter, Site.LayerArgument(index, parameter), char.ToUpperInvariant(parameter[0]) + parameter.Substring(1), layer.Name, "a layer or input name", written));
            names.Add(null);
        }

        return names.Any(static n => n is null) ? null : names;
    }

    private static void InferTypes(
        NetworkDefinition network,
        IReadOnlyList<InputResult> inputs,
        IReadOnlyList<int> order,
        IReadOnlyList<int> outputs,
        LayerResult[] results,
        Dictionary<string, int> indexByName,
        List<Issue> issues)
    {
        foreach (var index in order)
        {
            var layer = network.Layers[index];
            var result = results[index];
            var rule = LayerRules.For(layer.Kind);
            var context = new LayerContext(layer, index, result.InputNames, issues)
            {
                SpatialTrace = () => SpatialTrace(network, inputs, results, indexByName, index),
                IsOutput = outputs.Contains(index),
            };

            // A layer whose inputs or configuration are unknown stays silent: the cause is reported where it is.
            if (result.Config is not { } config || !result.InputsKnown || result.InCycle || result.InputNames.Count == 0)
            {
                CheckModuleType(layer, index, rule, result.Config, null, issues);
                continue;
            }

            var sources = result.InputNames.Select(name => Source(name, inputs, results, indexByName)).ToList();
            if (sources.Any(static source => source.Status == ShapeStatus.Failed))
            {
                CheckModuleType(layer, index, rule, config, null, issues);
                continue;
            }

            if (sources.Any(static source => source.Status == ShapeStatus.Dynamic))
            {
                result.Output = rule.InferFromDynamic(context, config, sources);
                CheckModuleType(layer, index, rule, config, null, issues);
                continue;
            }

            var types = sources.Select(static source => source.Type!).ToList();
            var unaccepted = types.Select((type, i) => (type, i)).FirstOrDefault(pair => !rule.Accepts(pair.type.ElementType));
            if (unaccepted.type is not null)
            {
                issues.Add(ElementTypeIssue(layer, rule, context.Attribute, result.InputNames[unaccepted.i], unaccepted.type));
                CheckModuleType(layer, index, rule, config, types[0], issues);
                continue;
            }

            result.InputTypes = types;
            result.Output = rule.InferShape(context, config, types);
            if (result.Output.IsKnown)
            {
                result.Parameters = rule.CountParameters(config, types);
                result.Config = rule.Build(config, types);
            }

            // Without a valid input there is no module type to advise (batch normalization's depends on the rank).
            CheckModuleType(layer, index, rule, config, result.Output.IsKnown ? types[0] : null, issues);
        }
    }

    /// <summary>
    /// NG0034: the member's type does not resolve, so the generator cannot implement it. The compiler's
    /// CS0246 names the type; this says what NetGen knows: the using that brings the module type the
    /// layer needs, or that type when the name written is another.
    /// </summary>
    private static Issue UnresolvedTypeIssue(LayerDefinition layer, int index, LayerRule rule, string written, string? expected)
    {
        var simpleName = written.TrimEnd('?');
        simpleName = simpleName.Substring(simpleName.LastIndexOf('.') + 1);
        var advice = expected is null
            ? "check its spelling and the file's using directives"
            : expected.Substring(expected.LastIndexOf('.') + 1) == simpleName
                ? "add 'using " + expected.Substring(0, expected.LastIndexOf('.')) + ";' to the file, or write '" + expected + "'"
                : "a " + rule.TypeName + " layer is declared as '" + expected + "'";
        return new Issue(ProblemKind.UnresolvedLayerType, Site.LayerType(index), layer.Name, written, advice);
    }

    /// <summary>
    /// Why a layer cannot take <paramref name="input"/>'s element type. The two mistakes of text
    /// models get their own rule: token ids fed to a layer that computes with features (NG0119; an
    /// Embedding is missing) and features fed to an Embedding (NG0120). Other mismatches, such as
    /// booleans or an integer feature map, are NG0106.
    /// </summary>
    private static Issue ElementTypeIssue(LayerDefinition layer, LayerRule rule, Site site, string inputName, TensorType input)
    {
        if (layer.Kind == LayerKind.Embedding && input.ElementType is ElementKind.Float32 or ElementKind.Float64)
        {
            return new Issue(ProblemKind.FeaturesIntoEmbedding, site, layer.Name, "'" + inputName + "' holds " + Layout.Name(input.ElementType) + " values");
        }

        // Ids come as (steps) or (steps, ids per step); an integer image is not text.
        if (input.ElementType == ElementKind.Int64 && input.Rank <= 2 && rule.Accepts(ElementKind.Float32) && !rule.IsMerge)
        {
            return new Issue(ProblemKind.TokenIdsIntoFeatureLayer, site, rule.TypeName, layer.Name, inputName);
        }

        return new Issue(ProblemKind.UnsupportedElementType, site, rule.TypeName, layer.Name, rule.AcceptedElementTypes, "'" + inputName + "' holds " + Layout.Name(input.ElementType));
    }

    /// <summary>
    /// The spatial sizes along first inputs from the input down to the layer at <paramref name="index"/>,
    /// as far back as the values keep the rank of the layer's input: image sizes,
    /// <c>28 -> 26 (conv1) -> 13 (pool1) -> ? (conv2)</c>, or the steps of a sequence.
    /// </summary>
    private static string SpatialTrace(NetworkDefinition network, IReadOnlyList<InputResult> inputs, LayerResult[] results, Dictionary<string, int> indexByName, int index)
    {
        var steps = new List<string> { "? (" + network.Layers[index].Name + ")" };
        var visited = new HashSet<string>();
        var name = results[index].InputNames.Count > 0 ? results[index].InputNames[0] : null;
        var rank = name is null ? 0 : Source(name, inputs, results, indexByName).Type?.Rank ?? 0;
        while (name is not null && visited.Add(name))
        {
            if (inputs.FirstOrDefault(input => input.Name == name) is { } input)
            {
                if (input.Type is { } inputType && inputType.Rank == rank && SpatialSize(inputType) is { } size)
                {
                    steps.Add(size);
                }

                break;
            }

            if (!indexByName.TryGetValue(name, out var source) || results[source].Output.Type is not { } type || type.Rank != rank || SpatialSize(type) is not { } sourceSize)
            {
                break;
            }

            steps.Add(sourceSize + " (" + name + ")");
            name = results[source].InputNames.Count > 0 ? results[source].InputNames[0] : null;
        }

        steps.Reverse();
        return string.Join(" -> ", steps);
    }

    /// <summary>
    /// An image's height and width, as one number when they are equal (<c>28</c>, <c>28x14</c>), or a
    /// sequence's steps; null for other ranks.
    /// </summary>
    private static string? SpatialSize(TensorType type) => type.Rank switch
    {
        3 => type[1].Equals(type[2]) ? type[1].ToString() : type[1] + "x" + type[2],
        2 => type[0].ToString(),
        _ => null,
    };

    private static ShapeResult Source(string name, IReadOnlyList<InputResult> inputs, LayerResult[] results, Dictionary<string, int> indexByName)
    {
        foreach (var input in inputs)
        {
            if (input.Name == name)
            {
                return input.Type is { } type ? ShapeResult.Known(type) : ShapeResult.Failed;
            }
        }

        return indexByName.TryGetValue(name, out var source) ? results[source].Output : ShapeResult.Failed;
    }

    private static void CheckModuleType(LayerDefinition layer, int index, LayerRule rule, LayerConfig? config, TensorType? input, List<Issue> issues)
    {
        if (layer.Member.UnresolvedType is { } written)
        {
            issues.Add(UnresolvedTypeIssue(layer, index, rule, written, config is null ? null : rule.ModuleType(config, input)));
            return;
        }

        if (layer.Member.DeclaredType is null || config is null || rule.ModuleType(config, input) is not { } expected)
        {
            return;
        }

        var declared = layer.Member.DeclaredType.StartsWith("global::", System.StringComparison.Ordinal)
            ? layer.Member.DeclaredType.Substring("global::".Length)
            : layer.Member.DeclaredType;
        if (declared.EndsWith("?", System.StringComparison.Ordinal))
        {
            declared = declared.Substring(0, declared.Length - 1);
        }

        if (declared != expected)
        {
            issues.Add(new Issue(ProblemKind.LayerTypeMismatch, Site.LayerType(index), layer.Name, rule.TypeName, expected, declared)
            {
                Properties = new Dictionary<string, string> { [FixProperties.ModuleType] = expected },
            });
        }
    }
}
