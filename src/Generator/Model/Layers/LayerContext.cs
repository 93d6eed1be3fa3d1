using System;
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

    public string Name => Definition.Name;

    /// <summary>Declaration index, used to locate the layer's syntax.</summary>
    public int Index { get; }

    /// <summary>Resolved names of the layer's inputs, in order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>
    /// The spatial sizes of the images from the network's input down to this layer, e.g.
    /// <c>28 -> 26 (conv1) -> 13 (pool1) -> ? (conv2)</c>; set while shapes are inferred.
    /// </summary>
    public Func<string> SpatialTrace { get; set; } = static () => "?";

    /// <summary>Whether the layer is one of the network's outputs; set while shapes are inferred.</summary>
    public bool IsOutput { get; set; }

    public Site Attribute => Site.LayerAttribute(Index);

    public Site Argument(string name, int element = -1) => Site.LayerArgument(Index, name, element);

    public void Report(ProblemKind kind, Site site, params string[] arguments) => _issues.Add(new Issue(kind, site, arguments));

    /// <summary>Reports a problem that also concerns other places (the diagnostic's additional locations, which code fixes edit).</summary>
    public void Report(ProblemKind kind, Site site, IReadOnlyList<Site> additionalSites, params string[] arguments) =>
        _issues.Add(new Issue(kind, site, arguments) { AdditionalSites = additionalSites });

    /// <summary>An argument reader over the layer's attribute that reports at this layer's arguments.</summary>
    public ArgumentReader Reader(IReadOnlyList<ArgumentSpec> specs) =>
        new(Definition.Arguments, specs, (name, element) => Argument(name, element), _issues);
}
