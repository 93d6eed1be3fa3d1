using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Losses;
using NetGen.Metrics;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// A network with two inputs and two outputs, given data by name: per-output losses and weights,
/// Keras's log names, Predict by output name, Compile per output, and the errors for wrong names.
/// </summary>
public sealed class MultiOutputTests
{
    // TwoHeadNet is compiled with Price: mean squared error (weight 1, mae) and Kind: binary
    // cross-entropy from logits (weight 0.5, accuracy).
    private static readonly string[] s_logNames = ["loss", "Price_loss", "Kind_loss", "Price_mae", "Kind_accuracy"];

    /// <summary>The losses and metrics of TwoHeadNet's outputs computed in doubles from what Predict returns.</summary>
    private static (double Mse, double Crossentropy, double Mae, double Accuracy) ByHand(TwoHeadNet model, Dictionary<string, Tensor> x, Dictionary<string, Tensor> y)
    {
        var outputs = model.Predict(x);
        var price = ToyData.Floats(outputs["Price"]);
        var kind = ToyData.Floats(outputs["Kind"]);
        var priceTarget = ToyData.Floats(y["Price"]);
        var kindTarget = ToyData.Floats(y["Kind"]);
        Assert.All(kind, probability => Assert.InRange(probability, 1e-3, 1 - 1e-3));
        return (
            price.Zip(priceTarget, static (p, t) => (double)(p - t) * (p - t)).Average(),
            -kind.Zip(kindTarget, static (q, t) => (t * Math.Log(q)) + ((1 - t) * Math.Log(1 - q))).Average(),
            price.Zip(priceTarget, static (p, t) => (double)Math.Abs(p - t)).Average(),
            kind.Zip(kindTarget, static (q, t) => (q > 0.5) == (t > 0.5) ? 1.0 : 0.0).Average());
    }

    [Fact]
    public void TheTotalLossIsTheWeightedSumOfTheOutputsLosses()
    {
        var (x, y) = ToyData.TwoHead(12, seed: 81);
        using var model = new TwoHeadNet();
        var (mse, crossentropy, mae, accuracy) = ByHand(model, x, y);

        var result = model.Evaluate(x, y, batchSize: 5);

        Assert.Equal(s_logNames, result.Values.Keys);
        Assert.Equal(mse, result["Price_loss"], 1e-5);
        Assert.Equal(crossentropy, result["Kind_loss"], 1e-5);
        Assert.Equal(mse + (0.5 * crossentropy), result.Loss, 1e-5);
        Assert.Equal(mae, result["Price_mae"], 1e-5);
        Assert.Equal(accuracy, result["Kind_accuracy"], 1e-12);

        // Training reports the same values (weights held still by a negligible learning rate).
        model.Compile(optimizer: new Sgd(learningRate: 1e-30));
        var history = model.Fit(x, y, epochs: 1, batchSize: 12, verbose: Verbosity.Silent);
        Assert.All(s_logNames, name => Assert.Equal(result[name], history[name][0], 1e-5));
    }

    [Fact]
    public void FitLogsEveryOutputWithKerasNamesAndLearnsBoth()
    {
        var (x, y) = ToyData.TwoHead(64, seed: 82);
        var (vx, vy) = ToyData.TwoHead(16, seed: 83);
        using var model = new TwoHeadNet(seed: 82);

        var history = model.Fit(x, y, epochs: 30, batchSize: 16, validationData: (vx, vy), verbose: Verbosity.Silent, seed: 4);

        Assert.Equal(s_logNames.Concat(s_logNames.Select(static name => "val_" + name)), history.Values.Keys);
        Assert.True(history["Price_loss"][^1] < history["Price_loss"][0] * 0.5, $"Price_loss {history["Price_loss"][0]} -> {history["Price_loss"][^1]}");
        Assert.True(history["Kind_loss"][^1] < history["Kind_loss"][0], $"Kind_loss {history["Kind_loss"][0]} -> {history["Kind_loss"][^1]}");
        var last = model.Evaluate(vx, vy);
        Assert.All(s_logNames, name => Assert.Equal(last[name], history["val_" + name][^1], 1e-5));
    }

