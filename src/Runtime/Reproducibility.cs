using System;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// One seed for a whole run, as Keras's <c>keras.utils.set_random_seed</c>: after
/// <see cref="SetRandomSeed"/>, weight initialization, dropout and <c>Fit</c>'s shuffling all
/// follow from that seed, through generators whose streams are fixed across machines and .NET
/// versions (TorchSharp's mt19937, the same as PyTorch's, and NetGen's SplitMix64).
/// </summary>
/// <remarks>
/// Finer control: a network constructed with <c>seed:</c> initializes from that seed alone, and
/// <c>Fit(seed:)</c> seeds its shuffling and TorchSharp's generator for dropout. The generators
/// are process-wide, so runs on several threads at once draw from them in whatever order they run.
/// </remarks>
public static class Reproducibility
{
    private static readonly object s_gate = new();
    private static ulong? s_state;

    /// <summary>Seeds TorchSharp's global generator and the stream <c>Fit</c> draws its shuffling seeds from.</summary>
    public static void SetRandomSeed(long seed)
    {
        manual_seed(seed);
        lock (s_gate)
        {
            s_state = unchecked((ulong)seed);
        }
    }

    /// <summary>The next shuffling seed: from the stream <see cref="SetRandomSeed"/> started, else a random one.</summary>
    internal static int NextShuffleSeed()
    {
        lock (s_gate)
        {
            if (s_state is not { } state)
            {
                return Random.Shared.Next();
            }

            // The seeds come from Data/SplitMix64, the generator the shuffles themselves use.
            unchecked
            {
                state += SplitMix64.Increment;
                s_state = state;
                return (int)(SplitMix64.Mix(state) & int.MaxValue);
            }
        }
    }
}
