using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace Shop.Vision;

[Network(Loss = Loss.BinaryCrossentropy, Optimizer = OptimizerKind.RmsProp)]
[Input(784)]
public partial class DenoisingAutoencoder
{
    [GaussianNoise(0.5)] public partial GaussianNoise Corrupt { get; }
    [Dense(256, Activation.ReLU)] public partial Linear Encode { get; }
    [GaussianDropout(0.2)] public partial GaussianDropout Shake { get; }
    [Dense(64, Activation.ReLU)] public partial Linear Code { get; }
    [Dense(256, Activation.ReLU)] public partial Linear Decode { get; }
    [Dense(784, Activation.Sigmoid)] public partial Linear Reconstruction { get; }
}
