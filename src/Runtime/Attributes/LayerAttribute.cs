using System;

namespace NetGen;

/// <summary>
/// Base of the attributes that make a <c>partial</c> property of a network a layer.
/// The property's name is the layer's module name (and its <c>state_dict</c> prefix).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public abstract class LayerAttribute : Attribute
{
    /// <summary>
    /// Whether training updates the layer's weights when the network is created (Keras's
    /// <c>trainable</c>). A layer declared <see langword="false"/> starts frozen: its weights are
    /// left out of the optimizer and count as non-trainable in the summary, and a frozen
    /// batch normalization runs in inference mode. <c>Unfreeze</c> changes it at run time.
    /// </summary>
    public bool Trainable { get; set; } = true;

    /// <summary>
    /// A name shared by layers frozen and unfrozen together, such as <c>"features"</c> and
    /// <c>"classifier"</c>: <c>network.Freeze("features")</c>.
    /// </summary>
    public string? Group { get; set; }
}

/// <summary>Base of layers that take one input.</summary>
public abstract class SingleInputLayerAttribute : LayerAttribute
{
    /// <summary>
    /// The layer whose output this layer takes, by member name (use <c>nameof</c>), or an
    /// input's name. When not set, the layer takes the output of the member declared before it.
    /// </summary>
    public string? From { get; set; }
}

/// <summary>Base of layers that combine the outputs of several layers.</summary>
public abstract class MergeLayerAttribute : LayerAttribute
{
    /// <summary>Creates a merge of the named layers.</summary>
    protected MergeLayerAttribute(string[] inputs) => Inputs = inputs;

    /// <summary>The layers (or inputs) merged, by name (use <c>nameof</c>).</summary>
    public string[] Inputs { get; }
}
