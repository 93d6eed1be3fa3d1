using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.Autoencoder;

/// <summary>
/// Compresses a flattened 28 × 28 image (784 values in [0, 1]) to a 64-value code. Declared once:
/// it is the first half of <see cref="ImageAutoencoder"/> and, trained, embeds images on its own.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(784)]
public partial class Encoder
{
    [Dense(256, Activation.ReLU)]
    public partial Linear Hidden { get; }

    [Dense(64, Activation.ReLU)]
    public partial Linear Code { get; }
}

/// <summary>Rebuilds the 784 pixels from a 64-value code; the sigmoid keeps them in [0, 1].</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(64)]
public partial class Decoder
{
    [Dense(256, Activation.ReLU)]
    public partial Linear Hidden { get; }

    [Dense(784, Activation.Sigmoid)]
    public partial Linear Pixels { get; }
}

/// <summary>
/// The full model, 784-256-64-256-784: the encoder, then the decoder, trained to give back its
/// input with per-pixel binary cross-entropy and RMSprop (as in Keras's autoencoder tutorial).
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy, Optimizer = OptimizerKind.RmsProp, LearningRate = 1e-3)]
[Input(784)]
public partial class ImageAutoencoder
{
    [SubNetwork]
    public partial Encoder Encode { get; }

    [SubNetwork]
    public partial Decoder Decode { get; }
}
