using System.Collections.Generic;

namespace NetGen;

/// <summary>One layer of a <see cref="NetworkDescription"/>.</summary>
/// <param name="Name">The member name, which is also the module name.</param>
/// <param name="Type">The Keras layer type, such as <c>Dense</c>.</param>
/// <param name="OutputShape">Shape of the layer's output for one sample, or null when it is known only at run time.</param>
/// <param name="ParameterCount">All parameters of the layer, batch-normalization statistics included.</param>
/// <param name="TrainableParameterCount">Parameters updated by training.</param>
/// <param name="Inputs">Names of the layers (or inputs) this layer reads.</param>
public sealed record LayerDescription(
    string Name,
    string Type,
    Shape? OutputShape,
    long ParameterCount,
    long TrainableParameterCount,
    IReadOnlyList<string> Inputs)
{
    /// <summary>The group the layer was declared in (<c>Group = "features"</c>), or null.</summary>
    public string? Group { get; init; }

    /// <summary>
    /// Whether the layer was declared trainable; false for <c>Trainable = false</c>, whose
    /// <see cref="TrainableParameterCount"/> is then 0. Freezing at run time does not change it.
    /// </summary>
    public bool Trainable { get; init; } = true;

    /// <summary>
    /// The layer whose final state this one starts from (<c>InitialState = nameof(Encoder)</c>), or
    /// null. The summary lists it under "Connected to", after the inputs, as Keras lists an encoder's states.
    /// </summary>
    public string? InitialState { get; init; }
}
