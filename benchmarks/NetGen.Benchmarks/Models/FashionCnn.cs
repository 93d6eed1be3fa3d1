using NetGen;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// The guide's CIFAR-10 CNN on Fashion-MNIST's (1, 28, 28) images: two blocks of two 3x3
/// convolutions, max pooling and dropout, then Dense(512) and a softmax over ten classes,
/// trained with RMSprop at 5e-4 and sparse categorical cross-entropy (889,834 parameters).
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Optimizer = OptimizerKind.RmsProp, LearningRate = 5e-4)]
[Input(1, 28, 28)]
public partial class FashionCnn
{
    [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)] public partial Conv2d Conv1 { get; }

    [Conv2D(32, 3, Activation.ReLU)] public partial Conv2d Conv2 { get; }

    [MaxPooling2D(2)] public partial MaxPool2d Pool1 { get; }

    [Dropout(0.25)] public partial Dropout Drop1 { get; }

    [Conv2D(64, 3, Activation.ReLU, Padding = Padding.Same)] public partial Conv2d Conv3 { get; }

    [Conv2D(64, 3, Activation.ReLU)] public partial Conv2d Conv4 { get; }

    [MaxPooling2D(2)] public partial MaxPool2d Pool2 { get; }

    [Dropout(0.25)] public partial Dropout Drop2 { get; }

    [Flatten] public partial Flatten Flat { get; }

    [Dense(512, Activation.ReLU)] public partial Linear Fc { get; }

    [Dropout(0.5)] public partial Dropout Drop3 { get; }

    [Dense(10, Activation.Softmax)] public partial Linear Output { get; }
}
