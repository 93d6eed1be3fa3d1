using System;

namespace NetGen;

/// <summary>
/// Concatenates the outputs of several layers along <see cref="Axis"/>; all other axes must match.
/// Declare the member as <see cref="Layers.Concatenate"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ConcatenateAttribute : MergeLayerAttribute
{
    /// <summary>The value of <see cref="Axis"/> that means the feature axis.</summary>
    public const int FeatureAxis = int.MinValue;

    /// <summary>Concatenates the named layers' outputs.</summary>
    public ConcatenateAttribute(params string[] inputs) : base(inputs)
    {
    }

    /// <summary>
    /// The axis joined, counting the batch axis as 0 as Keras does; negative values count from
    /// the end. When not set, the feature axis of NetGen's layout: the features of (features)
    /// and (steps, features) inputs, the channels of images, so feature maps join channels.
    /// </summary>
    public int Axis { get; set; } = FeatureAxis;
}
