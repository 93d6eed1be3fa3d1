using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Runs a TorchSharp <c>Conv1d</c> over a (batch, steps, features) sequence, NetGen's rank-2
/// layout: the features move to TorchSharp's channel axis and back (<see cref="ChannelsFirst"/>),
/// and the steps are padded the way Keras pads them where the module cannot (<c>"same"</c> with
/// a stride above 1 or an even window, and <c>"causal"</c>).
/// </summary>
public static class StepPadding
{
    /// <summary>Keras's <c>"same"</c>: <c>ceil(steps / stride)</c> output steps, the odd step of padding at the end.</summary>
    public static Tensor Same(nn.Module<Tensor, Tensor> convolution, Tensor sequence, int window, int stride)
    {
        var (before, after) = SamePadding.Pads(sequence.size(1), window, stride);
        return Padded(convolution, sequence, before, after);
    }

    /// <summary>Keras's <c>"causal"</c>: <paramref name="window"/> - 1 zero steps before the first, none after.</summary>
    public static Tensor Causal(nn.Module<Tensor, Tensor> convolution, Tensor sequence, int window) =>
        Padded(convolution, sequence, window - 1, 0);

    private static Tensor Padded(nn.Module<Tensor, Tensor> convolution, Tensor sequence, long before, long after)
    {
        if (before + after == 0)
        {
            return ChannelsFirst.Apply(convolution, sequence);
        }

        // (batch, steps, features): the pad list runs from the last axis, so the steps come second.
        using var padded = nn.functional.pad(sequence, [0, 0, before, after]);
        return ChannelsFirst.Apply(convolution, padded);
    }
}
