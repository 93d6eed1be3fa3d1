using System;
using NetGen.Losses;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LossesSpecs;

/// <summary>Every loss against values computed by hand.</summary>
public sealed class LossFunctionTests
{
    private static double Value(Loss loss, Tensor predictions, Tensor targets)
    {
        using var result = LossFunction.For(loss).Compute(predictions, targets);
        Assert.Equal(0, result.dim());
        return result.to_type(ScalarType.Float64).item<double>();
    }

    [Fact]
    public void MeanSquaredError()
    {
        // (1 - 0)^2 = 1, (2 - 4)^2 = 4, (3 - 3)^2 = 0, (0 - 1)^2 = 1.
        var value = Value(Loss.MeanSquaredError, tensor(new float[] { 1, 2, 3, 0 }, [2, 2]), tensor(new float[] { 0, 4, 3, 1 }, [2, 2]));
        Assert.Equal(6.0 / 4, value, 6);
    }

    [Fact]
    public void MeanAbsoluteError()
    {
        var value = Value(Loss.MeanAbsoluteError, tensor(new float[] { 1, 2, 3, 0 }, [2, 2]), tensor(new float[] { 0, 4, 3, 1 }, [2, 2]));
        Assert.Equal(4.0 / 4, value, 6);
    }

    [Fact]
    public void BinaryCrossentropy()
    {
        var value = Value(Loss.BinaryCrossentropy, tensor(new float[] { 0.9f, 0.2f }, [2, 1]), tensor(new float[] { 1, 0 }, [2, 1]));
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8)) / 2, value, 6);
    }

    [Fact]
    public void BinaryCrossentropyAveragesOverEveryOutput()
    {
        // Two samples x two outputs: the mean of four terms.
        var value = Value(Loss.BinaryCrossentropy, tensor(new float[] { 0.9f, 0.3f, 0.6f, 0.5f }, [2, 2]), tensor(new float[] { 1, 0, 0, 1 }, [2, 2]));
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.7) + Math.Log(0.4) + Math.Log(0.5)) / 4, value, 6);
    }

    [Fact]
    public void BinaryCrossentropyClipsAtEpsilonAndStaysFinite()
    {
        // p = 0 for a positive and p = 1 for a negative: both clipped to 1e-7 away from the edge.
        var value = Value(Loss.BinaryCrossentropy, tensor(new double[] { 0, 1 }, [2, 1], ScalarType.Float64), tensor(new double[] { 1, 0 }, [2, 1], ScalarType.Float64));
        Assert.True(double.IsFinite(value));
        Assert.Equal(-Math.Log(1e-7), value, 4);

        // Correct certain predictions cost (almost) nothing rather than NaN from 0 * log(0).
        var perfect = Value(Loss.BinaryCrossentropy, tensor(new float[] { 1, 0 }, [2, 1]), tensor(new float[] { 1, 0 }, [2, 1]));
        Assert.True(double.IsFinite(perfect));
        Assert.InRange(perfect, 0, 1e-6);
    }

    [Fact]
    public void CategoricalCrossentropy()
    {
        var p = tensor(new float[] { 0.7f, 0.2f, 0.1f, 0.1f, 0.3f, 0.6f }, [2, 3]);
        var y = tensor(new float[] { 1, 0, 0, 0, 0, 1 }, [2, 3]);
        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.6)) / 2, Value(Loss.CategoricalCrossentropy, p, y), 6);
    }

    [Fact]
    public void CategoricalCrossentropyClipsZeroProbabilities()
    {
        var value = Value(Loss.CategoricalCrossentropy, tensor(new double[] { 1, 0 }, [1, 2], ScalarType.Float64), tensor(new double[] { 0, 1 }, [1, 2], ScalarType.Float64));
        Assert.Equal(-Math.Log(1e-7), value, 4);
    }

    [Fact]
    public void SparseCategoricalCrossentropyTakesClassIds()
    {
        var p = tensor(new float[] { 0.7f, 0.2f, 0.1f, 0.1f, 0.3f, 0.6f }, [2, 3]);
        var expected = -(Math.Log(0.2) + Math.Log(0.6)) / 2;
        Assert.Equal(expected, Value(Loss.SparseCategoricalCrossentropy, p, tensor(new long[] { 1, 2 })), 6);
        // A [batch, 1] column of ids and float ids work too.
        Assert.Equal(expected, Value(Loss.SparseCategoricalCrossentropy, p, tensor(new long[] { 1, 2 }, [2, 1])), 6);
        Assert.Equal(expected, Value(Loss.SparseCategoricalCrossentropy, p, tensor(new float[] { 1, 2 })), 6);
    }

    [Fact]
    public void SparseCategoricalCrossentropyRejectsOneHotTargets()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Value(Loss.SparseCategoricalCrossentropy, zeros(2, 3), zeros(2, 3)));
        Assert.Contains("[2, 3] and [2, 3]", error.Message);
    }

    [Theory]
    [InlineData(3L)]
    [InlineData(-1L)]
    public void SparseCategoricalCrossentropyNamesClassIdsOutOfRange(long wrong)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Value(Loss.SparseCategoricalCrossentropy, full(2, 3, 1f / 3), tensor(new long[] { 0, wrong })));
        Assert.Equal("targets", error.ParamName);
        Assert.Contains(FormattableString.Invariant($"class ids in [0, 2] for 3 output columns; the targets hold ids from {Math.Min(0, wrong)} to {Math.Max(0, wrong)}."), error.Message);
    }

    [Theory]
    [InlineData(Loss.MeanSquaredError)]
    [InlineData(Loss.MeanAbsoluteError)]
    [InlineData(Loss.BinaryCrossentropy)]
    public void OneDimensionalTargetsOfAOneColumnOutputAreAccepted(Loss loss)
    {
        var p = tensor(new float[] { 0.9f, 0.2f, 0.4f }, [3, 1]);
        var column = Value(loss, p, tensor(new float[] { 1, 0, 1 }, [3, 1]));
        // Broadcasting [3, 1] against [3] would silently give a [3, 3] loss with another value.
        var flat = Value(loss, p, tensor(new float[] { 1, 0, 1 }));
        Assert.Equal(column, flat, 6);
    }

    [Theory]
    [InlineData(Loss.MeanSquaredError, "MeanSquaredError")]
    [InlineData(Loss.MeanAbsoluteError, "MeanAbsoluteError")]
    [InlineData(Loss.BinaryCrossentropy, "BinaryCrossentropy")]
    [InlineData(Loss.CategoricalCrossentropy, "CategoricalCrossentropy")]
    public void AShapeMismatchNamesBothShapes(Loss loss, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Value(loss, zeros(4, 2), zeros(4)));
        Assert.Equal($"{name} needs targets shaped like the predictions [4, 2]; got [4]. (Parameter 'targets')", error.Message);

        var rows = Assert.Throws<ArgumentException>(() => Value(loss, zeros(4, 1), zeros(3)));
        Assert.Contains("[4, 1]", rows.Message);
        Assert.Contains("[3]", rows.Message);
    }

    [Fact]
    public void NoLossConfiguredIsAnError()
    {
        var error = Assert.Throws<ArgumentException>(() => LossFunction.For(Loss.None));
        Assert.StartsWith("Loss.None is not a loss", error.Message);
        Assert.Contains("is not a defined Loss value", Assert.Throws<ArgumentException>(() => LossFunction.For((Loss)77)).Message);

        using var model = new TinyNet(new CompileOptions(new NetGen.Optimizers.Sgd(), [new OutputOptions("Output", loss: null)]));
        var (x, y) = ToyData.Separable(4, seed: 1);
        const string Expected = "TinyNet has no loss: declare Loss on [Network] or [Output], mark a method [LossTerm], or call Compile(loss: ...) before training or evaluating.";
        Assert.Equal(Expected, Assert.Throws<InvalidOperationException>(() => model.Fit(x, y, verbose: Training.Verbosity.Silent)).Message);
        Assert.Equal(Expected, Assert.Throws<InvalidOperationException>(() => model.Evaluate(x, y)).Message);
    }

    [Fact]
    public void LossValuesStandForTheirFunctions()
    {
        LossFunction crossentropy = Loss.BinaryCrossentropy;
        LossFunction squared = Loss.MeanSquaredError;

        Assert.IsType<BinaryCrossentropyLoss>(crossentropy);
        Assert.IsType<MeanSquaredErrorLoss>(squared);
        Assert.Equal("BinaryCrossentropy", crossentropy.ToString());
    }

    [Fact]
    public void NamesMatchTheLossEnum()
    {
        foreach (var loss in new[] { Loss.MeanSquaredError, Loss.MeanAbsoluteError, Loss.BinaryCrossentropy, Loss.CategoricalCrossentropy, Loss.SparseCategoricalCrossentropy })
        {
            Assert.Equal(loss.ToString(), LossFunction.For(loss).Name);
        }
    }
}
