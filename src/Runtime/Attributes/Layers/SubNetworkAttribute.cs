using System;

namespace NetGen;

/// <summary>
/// Another <c>[Network]</c> class as one layer (Keras's functional models called on a tensor):
/// declare the member as that class, <c>[SubNetwork] public partial Encoder Encode { get; }</c>
/// (a class declared in the same project: NetGen reads its declaration).
/// Its input must be what the layer before it (or <see cref="SingleInputLayerAttribute.From"/>)
/// gives, checked at compile time; its parameters are saved under the member's name
/// (<c>Encode.Hidden.weight</c>) and appear in the summary as one row.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SubNetworkAttribute : SingleInputLayerAttribute
{
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
