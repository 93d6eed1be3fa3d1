using System.Collections.Generic;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// The fuzzer's random numbers. <see cref="System.Random"/> is not used because .NET does not
/// promise its seeded sequence across versions; SplitMix64 is fully specified (Steele, Lea and
/// Flood 2014), so campaign seed S, mutant I is the same mutant on every machine and runtime.
/// Each mutant gets its own generator from (S, I), so mutants can be made in any order, on any
/// number of threads, and one can be remade alone to replay it.
/// </summary>
internal sealed class SplitMix64
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The generator for mutant <paramref name="index"/> of campaign <paramref name="campaignSeed"/>.</summary>
    public static SplitMix64 ForMutant(ulong campaignSeed, long index) =>
        new(Mix(unchecked(Mix(campaignSeed) + ((ulong)index * Golden))));

    public ulong NextUInt64()
    {
        _state = unchecked(_state + Golden);
        return Mix(_state);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    public int Next(int bound)
    {
        if (bound <= 1)
        {
            return 0;
        }

        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)bound);
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value >= limit);

        return (int)(value % (ulong)bound);
    }

    /// <summary>True with probability <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public bool Chance(int numerator, int denominator) => Next(denominator) < numerator;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
