#pragma warning disable NG0114 // The even kernels are deliberate: they exercise the Same padding NetGen does at run time.
using NetGen;
using TorchSharp.Modules;

namespace Shop.Vision;

[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], Optimizer = OptimizerKind.RmsProp, LearningRate = 5e-4)]
[Input(1, 28, 28)]
public partial class ImageLayers
{
    [Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same)] public partial Conv2d Conv1 { get; }
    [Conv2D(8, 3, Activation.ReLU, Strides = 2, Padding = Padding.Same, KernelInitializer = Initializer.HeUniform)] public partial Conv2d Conv2 { get; }
    [MaxPooling2D] public partial MaxPool2d Pool1 { get; }
    [Conv2D(16, 2, Activation.LeakyReLU, Padding = Padding.Same, Groups = 2, Alpha = 0.1)] public partial Conv2d Conv3 { get; }
    [AveragePooling2D(3, Strides = 2, Padding = Padding.Same)] public partial AvgPool2d Pool2 { get; }
    [Conv2D(16, 2, DilationRate = 2, UseBias = false)] public partial Conv2d Conv4 { get; }
    [MaxPooling2D(2, Strides = 1, Padding = Padding.Same)] public partial MaxPool2d Pool3 { get; }
    [GlobalMaxPooling2D(From = nameof(Conv3))] public partial NetGen.Layers.GlobalMaxPooling2D Peaks { get; }
    [GlobalAveragePooling2D(From = nameof(Pool3))] public partial NetGen.Layers.GlobalAveragePooling2D Means { get; }
    [Concatenate(nameof(Peaks), nameof(Means))] public partial NetGen.Layers.Concatenate Features { get; }
    [Dense(10, Activation.Softmax)] public partial Linear Classes { get; }
}
