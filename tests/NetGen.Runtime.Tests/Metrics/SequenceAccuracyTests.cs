using System;
using NetGen.Metrics;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.MetricsSpecs;

/// <summary>Accuracy of a sequence of distributions (batch, steps, classes): every step of every sample is one prediction.</summary>
public sealed class SequenceAccuracyTests
{
    [Fact]
    public void EachStepIsComparedWithItsClassId()
    {
        using var scope = NewDisposeScope();
        var predicted = tensor(new long[] { 0, 1, 2, 1, 0, 2 }, [2, 3]);
        var probabilities = nn.functional.one_hot(predicted, 3).to_type(ScalarType.Float32);
        var targets = tensor(new long[] { 0, 1, 1, 1, 2, 2 }, [2, 3]);
        var accuracy = MetricAccumulator.For(Metric.Accuracy);
        accuracy.Reset();

        accuracy.Update(probabilities, targets);
        accuracy.Update(probabilities[..1], predicted[..1]);

        // 4 of 6 steps right, then 3 of 3.
        Assert.Equal(7.0 / 9, accuracy.Result(), 10);
    }

    [Fact]
    public void TargetsOfAnotherLengthAreRejected()
    {
        using var scope = NewDisposeScope();
        var accuracy = MetricAccumulator.For(Metric.Accuracy);
        accuracy.Reset();

        var error = Assert.Throws<ArgumentException>(() => accuracy.Update(rand(2, 3, 4), zeros(2, 5, ScalarType.Int64)));

        Assert.Contains("one per step of a sequence", error.Message);
    }
}
