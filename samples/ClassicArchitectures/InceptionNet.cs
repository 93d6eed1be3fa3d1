using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.ClassicArchitectures;

/// <summary>
/// An Inception module (Szegedy et al., 2014, GoogLeNet) on a small convolutional stem. Instead
/// of choosing one kernel size, the module runs 1x1, 3x3 and 5x5 convolutions and a 3x3 max
/// pooling side by side on the same input and concatenates their feature maps on the channel
/// axis, letting training weigh the scales. The 1x1 convolutions before the 3x3 and 5x5 ones and
/// after the pooling reduce the channels first, which is what keeps the module affordable: the 5x5
/// branch here sees 16 channels, not 192. The widths are GoogLeNet's "inception (3a)":
/// 64 + 128 + 32 + 32 = 256 output channels from 192. (torchvision's GoogLeNet uses a 3x3 kernel
/// in its "5x5" branch, kept for its pretrained weights; this is the paper's 5x5.)
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input(3, 32, 32)]
public partial class InceptionNet
{
    [Conv2D(192, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Stem { get; }

    [MaxPooling2D(2)]
    public partial MaxPool2d StemPool { get; }

    [Conv2D(64, 1, Activation.ReLU)]
    public partial Conv2d Branch1x1 { get; }

    [Conv2D(96, 1, Activation.ReLU, From = nameof(StemPool))]
    public partial Conv2d Branch3x3Reduce { get; }

    [Conv2D(128, 3, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Branch3x3 { get; }

    [Conv2D(16, 1, Activation.ReLU, From = nameof(StemPool))]
    public partial Conv2d Branch5x5Reduce { get; }

    [Conv2D(32, 5, Activation.ReLU, Padding = Padding.Same)]
    public partial Conv2d Branch5x5 { get; }

    [MaxPooling2D(3, Strides = 1, Padding = Padding.Same, From = nameof(StemPool))]
    public partial MaxPool2d BranchPool { get; }

    [Conv2D(32, 1, Activation.ReLU)]
    public partial Conv2d BranchPoolProjection { get; }

    // The channel axis (1, counting the batch axis as Keras does), which Concatenate joins for
    // images anyway; written out because joining the channels is the point of the module.
    [Concatenate(nameof(Branch1x1), nameof(Branch3x3), nameof(Branch5x5), nameof(BranchPoolProjection), Axis = 1)]
    public partial Concatenate Inception { get; }

    [GlobalAveragePooling2D]
    public partial GlobalAveragePooling2D Pool { get; }

    [Dense(10, Activation.Softmax)]
    public partial Linear Output { get; }
}
