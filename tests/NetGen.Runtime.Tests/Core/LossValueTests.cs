using System;
using NetGen.Losses;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Core;

/// <summary>Losses against values computed by hand.</summary>
public sealed class LossValueTests
{
    private static double Value(Loss loss, Tensor predictions, Tensor targets) =>
        LossFunction.For(loss).Compute(predictions, targets).item<float>();

    [Fact]
    public void BinaryCrossentropy()
    {
        var value = Value(Loss.BinaryCrossentropy, tensor(new[] { 0.9f, 0.2f }).reshape(2, 1), tensor(new[] { 1f, 0f }));

        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8)) / 2, value, 5);
    }

    [Fact]
    public void BinaryCrossentropyClipsCertainMistakes()
    {
        var value = Value(Loss.BinaryCrossentropy, tensor(new[] { 0f, 1f }), tensor(new[] { 1f, 0f }));

        // Both terms are clipped to about -log(1e-7) = 16.1 (the float32 clip of 1 - 1e-7 is slightly coarser).
        Assert.InRange(value, 15.9, 16.2);
    }

    [Fact]
    public void CategoricalAndSparseAgree()
    {
        var p = tensor(new[] { 0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f }, new long[] { 2, 3 });
        var expected = -(Math.Log(0.7) + Math.Log(0.8)) / 2;

        Assert.Equal(expected, Value(Loss.CategoricalCrossentropy, p, tensor(new[] { 1f, 0, 0, 0, 0, 1 }, new long[] { 2, 3 })), 5);
        Assert.Equal(expected, Value(Loss.SparseCategoricalCrossentropy, p, tensor(new long[] { 0, 2 })), 5);
    }

    [Fact]
    public void MeanSquaredAndAbsoluteErrors()
    {
        var p = tensor(new[] { 1f, 2f, 4f });
        var y = tensor(new[] { 0f, 2f, 1f });

        Assert.Equal((1 + 0 + 9) / 3.0, Value(Loss.MeanSquaredError, p, y), 5);
        Assert.Equal((1 + 0 + 3) / 3.0, Value(Loss.MeanAbsoluteError, p, y), 5);
    }

    [Fact]
    public void ShapeMismatchNamesBothShapesAndMissingLossIsExplained()
    {
        var error = Assert.Throws<ArgumentException>(() => Value(Loss.MeanSquaredError, zeros(4, 2), zeros(4, 3)));

        Assert.Contains("[4, 2]", error.Message);
        Assert.Contains("[4, 3]", error.Message);
        Assert.Contains("No loss is configured", Assert.Throws<InvalidOperationException>(() => LossFunction.For(Loss.None)).Message);
    }
}
