using System;

namespace NetGen;

/// <summary>
/// Another <c>[Network]</c> class as one layer (Keras's functional models called on a tensor):
/// declare the member as that class, <c>[SubNetwork] public partial Encoder Encode { get; }</c>
/// (a class declared in the same project: NetGen reads its declaration).
/// Its input must be what the layer before it (or <see cref="SingleInputLayerAttribute.From"/>)
/// gives, checked at compile time; its parameters are saved under the member's name
/// (<c>Encode.Hidden.weight</c>) and appear in the summary as one row.
/// A sub-network with several inputs names one layer or input for each, in the order of its
/// <c>[Input]</c> attributes: <c>[SubNetwork(nameof(Query), nameof(Context))]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SubNetworkAttribute : SingleInputLayerAttribute
{
    /// <summary>
    /// A sub-network called on the named layers or inputs (use <c>nameof</c>), one per input of the
    /// sub-network, in the order it declares its inputs. With no names, its one input is the layer
    /// before it or <see cref="SingleInputLayerAttribute.From"/>.
    /// </summary>
    public SubNetworkAttribute(params string[] inputs) => Inputs = inputs;

    /// <summary>The layers (or inputs) given to the sub-network's inputs, in its order; empty when it takes one through <see cref="SingleInputLayerAttribute.From"/>.</summary>
    public string[] Inputs { get; }

    /// <summary>
    /// Which output of a sub-network with several outputs this layer gives, by the name of that
    /// output's layer in the sub-network (use <c>nameof(Encoder.Latent)</c>). Required when the
    /// sub-network has several outputs; not allowed when it has one.
    /// </summary>
    public string? Output { get; set; }

    /// <summary>
    /// Another <c>[SubNetwork]</c> member of the same type declared before this one, whose instance
    /// (and so whose weights) this layer uses, as a Siamese network calls one model on two inputs.
    /// The shared weights are saved and counted once, under that member's name.
    /// </summary>
    public string? Shares { get; set; }
}
