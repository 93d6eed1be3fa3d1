using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Runs a channels-first module (TorchSharp's <c>BatchNorm1d</c> normalizes axis 1 of
/// (batch, channels, length)) on a (batch, steps, features) sequence, whose features are its
/// last axis: it moves them to axis 1 and back, and frees the views it makes.
/// </summary>
public static class ChannelsFirst
{
    /// <summary>The module's output for <paramref name="sequence"/>, with its features last again.</summary>
    public static Tensor Apply(nn.Module<Tensor, Tensor> module, Tensor sequence)
    {
        using var channelsFirst = sequence.transpose(1, 2);
        using var output = module.call(channelsFirst);
        return output.transpose(1, 2);
    }
}
