using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>
/// What the generator knows about a network at compile time: its layers in execution order,
/// their output shapes and parameter counts. Generated networks expose it as <c>Description</c>.
/// </summary>
public sealed class NetworkDescription
{
    /// <summary>Creates a description; generated code calls this.</summary>
    public NetworkDescription(string name, string inputName, Shape inputShape, IReadOnlyList<LayerDescription> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A network has at least one layer.", nameof(layers));
        }

        Name = name;
        InputName = inputName;
        InputShape = inputShape;
        Layers = layers;
    }

    /// <summary>The network's class name.</summary>
    public string Name { get; }

    /// <summary>The name layers use to refer to the network input.</summary>
    public string InputName { get; }

    /// <summary>Shape of one input sample.</summary>
    public Shape InputShape { get; }

    /// <summary>Shape of one output sample.</summary>
    public Shape OutputShape => Layers[^1].OutputShape;

    /// <summary>The layers in execution order; the last one is the output.</summary>
    public IReadOnlyList<LayerDescription> Layers { get; }

    /// <summary>All parameters, including non-trainable ones such as batch-normalization statistics.</summary>
    public long ParameterCount => Layers.Sum(static layer => layer.ParameterCount);

    /// <summary>Parameters updated by training.</summary>
    public long TrainableParameterCount => Layers.Sum(static layer => layer.TrainableParameterCount);

    /// <summary>True when some layer takes an input other than the layer before it.</summary>
    public bool IsGraph
    {
        get
        {
            for (var i = 0; i < Layers.Count; i++)
            {
                var expected = i == 0 ? InputName : Layers[i - 1].Name;
                if (Layers[i].Inputs.Count != 1 || Layers[i].Inputs[0] != expected)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>One layer of a <see cref="NetworkDescription"/>.</summary>
/// <param name="Name">The member name, which is also the module name.</param>
/// <param name="Type">The Keras layer type, such as <c>Dense</c>.</param>
/// <param name="OutputShape">Shape of the layer's output for one sample.</param>
/// <param name="ParameterCount">All parameters of the layer.</param>
/// <param name="TrainableParameterCount">Parameters updated by training.</param>
/// <param name="Inputs">Names of the layers (or the input) this layer reads.</param>
public sealed record LayerDescription(
    string Name,
    string Type,
    Shape OutputShape,
    long ParameterCount,
    long TrainableParameterCount,
    IReadOnlyList<string> Inputs);
