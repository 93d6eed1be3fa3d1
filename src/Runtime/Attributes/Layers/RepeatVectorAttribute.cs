using System;

namespace NetGen;

/// <summary>
/// Repeats a (features) input <see cref="N"/> times, giving (n, features): the encoder's summary
/// fed to every step of a decoder. Declare the member as <c>NetGen.Layers.RepeatVector</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class RepeatVectorAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates the layer.</summary>
    public RepeatVectorAttribute(int n) => N = n;

    /// <summary>How many steps the output has.</summary>
    public int N { get; }
}
