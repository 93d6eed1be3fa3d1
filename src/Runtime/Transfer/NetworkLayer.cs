using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// One layer of a network at run time (Keras's <c>model.get_layer(name)</c>): its description,
/// its module, and whether training updates it. Get it with <c>network.GetLayer(network.Conv1)</c>
/// or <c>network.GetLayer("Conv1")</c>.
/// </summary>
public sealed class NetworkLayer
{
    private readonly INetwork _network;

    internal NetworkLayer(INetwork network, LayerDescription description)
    {
        _network = network;
        Description = description;
    }

    /// <summary>The member name, which is also the module name and <c>state_dict</c> prefix.</summary>
    public string Name => Description.Name;

    /// <summary>The group declared on the layer, or null.</summary>
    public string? Group => Description.Group;

    /// <summary>What the generator knows about the layer.</summary>
    public LayerDescription Description { get; }

    /// <summary>The layer's TorchSharp module.</summary>
    public nn.Module Module => _network.Core.LayerModule(Name);

    /// <summary>
    /// Whether training updates the layer (Keras's <c>trainable</c>). Setting it freezes or
    /// unfreezes the layer as <see cref="NetworkFreezing.Freeze(INetwork, nn.Module[])"/> does.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set while <c>Fit</c> runs.</exception>
    public bool Trainable
    {
        get => !_network.Core.IsFrozen(Name);
        set => _network.Core.SetTrainable([Name], value);
    }

    /// <summary>The parameters training updates now (0 for a frozen layer).</summary>
    public long TrainableParameterCount => Module.parameters().Where(static p => p.requires_grad).Sum(static p => p.numel());

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Description.Type}{(Group is null ? string.Empty : ", group " + Group)}, {(Trainable ? "trainable" : "frozen")})";
}
