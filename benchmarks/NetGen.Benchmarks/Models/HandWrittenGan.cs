using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// <see cref="GanGenerator"/> and <see cref="GanDiscriminator"/> as a PyTorch user writes them: two
/// <c>Sequential</c>s, the discriminator returning its logit (the caller trains with
/// <c>binary_cross_entropy_with_logits</c>). Keras's LeakyReLU slope (0.2) and batch normalization
/// (epsilon 1e-3, momentum 0.99, which is PyTorch's 0.01). The layers carry the generated networks'
/// names, so one <c>state_dict</c> fits both.
/// </summary>
public static class HandWrittenGan
{
    public static Sequential Generator() => Sequential(
        ("Hidden1", Linear(100, 256)),
        ("Hidden1Activation", LeakyReLU(0.2)),
        ("Norm1", BatchNorm1d(256, eps: 1e-3, momentum: 0.01)),
        ("Hidden2", Linear(256, 512)),
        ("Hidden2Activation", LeakyReLU(0.2)),
        ("Norm2", BatchNorm1d(512, eps: 1e-3, momentum: 0.01)),
        ("Pixels", Linear(512, 784)),
        ("PixelsActivation", Tanh()));

    public static Sequential Discriminator() => Sequential(
        ("Hidden1", Linear(784, 512)),
        ("Hidden1Activation", LeakyReLU(0.2)),
        ("Drop1", Dropout(0.3)),
        ("Hidden2", Linear(512, 256)),
        ("Hidden2Activation", LeakyReLU(0.2)),
        ("Drop2", Dropout(0.3)),
        ("Real", Linear(256, 1)));
}
