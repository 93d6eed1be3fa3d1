using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.FashionCnn;

/// <summary>
/// The guide's CIFAR-10 convolutional network, on Fashion-MNIST's one-channel 28 × 28 images:
/// two blocks of two 3 × 3 convolutions, 2 × 2 max pooling and dropout, then a 512-unit dense
/// layer and a ten-way softmax. Spatial sizes: 28 -> 28 -> 26 -> 13 -> 13 -> 11 -> 5, so the
/// flattened map has 64 × 5 × 5 = 1,600 features.
/// </summary>
// The guide trains it with RMSprop(learning_rate=0.0005, decay=1e-6). Keras's legacy decay divides
// the rate by 1 + decay * step, under 0.2% after an epoch of Fashion-MNIST, so the rate here is constant.
[Network(
    Loss = Loss.SparseCategoricalCrossentropy,
    Metrics = [Metric.Accuracy],
    Optimizer = OptimizerKind.RmsProp,
    LearningRate = 5e-4)]
[Input(1, 28, 28)]
public partial class FashionNet
{
    [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Conv1 { get; }

    [Conv2D(32, 3, Activation.ReLU)]
    public partial Conv2d Conv2 { get; }

    [MaxPooling2D(2)]
    public partial MaxPool2d Pool1 { get; }

    [Dropout(0.25)]
    public partial Dropout Drop1 { get; }

    [Conv2D(64, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Conv3 { get; }

    [Conv2D(64, 3, Activation.ReLU)]
    public partial Conv2d Conv4 { get; }

    // NG0113 notes that this pooling never reads the last row and column of its 11 x 11 input:
    // the guide's architecture floors to 5 x 5 (Keras does the same), and it is kept as written.
#pragma warning disable NG0113
    [MaxPooling2D(2)]
    public partial MaxPool2d Pool2 { get; }
#pragma warning restore NG0113

    [Dropout(0.25)]
    public partial Dropout Drop2 { get; }

    [Flatten]
    public partial Flatten Flat { get; }

    [Dense(512, Activation.ReLU)]
    public partial Linear Hidden { get; }

    [Dropout(0.5)]
    public partial Dropout Drop3 { get; }

    [Dense(10, Activation.Softmax)]
    public partial Linear Output { get; }
}
