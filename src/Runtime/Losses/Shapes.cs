using System;
using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>Shape helpers for the error messages of losses.</summary>
internal static class Shapes
{
    public static string Format(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

    public static bool SequenceEqual(this long[] left, long[] right) => left.AsSpan().SequenceEqual(right);
}
