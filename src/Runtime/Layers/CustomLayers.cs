using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// What generated networks do with a <see cref="CustomLayerAttribute"/> module: build it seeded and where
/// the network lives, and check that it returns the shape it was declared to return.
/// </summary>
public static class CustomLayers
{
    /// <summary>
    /// Builds a user's module with <paramref name="create"/>. With a <paramref name="seed"/>, TorchSharp's
    /// global generator (which TorchSharp's own modules initialize their weights from) is seeded with it
    /// while the module is built and then restored, so the module's weights depend on the network's seed
    /// alone and code around the network sees the global stream unchanged. The module is then moved to
    /// <paramref name="device"/> and <paramref name="dtype"/> when they are given.
    /// </summary>
    /// <param name="layer">The layer's name, for the error when <paramref name="create"/> returns null.</param>
    /// <param name="create">Builds the module: its parameterless constructor or the declared factory.</param>
    /// <param name="seed">The seed drawn from the network's generator, or null to use the global generator as it is.</param>
    /// <param name="device">The network's device, or null to leave the module where it was built.</param>
    /// <param name="dtype">The network's floating-point type, or null to leave the module's.</param>
    public static TModule Create<TModule>(string layer, Func<TModule> create, long? seed, Device? device, ScalarType? dtype)
        where TModule : nn.Module
    {
        ArgumentNullException.ThrowIfNull(create);
        TModule? module;
        if (seed is { } value)
        {
            using var saved = random.get_rng_state();
            random.manual_seed(value);
            try
            {
                module = create();
            }
            finally
            {
                random.set_rng_state(saved);
            }
        }
        else
        {
            module = create();
        }

        if (module is null)
        {
            throw new InvalidOperationException($"The factory of custom layer '{layer}' returned null; it must return the module.");
        }

        if (device is not null)
        {
            module.to(device);
        }

        if (dtype is { } type)
        {
            module.to(type);
        }

        return module;
    }

    /// <summary>
    /// Returns <paramref name="output"/> when each of its samples has <paramref name="declared"/> shape;
    /// otherwise disposes it and throws, naming the layer, the declared shape and the shape returned.
    /// </summary>
    public static Tensor CheckOutput(Tensor output, string layer, params long[] declared)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(declared);
        var shape = output.shape;
        if (shape.Length == declared.Length + 1 && shape.Skip(1).SequenceEqual(declared))
        {
            return output;
        }

        var returned = "(" + string.Join(", ", shape.Select(static d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
        output.Dispose();
        throw new InvalidOperationException(
            $"Custom layer '{layer}' returned a tensor of shape {returned}, but its OutputShape declares (None, {string.Join(", ", declared.Select(static d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}) per batch.");
    }

    /// <summary>
    /// The output shape a custom module's <c>ComputeOutputShape</c> computed, for the network's description
    /// and summary; throws, naming the layer, when it is not one or more positive sizes.
    /// </summary>
    public static Shape ShapeOf(string layer, long[]? computed)
    {
        if (computed is null || computed.Length == 0 || computed.Any(static d => d <= 0 || d > int.MaxValue))
        {
            var written = computed is null ? "null" : "(" + string.Join(", ", computed.Select(static d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
            throw new InvalidOperationException($"ComputeOutputShape of custom layer '{layer}' returned {written}; it must return one or more positive sizes, batch axis excluded.");
        }

        return new Shape(computed.Select(static d => (int)d).ToArray());
    }
}
