using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.ClassicArchitectures;

/// <summary>
/// LeNet-5 (LeCun et al., 1998), the network that read handwritten digits on bank cheques and
/// the first convolutional network most courses show: two convolution and subsampling stages
/// learn local strokes and then combinations of them, sharing each small kernel across the whole
/// image, so it has 61,706 parameters where a fully connected network on the same pixels needs
/// hundreds of thousands. Convolutions C1, C3 and C5 with tanh, average-pooling subsampling S2
/// and S4, the fully connected F6 and a softmax over the ten classes. C1 pads its 28x28 input
/// (<c>Same</c>), so its maps and every layer after it have the sizes the paper's network has on
/// its 32x32 padded digits (28x28, 14x14, 10x10, 5x5, 1x1).
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input(1, 28, 28)]
public partial class LeNet5
{
    [Conv2D(6, 5, Activation.Tanh, Padding = Padding.Same)]
    public partial Conv2d C1 { get; }

    [AveragePooling2D(2)]
    public partial AvgPool2d S2 { get; }

    [Conv2D(16, 5, Activation.Tanh)]
    public partial Conv2d C3 { get; }

    [AveragePooling2D(2)]
    public partial AvgPool2d S4 { get; }

    [Conv2D(120, 5, Activation.Tanh)]
    public partial Conv2d C5 { get; }

    [Flatten]
    public partial Flatten Flat { get; }

    [Dense(84, Activation.Tanh)]
    public partial Linear F6 { get; }

    [Dense(10, Activation.Softmax)]
    public partial Linear Output { get; }
}
