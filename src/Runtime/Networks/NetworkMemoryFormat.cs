using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// The memory layout a network's 2-D convolutions run in. libtorch picks its convolution kernels
/// from the strides of the kernel and the input: with both channels-last (PyTorch's
/// <c>memory_format=torch.channels_last</c>, the (N, H, W, C) order in memory behind an
/// (N, C, H, W) shape) its CPU kernels skip the reorders the channels-first layout costs.
/// TorchSharp 0.107 has no method taking a memory format, so the layout is made by permuting,
/// copying and permuting back, which gives the same shape and values with channels-last strides.
/// </summary>
public static class NetworkMemoryFormat
{
    /// <summary>
    /// Lays out the network's rank-4 parameters (the kernels of its 2-D convolutions) channels-last,
    /// or back to the ordinary channels-first layout, in place: the parameter objects stay the same,
    /// so an optimizer that holds them keeps training them, and <c>state_dict</c>, saved weights and
    /// loaded weights have the same values either way. While it is on, <c>Predict</c>,
    /// <c>Evaluate</c> and <c>Fit</c> also give the network its (N, C, H, W) floating-point inputs
    /// channels-last (a copy, made per batch by <c>Predict</c> and once per call for data in memory).
    /// Outputs are the same as channels-first's within float rounding; the Fashion-MNIST CNN predicts
    /// about 1.5 times faster on CPU (see the README's runtime section). Off by default.
    /// <c>SaveWeights</c> writes the usual layout; TorchSharp's own <c>Module.save</c> and
    /// <c>save_safetensors</c> refuse non-contiguous tensors, so call them after <c>UseChannelsLast(false)</c>.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="enable">True for channels-last, false for channels-first.</param>
    /// <exception cref="InvalidOperationException"><c>Fit</c> is running on the network.</exception>
    public static void UseChannelsLast(this INetwork network, bool enable = true)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.Core.SetChannelsLast(enable);
    }

    /// <summary>Whether <see cref="UseChannelsLast"/> switched the network to channels-last.</summary>
    /// <param name="network">The network.</param>
    public static bool UsesChannelsLast(this INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Core.ChannelsLast;
    }

    /// <summary>Whether a rank-4 tensor's memory is in (N, H, W, C) order (size-1 axes may have any stride).</summary>
    internal static bool IsChannelsLast(Tensor tensor)
    {
        using var nhwc = tensor.permute(0, 2, 3, 1);
        return nhwc.is_contiguous();
    }

    /// <summary>A rank-4 tensor with the same shape and values, channels-last; the tensor itself if it already is.</summary>
    internal static Tensor ToChannelsLast(Tensor tensor)
    {
        if (IsChannelsLast(tensor))
        {
            return tensor;
        }

        using var nhwc = tensor.permute(0, 2, 3, 1);
        using var copy = nhwc.contiguous();
        return copy.permute(0, 3, 1, 2);
    }

    /// <summary>Moves every rank-4 parameter of <paramref name="module"/> to channels-last or to channels-first, in place.</summary>
    internal static void Apply(nn.Module module, bool channelsLast)
    {
        using var noGrad = no_grad();
        foreach (var parameter in module.parameters().Where(static p => p.dim() == 4))
        {
            var laidOut = channelsLast ? ToChannelsLast(parameter) : parameter.contiguous();
            if (ReferenceEquals(laidOut, parameter))
            {
                continue;
            }

            // set_ gives the parameter the copy's storage and strides; the copy's own handle is freed.
            using (laidOut)
            {
                parameter.set_(laidOut);
            }
        }
    }
}
