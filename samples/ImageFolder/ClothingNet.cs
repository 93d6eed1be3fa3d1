using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.ImageFolders;

/// <summary>
/// A small convolutional network for the sample's four clothing classes, on the folder's grey
/// images resized from 28 × 28 to 32 × 32: two blocks of a 3 × 3 convolution and 2 × 2 max pooling
/// (32 -> 16 -> 8), dropout, a 64-unit dense layer and a four-way softmax.
/// </summary>
[Network(
    Loss = Loss.SparseCategoricalCrossentropy,
    Metrics = [Metric.Accuracy],
    Optimizer = OptimizerKind.Adam,
    LearningRate = 1e-3)]
[Input(1, 32, 32)]
public partial class ClothingNet
{
    [Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Conv1 { get; }

    [MaxPooling2D(2)]
    public partial MaxPool2d Pool1 { get; }

    [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Conv2 { get; }

    [MaxPooling2D(2)]
    public partial MaxPool2d Pool2 { get; }

    [Dropout(0.25)]
    public partial Dropout Drop1 { get; }

    [Flatten]
    public partial Flatten Flat { get; }

    [Dense(64, Activation.ReLU)]
    public partial Linear Hidden { get; }

    [Dropout(0.5)]
    public partial Dropout Drop2 { get; }

    [Dense(4, Activation.Softmax)]
    public partial Linear Output { get; }
}
