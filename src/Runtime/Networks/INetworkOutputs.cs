using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// The outputs of a network with several, as its generated <c>Outputs</c> record returns them.
/// </summary>
public interface INetworkOutputs
{
    /// <summary>The outputs in <see cref="NetworkDescription.Outputs"/> order.</summary>
    Tensor[] ToArray();
}
