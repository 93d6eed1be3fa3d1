using System;

namespace NetGen.Data;

/// <summary>
/// A permutation that depends on the seed alone. <see cref="Random"/> is not used because .NET
/// does not promise its seeded sequence stays the same across versions (the runtime ships for
/// net8.0 and net10.0), and TorchSharp's generator is global state other code also draws from.
/// SplitMix64 is tiny, well studied and fully specified, so a split made here is the split made
/// on every machine, runtime and release.
/// </summary>
internal sealed class SeededShuffle
{
    private ulong _state;

    public SeededShuffle(int seed) => _state = unchecked((ulong)seed);

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextBelow((ulong)i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    private int NextBelow(ulong bound)
    {
        // Reject the top partial block of 2^64 so every residue is equally likely.
        var limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong value;
        do
        {
            value = Next();
        }
        while (value >= limit);

        return (int)(value % bound);
    }

    private ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
