using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

[Network]
[Input(6)]
public partial class VariationalAutoencoder
{
    [Dense(4, Activation.ReLU)] public partial Linear Hidden { get; }
    [Dense(2)] public partial Linear Mean { get; }
    [Dense(2, From = nameof(Hidden))] public partial Linear LogVariance { get; }
    [Lambda(OutputShape = [2])] private Tensor Sample(Tensor mean, Tensor logVariance) => mean + exp(0.5 * logVariance) * randn_like(mean);
    [Dense(6, Activation.Sigmoid)] public partial Linear Decoded { get; }
    [LossTerm("kl_loss")] private static Tensor Kl(Tensor mean, Tensor logVariance) => (-0.5 * (1 + logVariance - mean.square() - logVariance.exp()).sum(1)).mean();
    [LossTerm("reconstruction_loss")] private static Tensor Reconstruction(Tensor input, Tensor decoded) => nn.functional.binary_cross_entropy(decoded, input);
}
