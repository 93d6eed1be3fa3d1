using System;

namespace NetGen;

/// <summary>
/// A TorchVision model as one layer: its convolutional part without the classifier head,
/// followed by global average pooling, so a (3, height, width) image becomes a feature vector
/// (512 values for <see cref="BackboneArchitecture.ResNet18"/>). Its modules keep TorchVision's
/// names under the member's (<c>Features.layer1.0.conv1.weight</c>), so weights saved from
/// PyTorch load with <c>Backbone.LoadTorchVisionWeights</c>. Initialized as TorchVision
/// initializes it; every parameter is trainable. Declare the member as <c>NetGen.Layers.Backbone</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class BackboneAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates a backbone of the given architecture.</summary>
    public BackboneAttribute(BackboneArchitecture architecture)
    {
        Architecture = architecture;
    }

    /// <summary>The TorchVision model.</summary>
    public BackboneArchitecture Architecture { get; }
}
