using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>What analysis found: inputs, per-layer types and counts, execution order, outputs, compile configuration and issues.</summary>
internal sealed class AnalysisResult
{
    public AnalysisResult(
        IReadOnlyList<Issue> issues,
        IReadOnlyList<InputResult> inputs,
        IReadOnlyList<LayerResult> layers,
        IReadOnlyList<int> executionOrder,
        IReadOnlyList<int> outputs,
        CompileModel? compile)
    {
        Issues = issues;
        Inputs = inputs;
        Layers = layers;
        ExecutionOrder = executionOrder;
        Outputs = outputs;
        Compile = compile;
    }

    public IReadOnlyList<Issue> Issues { get; }

    /// <summary>The network's inputs, in declaration order.</summary>
    public IReadOnlyList<InputResult> Inputs { get; }

    /// <summary>Per layer, in declaration order.</summary>
    public IReadOnlyList<LayerResult> Layers { get; }

    /// <summary>Declaration indexes in an order where each layer follows its inputs (ties keep declaration order).</summary>
    public IReadOnlyList<int> ExecutionOrder { get; }

    /// <summary>Declaration indexes of the outputs, in declaration order.</summary>
    public IReadOnlyList<int> Outputs { get; }

    /// <summary>The compile configuration, or null when the module cannot be generated.</summary>
    public CompileModel? Compile { get; }

    /// <summary>True when code for a working module can be generated.</summary>
    public bool CanGenerate =>
        Layers.Count > 0
        && Inputs.Count > 0
        && Inputs.All(static input => input.Type is not null)
        && !Issues.Any(static issue => issue.Effect == ProblemEffect.BlocksGeneration)
        && Layers.All(static layer => layer.Output.Status != ShapeStatus.Failed && layer.Config is not null)
        && ExecutionOrder.Count == Layers.Count;

    /// <summary>Why the declared compile configuration cannot be used (NG IDs), or null when it can.</summary>
    public string? CompileError
    {
        get
        {
            var ids = Issues.Where(static issue => issue.Effect == ProblemEffect.DisablesTraining)
                .Select(static issue => "NG" + ((int)issue.Kind).ToString("0000", System.Globalization.CultureInfo.InvariantCulture))
                .Distinct()
                .ToList();
            return ids.Count == 0 ? null : string.Join(", ", ids);
        }
    }
}

/// <summary>One input of the network, as analysed.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="Type">Its type, or null when its declaration has problems.</param>
internal sealed record InputResult(string Name, TensorType? Type);

/// <summary>Analysis of one layer.</summary>
internal sealed class LayerResult
{
    public LayerResult(IReadOnlyList<string> inputNames, bool inputsKnown)
    {
        InputNames = inputNames;
        InputsKnown = inputsKnown;
    }

    /// <summary>The names the layer reads, resolved (the previous member, or the input, when none was written).</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>
    /// Values the layer reads besides its inputs, by name, set by <see cref="Layers.MaskLinks"/> and
    /// <see cref="Layers.RecurrentLinks"/>: the token ids whose padding the layer skips, the layer whose
    /// final state it starts from. They order the graph and keep the values alive in <c>forward</c>, but
    /// are not inputs (no shape rule); only a state is shown in the summary's "Connected to", as Keras does.
    /// </summary>
    public IReadOnlyList<string> Links { get; set; } = new string[0];

    /// <summary>Whether another layer starts from this layer's final state, so <c>forward</c> keeps it.</summary>
    public bool ProvidesState { get; set; }

    /// <summary>False when an input name refers to nothing (reported once, where it is written).</summary>
    public bool InputsKnown { get; }

    public bool InCycle { get; set; }

    /// <summary>The configuration, or null when the attribute is incomplete or its arguments are invalid.</summary>
    public LayerConfig? Config { get; set; }

    /// <summary>The input types, when every input is known.</summary>
    public IReadOnlyList<TensorType> InputTypes { get; set; } = new TensorType[0];

    /// <summary>The output's type, dynamic, or failed.</summary>
    public ShapeResult Output { get; set; } = ShapeResult.Failed;

    public ParameterCount Parameters { get; set; }

    /// <summary>Whether some output depends on the layer; unused layers are built but not run.</summary>
    public bool IsUsed { get; set; } = true;

    /// <summary>False when declared <c>Trainable = false</c>: the layer starts frozen and its parameters count as non-trainable.</summary>
    public bool Trainable { get; set; } = true;

    /// <summary>The group declared with <c>Group = "..."</c>, or null.</summary>
    public string? Group { get; set; }
}
