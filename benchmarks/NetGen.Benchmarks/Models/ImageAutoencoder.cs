using NetGen;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>The Autoencoder sample's encoder: 784 pixels to a 64-value code.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(784)]
public partial class AutoencoderEncoder
{
    [Dense(256, Activation.ReLU)] public partial Linear Hidden { get; }

    [Dense(64, Activation.ReLU)] public partial Linear Code { get; }
}

/// <summary>The Autoencoder sample's decoder: a 64-value code back to 784 pixels in [0, 1].</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(64)]
public partial class AutoencoderDecoder
{
    [Dense(256, Activation.ReLU)] public partial Linear Hidden { get; }

    [Dense(784, Activation.Sigmoid)] public partial Linear Pixels { get; }
}

/// <summary>
/// The Autoencoder sample's full model (samples/Autoencoder), 784-256-64-256-784 as two
/// sub-networks, binary cross-entropy and RMSprop at 1e-3 (435,536 parameters).
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy, Optimizer = OptimizerKind.RmsProp, LearningRate = 1e-3)]
[Input(784)]
public partial class ImageAutoencoder
{
    [SubNetwork] public partial AutoencoderEncoder Encode { get; }

    [SubNetwork] public partial AutoencoderDecoder Decode { get; }
}
