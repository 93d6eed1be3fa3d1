using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// Fit(seed:) makes a run reproducible: the shuffling and dropout's draws from TorchSharp's global
/// generator. Dropout uses that process-wide generator, so the class runs apart from the parallel tests.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class SeedTests
{
    private static (DropoutNet First, DropoutNet Second) Twins()
    {
        var first = new DropoutNet(seed: 1);
        var second = new DropoutNet();
        second.load_state_dict(first.state_dict());
        return (first, second);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSameSeedTrainsTheSameWeightsThroughDropout(bool shuffle)
    {
        var (x, y) = ToyData.Separable(24, seed: 121);
        var (first, second) = Twins();
        using (first)
        using (second)
        {
            var a = first.Fit(x, y, epochs: 3, batchSize: 8, shuffle: shuffle, verbose: Verbosity.Silent, seed: 3);
            var b = second.Fit(x, y, epochs: 3, batchSize: 8, shuffle: shuffle, verbose: Verbosity.Silent, seed: 3);

            Assert.Equal(a["loss"], b["loss"]);
            Assert.True(ToyData.SameState(ToyData.State(first), ToyData.State(second)));
        }
    }

    [Fact]
    public void AnotherSeedDropsOtherUnits()
    {
        // Without shuffling, only dropout can make the two runs differ.
        var (x, y) = ToyData.Separable(24, seed: 122);
        var (first, second) = Twins();
        using (first)
        using (second)
        {
            var a = first.Fit(x, y, epochs: 1, batchSize: 8, shuffle: false, verbose: Verbosity.Silent, seed: 3);
            var b = second.Fit(x, y, epochs: 1, batchSize: 8, shuffle: false, verbose: Verbosity.Silent, seed: 4);

            Assert.NotEqual(a["loss"][0], b["loss"][0]);
            Assert.False(ToyData.SameState(ToyData.State(first), ToyData.State(second)));
        }
    }
}
