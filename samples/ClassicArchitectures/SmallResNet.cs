using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.ClassicArchitectures;

/// <summary>
/// A residual network (He et al., 2015) of two basic blocks on 32x32 colour images. Each block
/// computes conv 3x3 - batch normalization - ReLU - conv 3x3 - batch normalization and adds its
/// input back before the last ReLU, so the block learns a correction to the identity; gradients
/// flow through the additions unchanged, which is what lets ResNets train at depths (50, 152
/// layers) where plain stacks of convolutions get worse. Where a block changes the shape (Block2
/// doubles the channels to 128 and halves the image with strides 2), the shortcut is a 1x1
/// convolution with the same strides followed by batch normalization (the "projection shortcut").
/// The convolutions have no bias: the batch normalization after each one has its own. Block1 has
/// the shape of torchvision's ResNet-18 <c>layer1[0]</c> and Block2 of its <c>layer2[0]</c>;
/// ResNet-18 is a 7x7 stem and eight such blocks.
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input(3, 32, 32)]
public partial class SmallResNet
{
    [Conv2D(64, 3, Padding = Padding.Same, UseBias = false)]
    public partial Conv2d Stem { get; }

    [BatchNormalization]
    public partial BatchNorm2d StemNorm { get; }

    [Activation(Activation.ReLU)]
    public partial ReLU StemRelu { get; }

    [Conv2D(64, 3, Padding = Padding.Same, UseBias = false)]
    public partial Conv2d Block1Conv1 { get; }

    [BatchNormalization]
    public partial BatchNorm2d Block1Norm1 { get; }

    [Activation(Activation.ReLU)]
    public partial ReLU Block1Relu1 { get; }

    [Conv2D(64, 3, Padding = Padding.Same, UseBias = false)]
    public partial Conv2d Block1Conv2 { get; }

    [BatchNormalization]
    public partial BatchNorm2d Block1Norm2 { get; }

    // The identity shortcut: the block's input has the block's output shape already.
    [Add(nameof(Block1Norm2), nameof(StemRelu))]
    public partial Add Block1Sum { get; }

    [Activation(Activation.ReLU)]
    public partial ReLU Block1Out { get; }

    [Conv2D(128, 3, Strides = 2, Padding = Padding.Same, UseBias = false)]
    public partial Conv2d Block2Conv1 { get; }

    [BatchNormalization]
    public partial BatchNorm2d Block2Norm1 { get; }

    [Activation(Activation.ReLU)]
    public partial ReLU Block2Relu1 { get; }

    [Conv2D(128, 3, Padding = Padding.Same, UseBias = false)]
    public partial Conv2d Block2Conv2 { get; }

    [BatchNormalization]
    public partial BatchNorm2d Block2Norm2 { get; }

    // The projection shortcut: (64, 32, 32) -> (128, 16, 16), the shape of the residual branch.
    [Conv2D(128, 1, Strides = 2, UseBias = false, From = nameof(Block1Out))]
    public partial Conv2d Block2Shortcut { get; }

    [BatchNormalization]
    public partial BatchNorm2d Block2ShortcutNorm { get; }

    [Add(nameof(Block2Norm2), nameof(Block2ShortcutNorm))]
    public partial Add Block2Sum { get; }

    [Activation(Activation.ReLU)]
    public partial ReLU Block2Out { get; }

    [GlobalAveragePooling2D]
    public partial GlobalAveragePooling2D Pool { get; }

    [Dense(10, Activation.Softmax)]
    public partial Linear Output { get; }
}
