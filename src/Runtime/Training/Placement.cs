using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// Where a network's data must go, and checks that data fits it: the parameters' device, the
/// floating-point type inputs take (Keras casts inputs to the model's dtype, so float64 data feeds
/// a float32 network), and each input's declared element type and shape.
/// </summary>
internal sealed class Placement
{
    private readonly NetworkDescription _description;

    public Placement(INetwork network)
    {
        _description = network.Description;
        var first = ((nn.Module)network).parameters().FirstOrDefault();
        Device = first?.device ?? CPU;
        FloatType = first is not null && first.is_floating_point() ? first.dtype : ScalarType.Float32;
        ChannelsLast = network.Core.ChannelsLast;
    }

    public Device Device { get; }

    public ScalarType FloatType { get; }

    /// <summary>Whether (N, C, H, W) floating-point inputs are laid out channels-last, as the network's kernels are.</summary>
    public bool ChannelsLast { get; }

    /// <summary>Checks the inputs' ranks, sizes (named dimensions shared across inputs must agree) and element types.</summary>
    public void CheckInputs(IReadOnlyList<Tensor> inputs, string parameter)
    {
        var bindings = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var declared = _description.Inputs[i];
            var tensor = inputs[i];
            if (declared.Shape.Match(tensor.shape, bindings) is { } problem)
            {
                throw new ArgumentException(
                    $"{_description.Name}{InputLabel(declared)} takes samples shaped {declared.Shape}; the data is {Shape.Format(tensor.shape)}: {problem}.",
                    parameter);
            }

            if (!Accepts(declared.ElementType, tensor.dtype))
            {
                throw new ArgumentException(
                    $"{_description.Name}{InputLabel(declared)} takes {Name(declared.ElementType)} values; the data is {tensor.dtype}.",
                    parameter);
            }
        }
    }

    /// <summary>
    /// Input <paramref name="index"/> on the device, floating-point inputs in the network's type,
    /// and rank-4 ones channels-last when the network is.
    /// </summary>
    public Tensor Input(Tensor tensor, int index)
    {
        var declared = _description.Inputs[index].ElementType;
        var type = declared switch
        {
            ElementType.Int64 => ScalarType.Int64,
            ElementType.Bool => ScalarType.Bool,
            _ => FloatType,
        };
        var moved = Move(tensor, type);
        if (!ChannelsLast || type != FloatType || moved.dim() != 4)
        {
            return moved;
        }

        var laidOut = NetworkMemoryFormat.ToChannelsLast(moved);
        if (!ReferenceEquals(moved, tensor) && !ReferenceEquals(laidOut, moved))
        {
            // The converted copy is not needed once laid out.
            moved.Dispose();
        }

        return laidOut;
    }

    /// <summary>A target on the device; its type is left to the loss and metrics.</summary>
    public Tensor Target(Tensor tensor) => Move(tensor, tensor.dtype);

    /// <summary>The tensor itself when already in place, else a converted copy.</summary>
    private Tensor Move(Tensor tensor, ScalarType type)
    {
        var sameDevice = tensor.device_type == Device.type && tensor.device_index == Device.index;
        if (sameDevice && tensor.dtype == type)
        {
            return tensor;
        }

        return tensor.to(type, Device);
    }

    private static bool Accepts(ElementType declared, ScalarType actual) => declared switch
    {
        ElementType.Int64 => actual is ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte,
        ElementType.Bool => actual == ScalarType.Bool,

        // Features are converted to the network's floating-point type, integers included (Keras casts them too).
        _ => actual != ScalarType.Bool && !is_complex(actual),
    };

    private string InputLabel(InputDescription input) => _description.Inputs.Count == 1 ? string.Empty : $"'s input '{input.Name}'";

    private static string Name(ElementType type) => type switch
    {
        ElementType.Int64 => "integer (int64)",
        ElementType.Bool => "boolean",
        ElementType.Float64 => "float64",
        _ => "float32",
    };
}
