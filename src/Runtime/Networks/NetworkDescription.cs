using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>
/// What the generator knows about a network at compile time: its inputs, its layers in
/// execution order with their output shapes and parameter counts, and its outputs.
/// Generated networks expose it as <c>Description</c>.
/// </summary>
public sealed class NetworkDescription
{
    /// <summary>Creates a description; generated code calls this.</summary>
    public NetworkDescription(
        string name,
        IReadOnlyList<InputDescription> inputs,
        IReadOnlyList<LayerDescription> layers,
        IReadOnlyList<OutputDescription> outputs,
        IReadOnlyList<string>? lossTerms = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("A network has at least one input.", nameof(inputs));
        }

        if (layers.Count == 0)
        {
            throw new ArgumentException("A network has at least one layer.", nameof(layers));
        }

        if (outputs.Count == 0)
        {
            throw new ArgumentException("A network has at least one output.", nameof(outputs));
        }

        var unknown = outputs.FirstOrDefault(output => !layers.Any(layer => layer.Name == output.Name));
        if (unknown is not null)
        {
            throw new ArgumentException($"Output '{unknown.Name}' is not one of the layers.", nameof(outputs));
        }

        Name = name;
        Inputs = inputs;
        Layers = layers;
        Outputs = outputs;
        LossTerms = lossTerms ?? [];
    }

    /// <summary>The network's class name.</summary>
    public string Name { get; }

    /// <summary>The inputs, in the order <c>forward</c> takes them.</summary>
    public IReadOnlyList<InputDescription> Inputs { get; }

    /// <summary>The layers in execution order.</summary>
    public IReadOnlyList<LayerDescription> Layers { get; }

    /// <summary>
    /// The names of the network's loss terms (methods marked <c>[LossTerm]</c>, Keras's <c>add_loss</c>), in
    /// execution order: each is added to the training loss and reported under its name.
    /// </summary>
    public IReadOnlyList<string> LossTerms { get; }

    /// <summary>The outputs, in the order <c>forward</c> returns them.</summary>
    public IReadOnlyList<OutputDescription> Outputs { get; }

    /// <summary>Shape of one sample of the only input.</summary>
    /// <exception cref="InvalidOperationException">The network has several inputs; see <see cref="Inputs"/>.</exception>
    public Shape InputShape => Inputs.Count == 1
        ? Inputs[0].Shape
        : throw new InvalidOperationException($"{Name} has {Inputs.Count} inputs ({string.Join(", ", Inputs.Select(static i => i.Name))}); read their shapes from Inputs.");

    /// <summary>Shape of one sample of the only output, or null when it is known only at run time.</summary>
    /// <exception cref="InvalidOperationException">The network has several outputs; see <see cref="Outputs"/>.</exception>
    public Shape? OutputShape => Outputs.Count == 1
        ? Outputs[0].Shape
        : throw new InvalidOperationException($"{Name} has {Outputs.Count} outputs ({string.Join(", ", Outputs.Select(static o => o.Name))}); read their shapes from Outputs.");

    /// <summary>All parameters, including non-trainable ones such as batch-normalization statistics.</summary>
    public long ParameterCount => Layers.Sum(static layer => layer.ParameterCount);

    /// <summary>Parameters updated by training.</summary>
    public long TrainableParameterCount => Layers.Sum(static layer => layer.TrainableParameterCount);

    /// <summary>
    /// False for a plain stack: one input, each layer reading the one before it, and the last
    /// layer as the only output (no layer starting from another's state). The summary then leaves
    /// out the inputs and connections.
    /// </summary>
    public bool IsGraph
    {
        get
        {
            if (Inputs.Count != 1 || Outputs.Count != 1 || Outputs[0].Name != Layers[^1].Name)
            {
                return true;
            }

            for (var i = 0; i < Layers.Count; i++)
            {
                var expected = i == 0 ? Inputs[0].Name : Layers[i - 1].Name;
                if (Layers[i].Inputs.Count != 1 || Layers[i].Inputs[0] != expected || Layers[i].InitialState is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
