using System;
using System.Collections.Generic;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// Data that does not fit a network is an ArgumentException that says what and where, before any
/// step runs: no samples, row counts that disagree, shapes and element types an input does not take.
/// </summary>
public sealed class BadDataTests
{
    [Fact]
    public void NoSamplesIsAClearError()
    {
        var (x, y) = ToyData.Separable(8, seed: 151);
        using var model = new TinyNet();
        var before = ToyData.State(model);

        Assert.Equal("The data for TinyNet has no samples. (Parameter 'x')", Assert.Throws<ArgumentException>(() => model.Fit(x[..0], y[..0], verbose: Verbosity.Silent)).Message);
        Assert.Equal("The data for TinyNet has no samples. (Parameter 'validationData')",
            Assert.Throws<ArgumentException>(() => model.Fit(x, y, validationData: (x[..0], y[..0]), verbose: Verbosity.Silent)).Message);
        Assert.Equal("The data for TinyNet has no samples. (Parameter 'x')", Assert.Throws<ArgumentException>(() => model.Evaluate(x[..0], y[..0])).Message);
        Assert.Equal("The inputs for TinyNet have no samples. (Parameter 'x')", Assert.Throws<ArgumentException>(() => model.Predict(x[..0])).Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.PredictClasses(x[..0])).ParamName);