    [Fact]
    public void ValidationSplitHoldsOutTheLastRowsOfEveryInputAndTarget()
    {
        var (x, y) = ToyData.TwoHead(16, seed: 89);
        using var split = new TwoHeadNet(seed: 89);
        using var given = new TwoHeadNet(seed: 89);
        Dictionary<string, Tensor> Rows(Dictionary<string, Tensor> data, Range rows) => data.ToDictionary(static pair => pair.Key, pair => pair.Value[rows]);

        var a = split.Fit(x, y, epochs: 2, batchSize: 4, validationSplit: 0.25, verbose: Verbosity.Silent, seed: 9);
        var b = given.Fit(Rows(x, ..12), Rows(y, ..12), epochs: 2, batchSize: 4, validationData: (Rows(x, 12..), Rows(y, 12..)), verbose: Verbosity.Silent, seed: 9);

        Assert.All(a.Values.Keys, name => Assert.Equal(b[name], a[name]));
    }

    [Fact]
    public void PredictReturnsEveryOutputByName()
    {
        var (x, _) = ToyData.TwoHead(7, seed: 84);
        using var model = new TwoHeadNet();

        var outputs = model.Predict(x, batchSize: 3);

        Assert.Equal(new[] { "Price", "Kind" }, outputs.Keys);
        var direct = model.call(x["wide"], x["deep"]);
        Assert.True(direct.Price.allclose(outputs["Price"], rtol: 1e-5, atol: 1e-6));
        // Probabilities, as forward returns them, not the logits training uses.
        Assert.True(direct.Kind.allclose(outputs["Kind"], rtol: 1e-5, atol: 1e-6));
        Assert.All(ToyData.Floats(outputs["Kind"]), probability => Assert.InRange(probability, 0f, 1f));
        Assert.Equal(new long[] { 7, 1 }, outputs["Kind"].shape);
    }

    [Fact]
    public void MissingAndUnknownNamesAreNamed()
    {
        var (x, y) = ToyData.TwoHead(6, seed: 85);
        using var model = new TwoHeadNet();
        var noDeep = new Dictionary<string, Tensor> { ["wide"] = x["wide"] };
        var misspelt = new Dictionary<string, Tensor> { ["wide"] = x["wide"], ["Deep"] = x["deep"] };
        var noKind = new Dictionary<string, Tensor> { ["Price"] = y["Price"] };

        var missing = Assert.Throws<ArgumentException>(() => model.Fit(noDeep, y, verbose: Verbosity.Silent));
        Assert.Equal("The inputs are 'wide', 'deep'; no tensor was given for 'deep'. (Parameter 'x')", missing.Message);
        Assert.Equal("The inputs are 'wide', 'deep'; no tensor was given for 'deep'; 'Deep' is not one of them. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => model.Evaluate(misspelt, y)).Message);
        Assert.Equal("The outputs are 'Price', 'Kind'; no tensor was given for 'Kind'. (Parameter 'y')",
            Assert.Throws<ArgumentException>(() => model.Fit(x, noKind, verbose: Verbosity.Silent)).Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Predict(misspelt)).ParamName);
        Assert.Equal("validationData", Assert.Throws<ArgumentException>(() => model.Fit(x, y, validationData: (x, noKind), verbose: Verbosity.Silent)).ParamName);

        // The single-tensor overloads say how to give the data.
        const string ByName = "TwoHeadNet has 2 inputs and 2 outputs; give its data by name (inputs wide, deep; outputs Price, Kind). (Parameter 'x')";
        Assert.Equal(ByName, Assert.Throws<ArgumentException>(() => model.Fit(x["wide"], y["Price"], verbose: Verbosity.Silent)).Message);
        Assert.Equal(ByName, Assert.Throws<ArgumentException>(() => model.Evaluate(x["wide"], y["Price"])).Message);
        Assert.Equal(ByName, Assert.Throws<ArgumentException>(() => model.Predict(x["wide"])).Message);
    }

