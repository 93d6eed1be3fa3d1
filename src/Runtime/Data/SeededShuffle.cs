namespace NetGen.Data;

/// <summary>
/// A permutation that depends on the seed alone. <see cref="System.Random"/> is not used because .NET
/// does not promise its seeded sequence stays the same across versions (the runtime ships for
/// net8.0 and net10.0), and TorchSharp's generator is global state other code also draws from.
/// SplitMix64 is tiny, well studied and fully specified, so a split made here is the split made
/// on every machine, runtime and release.
/// </summary>
internal sealed class SeededShuffle
{
    private SplitMix64 _random;

    public SeededShuffle(int seed) => _random = new SplitMix64(seed);

    public void Shuffle<T>(T[] items) => _random.Shuffle(items);
}
