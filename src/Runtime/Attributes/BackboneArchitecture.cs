namespace NetGen;

/// <summary>
/// The TorchVision models a <see cref="BackboneAttribute"/> can hold, each without its classifier
/// head and ending in global average pooling. The number after each name is the length of the
/// feature vector it outputs.
/// </summary>
public enum BackboneArchitecture
{
    /// <summary>TorchVision's <c>resnet18</c>: 512 features.</summary>
    ResNet18 = 0,

    /// <summary>TorchVision's <c>resnet34</c>: 512 features.</summary>
    ResNet34,

    /// <summary>TorchVision's <c>resnet50</c>: 2048 features.</summary>
    ResNet50,

    /// <summary>TorchVision's <c>resnet101</c>: 2048 features.</summary>
    ResNet101,

    /// <summary>TorchVision's <c>vgg11</c> convolutional features: 512 features; images of at least 32 × 32.</summary>
    Vgg11,

    /// <summary>TorchVision's <c>vgg11_bn</c> convolutional features: 512 features; images of at least 32 × 32.</summary>
    Vgg11BatchNorm,

    /// <summary>TorchVision's <c>vgg16</c> convolutional features: 512 features; images of at least 32 × 32.</summary>
    Vgg16,

    /// <summary>TorchVision's <c>vgg16_bn</c> convolutional features: 512 features; images of at least 32 × 32.</summary>
    Vgg16BatchNorm,

    /// <summary>TorchVision's <c>mobilenet_v2</c>: 1280 features.</summary>
    MobileNetV2,

    /// <summary>TorchVision's <c>mobilenet_v3_large</c>: 960 features.</summary>
    MobileNetV3Large,

    /// <summary>TorchVision's <c>mobilenet_v3_small</c>: 576 features.</summary>
    MobileNetV3Small,
}
