using System;

namespace NetGen;

/// <summary>
/// A TorchSharp module of your own as one layer (Keras's custom <c>Layer</c> subclass): declare the
/// member as your <c>Module&lt;Tensor, Tensor&gt;</c> type,
/// <c>[CustomLayer(OutputShape = [64])] public partial ResidualBlock Block { get; }</c>.
/// The generated constructor builds it with its public parameterless constructor, or calls
/// <see cref="Factory"/>; TorchSharp's global generator is seeded from the network's seed while it is
/// built, and it is moved to the network's device and element type. Its parameters are registered under
/// the member's name (<c>Block.conv.weight</c>): saved, trained and counted in the summary.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class CustomLayerAttribute : SingleInputLayerAttribute
{
    /// <summary>
    /// The shape of one output sample, batch axis excluded, when the module always returns it: layers
    /// after it are then checked at compile time, and <c>forward</c> throws if the module returns another
    /// shape. When not set, the shape is known only at run time (the summary shows what the module type's
    /// <c>public static long[] ComputeOutputShape(long[] inputShape)</c> returns, when it has one).
    /// </summary>
    public int[]? OutputShape { get; set; }

    /// <summary>
    /// A static method of the network class that creates the module, by name (use <c>nameof</c>), for a
    /// module without a public parameterless constructor or one that needs arguments. It takes no
    /// parameters, or one <c>long[] inputShape</c>: the shape of one input sample, batch axis excluded.
    /// </summary>
    public string? Factory { get; set; }
}
