using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>What analysis found: per-layer shapes and counts, execution order, and the issues.</summary>
internal sealed class AnalysisResult
{
    public AnalysisResult(IReadOnlyList<Issue> issues, IReadOnlyList<LayerResult> layers, IReadOnlyList<int> executionOrder, int outputLayer)
    {
        Issues = issues;
        Layers = layers;
        ExecutionOrder = executionOrder;
        OutputLayer = outputLayer;
    }

    public IReadOnlyList<Issue> Issues { get; }

    /// <summary>Per layer, in declaration order.</summary>
    public IReadOnlyList<LayerResult> Layers { get; }

    /// <summary>Declaration indexes in the order the forward pass runs them.</summary>
    public IReadOnlyList<int> ExecutionOrder { get; }

    public int OutputLayer { get; }

    /// <summary>True when code for a working network can be generated.</summary>
    public bool CanGenerate =>
        Layers.Count > 0
        && !Issues.Any(static issue => issue.IsError)
        && Layers.All(static layer => layer is not null && layer.OutputShape is not null)
        && ExecutionOrder.Count == Layers.Count;
}

/// <summary>Analysis of one layer.</summary>
internal sealed class LayerResult
{
    public LayerResult(IReadOnlyList<string> inputNames, bool inputsKnown)
    {
        InputNames = inputNames;
        InputsKnown = inputsKnown;
    }

    /// <summary>The names the layer reads, resolved (the previous member when none was written).</summary>
    public IReadOnlyList<string> InputNames { get; }

    public bool InputsKnown { get; }

    public bool InCycle { get; set; }

    public IReadOnlyList<TensorShape> InputShapes { get; set; } = new TensorShape[0];

    public TensorShape? OutputShape { get; set; }

    public ParameterCount Parameters { get; set; }
}
