namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.BackboneArchitecture</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum BackboneArchitectureKind
{
    ResNet18 = 0,
    ResNet34,
    ResNet50,
    ResNet101,
    Vgg11,
    Vgg11BatchNorm,
    Vgg16,
    Vgg16BatchNorm,
    MobileNetV2,
    MobileNetV3Large,
    MobileNetV3Small,
}