        var (wide, _) = ToyData.TwoHead(4, seed: 152);
        using var twoHeads = new TwoHeadNet();
        Assert.Equal("The inputs for TwoHeadNet have no samples. (Parameter 'x')", Assert.Throws<ArgumentException>(() => twoHeads.Predict(
            new Dictionary<string, Tensor> { ["wide"] = wide["wide"][..0], ["deep"] = wide["deep"][..0] })).Message);
        Assert.True(ToyData.SameState(before, ToyData.State(model)));
    }

    [Fact]
    public void RowCountsThatDisagreeNameBothTensors()
    {
        var (x, y) = ToyData.TwoHead(6, seed: 153);
        using var model = new TwoHeadNet();
        var shortDeep = new Dictionary<string, Tensor> { ["wide"] = x["wide"], ["deep"] = x["deep"][..5] };
        var shortKind = new Dictionary<string, Tensor> { ["Price"] = y["Price"], ["Kind"] = y["Kind"][..4] };

        Assert.Equal("Every input and target needs one row per sample; 'wide' is [6, 3] and 'deep' is [5, 2]. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Fit(shortDeep, y, verbose: Verbosity.Silent)).Message);
        Assert.Equal("Every input and target needs one row per sample; 'wide' is [6, 3] and 'Kind' is [4, 1]. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Evaluate(x, shortKind)).Message);
        Assert.Equal("Every input needs one row per sample; got [6, 3] and [5, 2]. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Predict(shortDeep)).Message);
    }

    [Fact]
    public void AScalarIsNamedAsSuch()
    {
        var (x, y) = ToyData.Separable(4, seed: 156);
        using var model = new TinyNet();

        Assert.Equal("'input' is a scalar; every input and target needs one row per sample. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Fit(tensor(1f), y, verbose: Verbosity.Silent)).Message);
        Assert.Equal("'Output' is a scalar; every input and target needs one row per sample. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Evaluate(x, tensor(1f))).Message);
        Assert.StartsWith("A batch for TinyNet has a scalar for 'Output'; every tensor of a batch needs its samples on the first axis.",
            Assert.Throws<ArgumentException>(() => model.Fit([new Batch(x, tensor(1f))], verbose: Verbosity.Silent)).Message);
    }

    [Fact]
    public void AWronglyShapedInputIsNamed()
    {
        var (x, y) = ToyData.TwoHead(6, seed: 154);
        using var model = new TwoHeadNet();
        Dictionary<string, Tensor> With(string name, Tensor value) => new(x) { [name] = value };

        Assert.Equal("TwoHeadNet's input 'deep' takes samples shaped (None, 2); the data is [6, 3]: axis 1 has 3 values where 2 were expected. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Fit(With("deep", zeros(6, 3)), y, verbose: Verbosity.Silent)).Message);
        Assert.Equal("TwoHeadNet's input 'wide' takes samples shaped (None, 3); the data is [6]: 2 axes (batch first) were expected, not 1. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Predict(With("wide", zeros(6)))).Message);
        Assert.StartsWith("TwoHeadNet's input 'wide' takes samples shaped (None, 3); the data is [6, 1, 3]",
            Assert.Throws<ArgumentException>(() => model.Evaluate(With("wide", zeros(6, 1, 3)), y)).Message);
    }

    [Fact]
    public void IntegerDataForAFloatInputIsConvertedAndBooleansAreRejected()
    {
        // Keras casts integer features to the model's float type; a boolean tensor is almost surely a mistake.
        var (x, y) = ToyData.Separable(8, seed: 155);
        using var model = new TinyNet();
        using var counts = (x * 10).round().to_type(ScalarType.Int64);
        using var asFloats = counts.to_type(ScalarType.Float32);

        Assert.Equal(model.Evaluate(asFloats, y).Loss, model.Evaluate(counts, y).Loss);
        Assert.Equal(ToyData.Floats(model.Predict(asFloats)), ToyData.Floats(model.Predict(counts.to_type(ScalarType.Int32))));
        Assert.Equal(1, model.Fit(counts, y, verbose: Verbosity.Silent).Epochs);
        Assert.Equal("TinyNet takes float32 values; the data is Bool. (Parameter 'x')", Assert.Throws<ArgumentException>(() => model.Predict(x.gt(0))).Message);
        Assert.StartsWith("TinyNet takes float32 values; the data is Bool.", Assert.Throws<ArgumentException>(() => model.Fit(x.gt(0), y, verbose: Verbosity.Silent)).Message);
    }

    [Fact]
    public void AnIntegerInputTakesAnyIntegerTypeAndRejectsFloats()
    {
        using var model = new TokenNet();
        var ids = tensor(new long[] { 0, 4, 2, 3, 1, 1 }, [3, 2]);
        var targets = zeros(3, 1);
        var expected = ToyData.Floats(model.Predict(ids));

        Assert.Equal(expected, ToyData.Floats(model.Predict(ids.to_type(ScalarType.Int32))));
        Assert.Equal(expected, ToyData.Floats(model.Predict(ids.to_type(ScalarType.Byte))));
        Assert.Equal(1, model.Fit(ids.to_type(ScalarType.Int32), targets, verbose: Verbosity.Silent).Epochs);
        Assert.Equal("TokenNet takes integer (int64) values; the data is Float32. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Predict(ids.to_type(ScalarType.Float32))).Message);
        Assert.StartsWith("TokenNet takes integer (int64) values; the data is Bool.",
            Assert.Throws<ArgumentException>(() => model.Evaluate(ids.gt(1), targets)).Message);
    }

    [Fact]
    public void InputsSharingANamedDimensionMustAgreeOnItsSize()
    {
        using var model = new PairNet();
        Dictionary<string, Tensor> Pair(int leftSteps, int rightSteps) => new()
        {
            ["left"] = ones(4, leftSteps, 2),
            ["right"] = ones(4, rightSteps, 2),
        };

        // Any length works, from one call to the next, as long as both inputs have the same.
        Assert.Equal(new long[] { 4, 1 }, model.Predict(Pair(3, 3))["Output"].shape);
        Assert.Equal(new long[] { 4, 1 }, model.Predict(Pair(7, 7))["Output"].shape);
        var error = Assert.Throws<ArgumentException>(() => model.Predict(Pair(3, 5)));
        Assert.Equal("PairNet's input 'right' takes samples shaped (None, steps, 2); the data is [4, 5, 2]: 'steps' is 5 on axis 1 but 3 elsewhere. (Parameter 'x')", error.Message);
        Assert.Contains("axis 2 has 3 values where 2 were expected",
            Assert.Throws<ArgumentException>(() => model.Predict(new Dictionary<string, Tensor> { ["left"] = ones(4, 3, 3), ["right"] = ones(4, 3, 2) })).Message);
    }
}
