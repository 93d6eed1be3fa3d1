using NetGen.Losses;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LossesSpecs;

/// <summary>
/// Sparse categorical cross-entropy on a sequence of distributions (batch, steps, classes), the
/// output of a seq2seq decoder: one class id per step, the loss the mean over every step of every
/// sample (Keras's), from probabilities and from logits alike.
/// </summary>
public sealed class SequenceLossTests
{
    [Fact]
    public void SparseCategoricalCrossentropyOfASequenceIsTheMeanOverItsSteps()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var logits = randn(3, 4, 6, dtype: ScalarType.Float64);
        var ids = randint(0, 6, [3, 4]);
        var logProbabilities = nn.functional.log_softmax(logits, -1);
        var perStep = -logProbabilities.gather(-1, ids.unsqueeze(-1)).squeeze(-1);
        var expected = perStep.mean().item<double>();
        var loss = new SparseCategoricalCrossentropyLoss();

        Assert.Equal(expected, loss.ComputeFromLogits(logits, Activation.Softmax, ids).item<double>(), 10);
        Assert.Equal(expected, loss.ComputeFromLogits(logits, Activation.Softmax, ids.unsqueeze(-1).to_type(ScalarType.Float32)).item<double>(), 10);
        Assert.Equal(expected, loss.Compute(nn.functional.softmax(logits, -1), ids).item<double>(), 8);
    }

    [Fact]
    public void EveryStepCounts()
    {
        // Right everywhere but one step of one sample: only that step's loss is large.
        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 0, 1, 2, 1, 0, 2 }, [2, 3]);
        var logits = nn.functional.one_hot(ids, 3).to_type(ScalarType.Float64) * 20;
        var wrong = ids.clone();
        wrong[1, 2] = tensor(0L);
        var loss = new SparseCategoricalCrossentropyLoss();

        var right = loss.ComputeFromLogits(logits, Activation.Softmax, ids).item<double>();
        var oneWrong = loss.ComputeFromLogits(logits, Activation.Softmax, wrong).item<double>();

        Assert.True(right < 1e-6, right.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(20.0 / 6, oneWrong, 4);
    }

    [Fact]
    public void SparseLabelsThatAreNotOnePerStepAreRejectedByShape()
    {
        using var scope = NewDisposeScope();
        var loss = new SparseCategoricalCrossentropyLoss();

        var error = Assert.Throws<System.ArgumentException>(() => loss.ComputeFromLogits(randn(2, 4, 6), Activation.Softmax, zeros(2, 5, ScalarType.Int64)));

        Assert.Contains("one class id per step of predictions [2, 4, 6] (batch, steps, classes)", error.Message);
        Assert.Contains("[2, 5]", error.Message);
    }

    [Fact]
    public void AnIdOutsideTheVocabularyIsNamedWithTheRange()
    {
        using var scope = NewDisposeScope();
        var loss = new SparseCategoricalCrossentropyLoss();

        var error = Assert.Throws<System.ArgumentException>(() => loss.ComputeFromLogits(randn(2, 4, 6), Activation.Softmax, full(2, 4, 6L)));

        Assert.Contains("class ids in [0, 5] for 6 output columns; the targets hold ids from 6 to 6", error.Message);
    }
}
