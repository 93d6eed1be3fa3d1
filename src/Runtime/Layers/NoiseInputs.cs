using System;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>What the noise layers check on their input before drawing noise like it.</summary>
internal static class NoiseInputs
{
    /// <summary>Throws unless <paramref name="input"/> holds floating-point values: Gaussian noise on integers or booleans means nothing.</summary>
    public static void CheckFloatingPoint(string layer, Tensor input)
    {
        if (!input.is_floating_point())
        {
            throw new ArgumentException($"{layer} takes floating-point values; got a tensor of {input.dtype}.", nameof(input));
        }
    }
}
