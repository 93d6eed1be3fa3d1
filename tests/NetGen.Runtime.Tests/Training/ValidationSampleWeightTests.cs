using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// Fit's validationSampleWeight, Keras's <c>validation_data=(x_val, y_val, val_sample_weight)</c>: val_loss
/// is the weighted sum of the validation samples' losses over their number, computed here by hand after the run.
/// </summary>
public sealed class ValidationSampleWeightTests
{
    private static readonly float[] s_validationWeights = [2f, 0f, 0.5f, 1f, 3f, 0.25f, 1.5f];

    [Fact]
    public void ValLossIsTheWeightedLossOfTheValidationSamples()
    {
        var (x, y) = ToyData.Separable(10, seed: 401);
        var (xv, yv) = ToyData.Separable(7, seed: 402);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));

        // Validation batches of 3, 3 and 1: the weighted sum over all 7 samples / 7, not a mean of batch means.
        var history = model.Fit(x, y, batchSize: 3, shuffle: false, verbose: Verbosity.Silent, validationData: (xv, yv), validationSampleWeight: tensor(s_validationWeights));

        var losses = CrossEntropies(model, xv, yv);
        var expected = losses.Select((loss, i) => s_validationWeights[i] * loss).Sum() / 7;
        Assert.Equal(expected, history["val_loss"][0], 1e-5);
        Assert.NotEqual(losses.Average(), history["val_loss"][0], 3);
    }

    [Fact]
    public void ValidationWeightsOfOneGiveTheUnweightedValLoss()
    {
        var (x, y) = ToyData.Separable(12, seed: 403);
        var (xv, yv) = ToyData.Separable(7, seed: 404);
        using var weighted = new TinyNet(seed: 41);
        using var plain = new TinyNet(seed: 41);

        var a = weighted.Fit(x, y, epochs: 3, batchSize: 5, shuffle: false, verbose: Verbosity.Silent, validationData: (xv, yv), validationSampleWeight: ones(7, 1));
        var b = plain.Fit(x, y, epochs: 3, batchSize: 5, shuffle: false, verbose: Verbosity.Silent, validationData: (xv, yv));

        Assert.Equal(b["val_loss"], a["val_loss"], new ToleranceComparer(1e-6));
        Assert.Equal(b["val_accuracy"], a["val_accuracy"]);
        // Validation weights never touch training.
        Assert.True(ToyData.SameState(ToyData.State(plain), ToyData.State(weighted)));
    }

    [Fact]
    public void ClassWeightsTrainWhileValidationWeightsWeighValLoss()
    {
        // Keras weights training samples by class and validation samples by validation_data's own weights only.
        var (x, y) = ToyData.Separable(10, seed: 405);
        var (xv, yv) = ToyData.Separable(7, seed: 406);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));

        var history = model.Fit(
            x, y, batchSize: 4, shuffle: false, verbose: Verbosity.Silent,
            classWeight: new Dictionary<int, double> { [0] = 5.0, [1] = 0.2 },
            validationData: (xv, yv),
            validationSampleWeight: tensor(s_validationWeights));

        var expected = CrossEntropies(model, xv, yv).Select((loss, i) => s_validationWeights[i] * loss).Sum() / 7;
        Assert.Equal(expected, history["val_loss"][0], 1e-5);
    }

    [Fact]
    public void ByNameOneValidationWeightWeighsEveryOutputsValLoss()
    {
        var (x, y) = ToyData.TwoHead(8, seed: 407);
        var (xv, yv) = ToyData.TwoHead(5, seed: 408);
        float[] sample = [1f, 0f, 2f, 0.5f, 3f];
        using var model = new TwoHeadNet(seed: 42);

        var history = model.Fit(x, y, batchSize: 4, shuffle: false, verbose: Verbosity.Silent, validationData: (xv, yv), validationSampleWeight: tensor(sample));

        using var noGrad = no_grad();
        var outputs = model.forward(xv["wide"], xv["deep"]);
        var price = ToyData.Floats(outputs.Price);
        var kind = ToyData.Floats(outputs.Kind);
        var (priceTarget, kindTarget) = (ToyData.Floats(yv["Price"]), ToyData.Floats(yv["Kind"]));
        var priceLoss = Enumerable.Range(0, 5).Select(i => sample[i] * (price[i] - priceTarget[i]) * (price[i] - priceTarget[i])).Sum() / 5;
        var kindLoss = Enumerable.Range(0, 5).Select(i => -sample[i] * ((kindTarget[i] * Math.Log(kind[i])) + ((1 - kindTarget[i]) * Math.Log(1 - kind[i])))).Sum() / 5;
        Assert.Equal(priceLoss, history["val_Price_loss"][0], 1e-5);
        Assert.Equal(kindLoss, history["val_Kind_loss"][0], 1e-5);
        Assert.Equal(priceLoss + (0.5 * kindLoss), history["val_loss"][0], 1e-5);
    }

    [Fact]
    public void BadValidationWeightsAreRejectedWithTheirProblem()
    {
        var (x, y) = ToyData.Separable(10, seed: 409);
        var (xv, yv) = ToyData.Separable(7, seed: 410);
        using var model = new TinyNet(new Sgd());

        var wrongLength = Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, validationData: (xv, yv), validationSampleWeight: ones(10)));
        Assert.Equal("validationSampleWeight needs one weight per sample, shape (7) or (7, 1); got [10]. (Parameter 'validationSampleWeight')", wrongLength.Message);
        Assert.Contains("got [7, 2]", Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, validationData: (xv, yv), validationSampleWeight: ones(7, 2))).Message);

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, verbose: Verbosity.Silent, validationData: (xv, yv), validationSampleWeight: tensor(new[] { 1f, 1f, -2f, 1f, 1f, 1f, 1f })));
        Assert.Equal("validationSampleWeight", negative.ParamName);
        Assert.Equal(-2.0, negative.ActualValue);
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, validationData: (xv, yv), validationSampleWeight: full(7, double.PositiveInfinity))).Message);

        var withoutData = Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, validationSampleWeight: ones(7)));
        Assert.Equal("validationSampleWeight weights the samples of validationData, and none was given. (Parameter 'validationSampleWeight')", withoutData.Message);
        var withSplit = Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, validationSplit: 0.3, validationSampleWeight: ones(3)));
        Assert.Equal("validationSampleWeight weights the samples of validationData, and none was given: the samples a validationSplit holds out keep their sampleWeight. (Parameter 'validationSampleWeight')", withSplit.Message);
    }

    /// <summary>Each sample's binary cross-entropy under the model's current parameters, in double precision.</summary>
    internal static double[] CrossEntropies(TinyNet model, Tensor x, Tensor y)
    {
        using var noGrad = no_grad();
        var p = ToyData.Floats(model.forward(x));
        var labels = ToyData.Floats(y);
        return p.Select((pi, i) => -((labels[i] * Math.Log(pi)) + ((1 - labels[i]) * Math.Log(1 - pi)))).ToArray();
    }
}
