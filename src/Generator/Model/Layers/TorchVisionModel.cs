using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>One window that shrinks the image inside a backbone: <c>floor((size + 2 padding - kernel) / stride) + 1</c>, PyTorch's formula.</summary>
internal readonly record struct Downsampling(int Kernel, int Stride, int Padding)
{
    public long Apply(long size) => size + (2L * Padding) < Kernel ? 0 : ((size + (2L * Padding) - Kernel) / Stride) + 1;
}

/// <summary>
/// What the analysis knows about a TorchVision model kept without its head (the runtime's
/// <c>NetGen.Layers.Backbone</c>): its TorchVision name, the length of the vector its global
/// average pooling outputs, its parameters (trainable ones and batch-normalization statistics,
/// which Keras counts as non-trainable parameters) and the windows that shrink its input, in
/// order (windows that keep the size are left out). A runtime test compares every number with
/// the module TorchVision builds.
/// </summary>
internal sealed class TorchVisionModel
{
    private TorchVisionModel(string torchVisionName, int features, long trainable, long statistics, params Downsampling[] downsampling)
    {
        TorchVisionName = torchVisionName;
        Features = features;
        Trainable = trainable;
        Statistics = statistics;
        Downsampling = downsampling;
    }

    /// <summary>TorchVision's function, e.g. <c>resnet18</c>.</summary>
    public string TorchVisionName { get; }

    public int Features { get; }

    public long Trainable { get; }

    public long Statistics { get; }

    public IReadOnlyList<Downsampling> Downsampling { get; }

    /// <summary>
    /// The image sizes after each window, height and width, up to the first window that does not
    /// fit; <paramref name="failing"/> is that window's index, or -1 when every window fits.
    /// </summary>
    public IReadOnlyList<(long Height, long Width)> Trace(long height, long width, out int failing)
    {
        var sizes = new List<(long Height, long Width)>();
        for (var i = 0; i < Downsampling.Count; i++)
        {
            var next = (Height: Downsampling[i].Apply(height), Width: Downsampling[i].Apply(width));
            if (next.Height < 1 || next.Width < 1)
            {
                failing = i;
                return sizes;
            }

            sizes.Add(next);
            (height, width) = next;
        }

        failing = -1;
        return sizes;
    }

    /// <summary>The smallest side every window still fits.</summary>
    public long MinimumSize
    {
        get
        {
            for (var size = 1L; ; size++)
            {
                Trace(size, size, out var failing);
                if (failing < 0)
                {
                    return size;
                }
            }
        }
    }

    public static TorchVisionModel For(BackboneArchitectureKind kind) => kind switch
    {
        BackboneArchitectureKind.ResNet18 => s_resNet18,
        BackboneArchitectureKind.ResNet34 => s_resNet34,
        BackboneArchitectureKind.ResNet50 => s_resNet50,
        BackboneArchitectureKind.ResNet101 => s_resNet101,
        BackboneArchitectureKind.Vgg11 => s_vgg11,
        BackboneArchitectureKind.Vgg11BatchNorm => s_vgg11BatchNorm,
        BackboneArchitectureKind.Vgg16 => s_vgg16,
        BackboneArchitectureKind.Vgg16BatchNorm => s_vgg16BatchNorm,
        BackboneArchitectureKind.MobileNetV2 => s_mobileNetV2,
        BackboneArchitectureKind.MobileNetV3Large => s_mobileNetV3Large,
        BackboneArchitectureKind.MobileNetV3Small => s_mobileNetV3Small,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "No table entry for this backbone; add one to TorchVisionModel.For."),
    };

    // The 7 x 7 stride-2 stem, the 3 x 3 stride-2 max pooling, and the first 3 x 3 convolution of layer2, layer3 and layer4.
    private static readonly Downsampling[] s_resNetWindows = { new(7, 2, 3), new(3, 2, 1), new(3, 2, 1), new(3, 2, 1), new(3, 2, 1) };

    // Five 2 x 2 max poolings; the 3 x 3 convolutions are padded and keep the size.
    private static readonly Downsampling[] s_vggWindows = Enumerable.Repeat(new Downsampling(2, 2, 0), 5).ToArray();

    // The stride-2 3 x 3 stem and the stride-2 depthwise convolutions of the inverted residual blocks.
    private static readonly Downsampling[] s_mobileNetV2Windows = Enumerable.Repeat(new Downsampling(3, 2, 1), 5).ToArray();

    private static readonly Downsampling[] s_mobileNetV3LargeWindows = { new(3, 2, 1), new(3, 2, 1), new(5, 2, 2), new(3, 2, 1), new(5, 2, 2) };

    private static readonly Downsampling[] s_mobileNetV3SmallWindows = { new(3, 2, 1), new(3, 2, 1), new(3, 2, 1), new(5, 2, 2), new(5, 2, 2) };

    private static readonly TorchVisionModel s_resNet18 = new("resnet18", 512, 11_176_512, 9_600, s_resNetWindows);
    private static readonly TorchVisionModel s_resNet34 = new("resnet34", 512, 21_284_672, 17_024, s_resNetWindows);
    private static readonly TorchVisionModel s_resNet50 = new("resnet50", 2048, 23_508_032, 53_120, s_resNetWindows);
    private static readonly TorchVisionModel s_resNet101 = new("resnet101", 2048, 42_500_160, 105_344, s_resNetWindows);
    private static readonly TorchVisionModel s_vgg11 = new("vgg11", 512, 9_220_480, 0, s_vggWindows);
    private static readonly TorchVisionModel s_vgg11BatchNorm = new("vgg11_bn", 512, 9_225_984, 5_504, s_vggWindows);
    private static readonly TorchVisionModel s_vgg16 = new("vgg16", 512, 14_714_688, 0, s_vggWindows);
    private static readonly TorchVisionModel s_vgg16BatchNorm = new("vgg16_bn", 512, 14_723_136, 8_448, s_vggWindows);
    private static readonly TorchVisionModel s_mobileNetV2 = new("mobilenet_v2", 1280, 2_223_872, 34_112, s_mobileNetV2Windows);
    private static readonly TorchVisionModel s_mobileNetV3Large = new("mobilenet_v3_large", 960, 2_971_952, 24_400, s_mobileNetV3LargeWindows);
    private static readonly TorchVisionModel s_mobileNetV3Small = new("mobilenet_v3_small", 576, 927_008, 12_112, s_mobileNetV3SmallWindows);
}
