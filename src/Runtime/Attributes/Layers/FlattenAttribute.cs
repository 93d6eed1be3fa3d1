using System;

namespace NetGen;

/// <summary>
/// Flattens every axis but the batch axis into one. Declare the member as <c>TorchSharp.Modules.Flatten</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class FlattenAttribute : SingleInputLayerAttribute
{
}
