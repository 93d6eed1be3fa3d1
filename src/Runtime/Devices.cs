using TorchSharp;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>Device choice at run time.</summary>
public static class Devices
{
    /// <summary>CUDA when a CUDA backend and GPU are available, else the CPU.</summary>
    public static Device Default => cuda.is_available() ? CUDA : CPU;

    /// <summary>Moves <paramref name="network"/> to <see cref="Default"/> and returns it.</summary>
    public static T ToDefaultDevice<T>(this T network)
        where T : INetwork
    {
        ((nn.Module)(object)network).to(Default);
        return network;
    }
}
