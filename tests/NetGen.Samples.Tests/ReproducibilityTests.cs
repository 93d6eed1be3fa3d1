using System.Linq;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>Tests that set TorchSharp's global generator run alone: no other test draws from it meanwhile.</summary>
[CollectionDefinition(nameof(GlobalRandomState), DisableParallelization = true)]
public sealed class GlobalRandomState
{
}

/// <summary>One seed reproduces a whole run, as <c>keras.utils.set_random_seed</c> does.</summary>
[Collection(nameof(GlobalRandomState))]
public sealed class ReproducibilityTests
{
    [Fact]
    public void OneSeedReproducesInitializationDropoutAndShuffling()
    {
        var first = TrainedWeights(11);
        var again = TrainedWeights(11);
        var other = TrainedWeights(12);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private static float[] TrainedWeights(long seed)
    {
        Reproducibility.SetRandomSeed(seed);

        // LayerZoo has dropout (drawn from TorchSharp's generator) and is shuffled by Fit (NetGen's stream).
        using var zoo = new LayerZoo();
        using var x = arange(0, 96, dtype: ScalarType.Float32).reshape(16, 2, 3).div(96);
        using var labels = arange(0, 16, dtype: ScalarType.Int64).remainder(3);
        using var y = Data.OneHot.Encode(labels, classCount: 3);

        zoo.Fit(x, y, epochs: 3, batchSize: 4, verbose: Verbosity.Silent);

        using var weights = zoo.Probabilities.weight!.detach().flatten();
        return weights.data<float>().ToArray();
    }
}
