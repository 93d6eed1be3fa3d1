using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// libtorch's channels-last memory format (PyTorch's <c>x.to(memory_format=torch.channels_last)</c>
/// and <c>model.to(memory_format=...)</c>). TorchSharp 0.107 has the <c>memory_format</c> enum but
/// no method that takes it, so the layout is made by hand: permuting (N, C, H, W) to (N, H, W, C),
/// copying, and permuting back gives a tensor of the same shape and values whose strides are
/// channels-last's, which is all libtorch looks at when it picks its convolution kernels.
/// </summary>
public static class ChannelsLast
{
    /// <summary>A channels-last copy of a rank-4 tensor (same shape and values).</summary>
    public static Tensor Of(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2).MoveToOuterDisposeScope();
    }

    /// <summary>Whether a rank-4 tensor is laid out channels-last (its channel stride is 1).</summary>
    public static bool Is(Tensor tensor)
    {
        var (channels, height, width) = (tensor.shape[1], tensor.shape[2], tensor.shape[3]);
        return tensor.stride().SequenceEqual([height * width * channels, 1, width * channels, channels]);
    }

    /// <summary>Moves every rank-4 parameter (the convolution kernels) of a module to channels-last, in place.</summary>
    public static void Apply(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var parameter in module.parameters().Where(static p => p.dim() == 4))
        {
            // The parameter takes the copy's storage and strides; the wrappers go with the scope.
            using var scope = NewDisposeScope();
            parameter.set_(Of(parameter));
        }
    }
}
