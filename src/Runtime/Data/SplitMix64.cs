namespace NetGen.Data;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood), NetGen's one seeded generator: shuffles for <c>Fit</c> and
/// splits (<see cref="SeededShuffle"/>), the seed stream of <see cref="Reproducibility"/>, and image
/// folders, which seed it from the folder's seed and a path of integers (stream, epoch, position) so
/// every image's draw depends on where it is and not on which worker or in what order it is made.
/// Not <see cref="System.Random"/>: its seeded sequence is not promised across .NET versions.
/// </summary>
internal struct SplitMix64
{
    /// <summary>What the state advances by on every draw (the golden ratio in 64 bits).</summary>
    public const ulong Increment = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    public SplitMix64(int seed, params long[] path)
    {
        _state = unchecked((ulong)seed);
        foreach (var part in path)
        {
            _state = Mix(_state ^ Mix(unchecked((ulong)part + 0x632BE59BD9B4E019UL)));
        }
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates, without modulo bias).</summary>
    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var bound = (ulong)i + 1;
            var limit = ulong.MaxValue - (ulong.MaxValue % bound);
            ulong value;
            do
            {
                value = Next();
            }
            while (value >= limit);

            var j = (int)(value % bound);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public ulong Next()
    {
        unchecked
        {
            _state += Increment;
            return Mix(_state);
        }
    }

    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