    [Fact]
    public void CompilePerOutputReplacesLossesWeightsAndMetrics()
    {
        var (x, y) = ToyData.TwoHead(10, seed: 86);
        using var model = new TwoHeadNet();
        var optimizer = model.CompileOptions.Optimizer;

        model.Compile(
            loss: new Dictionary<string, LossFunction> { ["Price"] = Loss.MeanAbsoluteError },
            lossWeights: new Dictionary<string, double> { ["Price"] = 2.0 },
            metrics: new Dictionary<string, IReadOnlyList<MetricAccumulator>> { ["Kind"] = [Metric.Accuracy, new RocAuc()] });

        // Kind is no longer trained, only measured; Price's loss counts twice.
        Assert.Null(model.CompileOptions["Kind"].Loss);
        Assert.Equal(2.0, model.CompileOptions["Price"].LossWeight);
        Assert.Empty(model.CompileOptions["Price"].Metrics);
        Assert.Same(optimizer, model.CompileOptions.Optimizer);
        var result = model.Evaluate(x, y);
        Assert.Equal(new[] { "loss", "Price_loss", "Kind_accuracy", "Kind_auc" }, result.Values.Keys);
        var (_, _, mae, accuracy) = ByHand(model, x, y);
        Assert.Equal(mae, result["Price_loss"], 1e-5);
        Assert.Equal(2 * mae, result.Loss, 1e-5);
        Assert.Equal(accuracy, result["Kind_accuracy"], 1e-12);
    }

    [Fact]
    public void CompileWithOneLossAppliesItToEveryOutputAndKeepsTheWeights()
    {
        var (x, y) = ToyData.TwoHead(10, seed: 87);
        using var model = new TwoHeadNet();

        model.Compile(loss: Loss.MeanAbsoluteError);

        // Mean absolute error has no logits form: Kind's is taken on the probabilities.
        var outputs = model.Predict(x);
        var priceError = ToyData.Floats(outputs["Price"]).Zip(ToyData.Floats(y["Price"]), static (p, t) => (double)Math.Abs(p - t)).Average();
        var kindError = ToyData.Floats(outputs["Kind"]).Zip(ToyData.Floats(y["Kind"]), static (p, t) => (double)Math.Abs(p - t)).Average();
        var result = model.Evaluate(x, y);
        Assert.Equal(priceError, result["Price_loss"], 1e-5);
        Assert.Equal(kindError, result["Kind_loss"], 1e-5);
        Assert.Equal(priceError + (0.5 * kindError), result.Loss, 1e-5);
        Assert.Equal(new[] { "loss", "Price_loss", "Kind_loss", "Price_mae", "Kind_accuracy" }, result.Values.Keys);
    }

    [Fact]
    public void CompileRejectsNamesThatAreNotOutputs()
    {
        using var model = new TwoHeadNet();
        var before = model.CompileOptions;

        var loss = Assert.Throws<ArgumentException>(() => model.Compile(loss: new Dictionary<string, LossFunction> { ["Prize"] = Loss.MeanSquaredError }));
        Assert.Equal("'Prize' in loss is not an output of TwoHeadNet; its outputs are 'Price', 'Kind'. (Parameter 'loss')", loss.Message);
        Assert.Equal("lossWeights", Assert.Throws<ArgumentException>(() => model.Compile(
            loss: new Dictionary<string, LossFunction> { ["Price"] = Loss.MeanSquaredError },
            lossWeights: new Dictionary<string, double> { ["price"] = 1 })).ParamName);
        var order = Assert.Throws<ArgumentException>(() => model.Compile(new CompileOptions(new Sgd(), [new OutputOptions("Kind", Loss.BinaryCrossentropy), new OutputOptions("Price", Loss.MeanSquaredError)])));
        Assert.StartsWith("TwoHeadNet's compile options must list its outputs Price, Kind in that order; they list Kind, Price.", order.Message);
        Assert.Same(before, model.CompileOptions);

        // Two metrics logged under one name are refused when a run starts.
        model.Compile(metrics: [Metric.Mae, new MeanAbsoluteError()]);
        var (x, y) = ToyData.TwoHead(4, seed: 88);
        Assert.Equal("Two values would be logged as 'Price_mae'; give the metrics of one output different names.",
            Assert.Throws<InvalidOperationException>(() => model.Evaluate(x, y)).Message);
    }
}
