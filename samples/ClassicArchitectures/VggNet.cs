using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.ClassicArchitectures;

/// <summary>
/// A VGG-style network (Simonyan and Zisserman, 2014) for 32x32 colour images: blocks of two 3x3
/// convolutions with <c>Same</c> padding followed by a 2x2 max pooling, the number of filters
/// doubling (32, 64, 128) as the pooling halves the image. VGG's idea is that two stacked 3x3
/// convolutions see a 5x5 window with fewer parameters and one more non-linearity than a single
/// 5x5 kernel, so depth built from one small, uniform block beats large hand-tuned kernels. The
/// classifier is a Dense layer with dropout on the flattened 128x4x4 map; VGG-16 stacks five such
/// blocks with up to 512 filters for 224x224 images.
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input(3, 32, 32)]
public partial class VggNet
{
    [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Block1Conv1 { get; }

    [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Block1Conv2 { get; }

    [MaxPooling2D(2)]
    public partial MaxPool2d Block1Pool { get; }

    [Conv2D(64, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Block2Conv1 { get; }

    [Conv2D(64, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Block2Conv2 { get; }

    [MaxPooling2D(2)]
    public partial MaxPool2d Block2Pool { get; }

    [Conv2D(128, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Block3Conv1 { get; }

    [Conv2D(128, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Block3Conv2 { get; }

    [MaxPooling2D(2)]
    public partial MaxPool2d Block3Pool { get; }

    [Flatten]
    public partial Flatten Flat { get; }

    [Dense(128, Activation.ReLU)]
    public partial Linear Fc { get; }

    [Dropout(0.5)]
    public partial Dropout FcDropout { get; }

    [Dense(10, Activation.Softmax)]
    public partial Linear Output { get; }
}
