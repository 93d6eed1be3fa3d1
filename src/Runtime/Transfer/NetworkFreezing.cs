using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// Freezing and unfreezing layers for transfer learning (Keras's <c>layer.trainable</c>): by the
/// layer's property (<c>network.Freeze(network.Conv1)</c>), by a group declared on the layers
/// (<c>[Conv2D(32, 3, Group = "features")]</c>, then <c>network.Freeze("features")</c>), or through
/// <see cref="GetLayer(INetwork, string)"/>.
/// </summary>
/// <remarks>
/// A frozen layer's parameters do not require gradients: the optimizer never holds them (the
/// next <c>Fit</c> creates it over what is trainable, carrying over the state of the parameters
/// that stay trainable), weight decay and momentum leave them unchanged, and the summary counts
/// them as non-trainable. A frozen batch normalization runs in inference mode, in <c>Fit</c> as
/// in <c>Predict</c>: it normalizes with its moving mean and variance and no longer updates them,
/// as in Keras. What is trainable cannot change while <c>Fit</c> runs.
/// </remarks>
public static class NetworkFreezing
{
    /// <summary>Freezes layers, given by their properties: <c>network.Freeze(network.Conv1, network.Conv2)</c>.</summary>
    /// <exception cref="ArgumentException">A module is not one of the network's layers.</exception>
    /// <exception cref="InvalidOperationException"><c>Fit</c> is running.</exception>
    public static void Freeze(this INetwork network, params nn.Module[] layers) => SetLayers(network, layers, trainable: false);

    /// <summary>Unfreezes layers, given by their properties: <c>network.Unfreeze(network.Conv2)</c>.</summary>
    /// <exception cref="ArgumentException">A module is not one of the network's layers.</exception>
    /// <exception cref="InvalidOperationException"><c>Fit</c> is running.</exception>
    public static void Unfreeze(this INetwork network, params nn.Module[] layers) => SetLayers(network, layers, trainable: true);

    /// <summary>Freezes every layer of the declared groups: <c>network.Freeze("features")</c>.</summary>
    /// <exception cref="ArgumentException">A name is not a declared group; the message lists the groups.</exception>
    /// <exception cref="InvalidOperationException"><c>Fit</c> is running.</exception>
    public static void Freeze(this INetwork network, params string[] groups) => SetGroups(network, groups, trainable: false);

    /// <summary>Unfreezes every layer of the declared groups: <c>network.Unfreeze("classifier")</c>.</summary>
    /// <exception cref="ArgumentException">A name is not a declared group; the message lists the groups.</exception>
    /// <exception cref="InvalidOperationException"><c>Fit</c> is running.</exception>
    public static void Unfreeze(this INetwork network, params string[] groups) => SetGroups(network, groups, trainable: true);

    /// <summary>Freezes every layer (Keras's <c>model.trainable = False</c>).</summary>
    public static void FreezeAll(this INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.Core.SetTrainable(network.Core.LayerNames, trainable: false);
    }

    /// <summary>Unfreezes every layer, declared frozen ones included.</summary>
    public static void UnfreezeAll(this INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.Core.SetTrainable(network.Core.LayerNames, trainable: true);
    }

    /// <summary>The groups declared on the network's layers, in declaration order.</summary>
    public static IReadOnlyList<string> Groups(this INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Description.Layers.Select(static layer => layer.Group).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A layer by member name (Keras's <c>get_layer</c>), to read or set whether it is trainable.</summary>
    /// <exception cref="ArgumentException">No layer has that name; the message lists the layers.</exception>
    public static NetworkLayer GetLayer(this INetwork network, string name)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.Core.LayerModule(name);
        return new NetworkLayer(network, network.Description.Layers.First(layer => layer.Name == name));
    }

    /// <summary>A layer by its property: <c>network.GetLayer(network.Conv1).Trainable</c>.</summary>
    /// <exception cref="ArgumentException">The module is not one of the network's layers.</exception>
    public static NetworkLayer GetLayer(this INetwork network, nn.Module layer)
    {
        ArgumentNullException.ThrowIfNull(network);
        return GetLayer(network, network.Core.LayerName(layer));
    }

    /// <summary>Every layer, in execution order.</summary>
    public static IReadOnlyList<NetworkLayer> GetLayers(this INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Description.Layers.Select(layer => new NetworkLayer(network, layer)).ToList();
    }

    private static void SetLayers(INetwork network, nn.Module[] layers, bool trainable)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(layers);
        network.Core.SetTrainable(layers.Select(network.Core.LayerName).ToList(), trainable);
    }

    private static void SetGroups(INetwork network, string[] groups, bool trainable)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(groups);
        var description = network.Description;
        var known = network.Groups();
        var names = new List<string>();
        foreach (var group in groups)
        {
            if (group is null || !known.Contains(group, StringComparer.Ordinal))
            {
                var declared = known.Count == 0
                    ? "it declares no groups (Group = \"...\" on the layer attributes)"
                    : "its groups are " + string.Join(", ", known.Select(static g => "'" + g + "'"));
                var layer = description.Layers.Any(l => l.Name == group)
                    ? $" '{group}' is a layer: freeze it with Freeze(network.{group}) or GetLayer(\"{group}\").Trainable = false."
                    : string.Empty;
                throw new ArgumentException($"{description.Name} has no layer group '{group}'; {declared}.{layer}", nameof(groups));
            }

            names.AddRange(description.Layers.Where(l => l.Group == group).Select(static l => l.Name));
        }

        network.Core.SetTrainable(names, trainable);
    }
}
