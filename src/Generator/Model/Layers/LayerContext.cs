using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>The layer a rule is looking at, and where its findings go.</summary>
internal sealed class LayerContext
{
    private readonly List<Issue> _issues;

    public LayerContext(LayerDefinition definition, int index, IReadOnlyList<string> inputNames, List<Issue> issues)
    {
        Definition = definition;
        Index = index;
        InputNames = inputNames;
        _issues = issues;
    }

    public LayerDefinition Definition { get; }

    public LayerHyperparameters Hyperparameters => Definition.Hyperparameters;

    public string Name => Definition.Name;

    /// <summary>Declaration index, used to locate the layer's syntax.</summary>
    public int Index { get; }

    /// <summary>Resolved names of the layer's inputs, in order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    public void Report(ProblemKind kind, Site site, params string[] arguments) => _issues.Add(new Issue(kind, site, arguments));

    public Site Attribute => Site.LayerAttribute(Index);

    public Site Argument(string name) => Site.LayerArgument(Index, name);
}
