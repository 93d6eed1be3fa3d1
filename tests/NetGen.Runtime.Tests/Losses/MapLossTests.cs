using NetGen.Losses;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LossesSpecs;

/// <summary>
/// Categorical cross-entropies on (batch, channels, height, width) maps: the channels are the
/// classes of each pixel (Keras's channels-last class axis), the loss the mean over pixels and
/// samples, from probabilities and from logits alike.
/// </summary>
public sealed class MapLossTests
{
    [Fact]
    public void CategoricalCrossentropyOfAMapIsThePixelMeanOverItsChannels()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var logits = randn(2, 4, 3, 5, dtype: ScalarType.Float64);
        var ids = randint(0, 4, [2, 3, 5]);
        var oneHot = nn.functional.one_hot(ids, 4).permute(0, 3, 1, 2).to_type(ScalarType.Float64);
        var expected = nn.functional.cross_entropy(logits, ids).item<double>();
        var loss = new CategoricalCrossentropyLoss();

        var fromLogits = loss.ComputeFromLogits(logits, Activation.Softmax, oneHot).item<double>();
        var fromProbabilities = loss.Compute(nn.functional.softmax(logits, 1), oneHot).item<double>();

        Assert.Equal(expected, fromLogits, 10);
        Assert.Equal(expected, fromProbabilities, 8);
    }

    [Fact]
    public void SparseCategoricalCrossentropyTakesOneClassIdPerPixel()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var logits = randn(2, 4, 3, 5, dtype: ScalarType.Float64);
        var ids = randint(0, 4, [2, 3, 5]);
        var expected = nn.functional.cross_entropy(logits, ids).item<double>();
        var loss = new SparseCategoricalCrossentropyLoss();

        Assert.Equal(expected, loss.ComputeFromLogits(logits, Activation.Softmax, ids).item<double>(), 10);
        Assert.Equal(expected, loss.ComputeFromLogits(logits, Activation.Softmax, ids.unsqueeze(1).to_type(ScalarType.Float32)).item<double>(), 10);
        Assert.Equal(expected, loss.Compute(nn.functional.softmax(logits, 1), ids).item<double>(), 8);
    }

    [Fact]
    public void SparseLabelsShapedLikeNoPixelOfTheMapAreRejectedByShape()
    {
        using var scope = NewDisposeScope();
        var loss = new SparseCategoricalCrossentropyLoss();

        var error = Assert.Throws<System.ArgumentException>(() => loss.ComputeFromLogits(randn(2, 4, 3, 5), Activation.Softmax, zeros(2, 5, 3, ScalarType.Int64)));

        Assert.Contains("one class id per pixel of predictions [2, 4, 3, 5]", error.Message);
        Assert.Contains("[2, 5, 3]", error.Message);
    }
}
