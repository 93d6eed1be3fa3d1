#pragma warning disable NG0114 // The even kernel is deliberate: it exercises the Same padding NetGen does at run time.
using NetGen;
using TorchSharp.Modules;

namespace Shop.Vision;

[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input(3, 32, 32)]
public partial class Segmenter
{
    [ZeroPadding2D([1, 1, 2, 3])] public partial ZeroPad2d Pad { get; }
    [Conv2D(8, [3, 5], Activation.ReLU, StridesPerAxis = [1, 2])] public partial Conv2d Encode { get; }
    [BatchNormalization] public partial BatchNorm2d Norm { get; }
    [SpatialDropout2D(0.2)] public partial Dropout2d Drop { get; }
    [MaxPooling2D([2, 1])] public partial MaxPool2d Pool { get; }
    [Conv2DTranspose(8, 4, Activation.ReLU, Strides = 2, Padding = Padding.Same)] public partial ConvTranspose2d Decode { get; }
    [Conv2DTranspose(8, [3, 2], StridesPerAxis = [2, 1], Padding = Padding.Same)] public partial ConvTranspose2d Widen { get; }
    [UpSampling2D(2, Interpolation = Interpolation.Bilinear)] public partial Upsample Up { get; }
    [Cropping2D([32, 16])] public partial NetGen.Layers.Cropping2D Crop { get; }
    [Conv2D(4, 1, Activation.Softmax)] public partial Conv2d Classes { get; }
}

[Network(Loss = Loss.MeanSquaredError)]
[Input(64, 3)]
public partial class SignalNet
{
    [Conv1D(16, 5, Activation.ReLU, Padding = Padding.Causal, DilationRate = 2)] public partial Conv1d Causal { get; }
    [Conv1D(16, 4, Padding = Padding.Same, Strides = 2)] public partial Conv1d Halve { get; }
    [Conv1D(8, 3, Groups = 2)] public partial Conv1d Grouped { get; }
    [Flatten] public partial Flatten Flat { get; }
    [Dense(1)] public partial Linear Forecast { get; }
}
