using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Losses;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// Fit's sampleWeight and classWeight and Evaluate's sampleWeight, against losses and SGD steps
/// computed by hand: Keras's sum_over_batch_size, the weighted sum over the number of samples.
/// </summary>
public sealed class SampleWeightTests
{
    private static readonly float[] s_weights = [0.5f, 2f, 0f, 1f, 3f, 0.25f, 1f, 1.5f, 0.1f, 4f];

    [Fact]
    public void OneStepOfBinaryCrossentropyWeighsEachSample()
    {
        var (x, y) = ToyData.Separable(10, seed: 301);
        using var model = new TinyNet(new Sgd(learningRate: 0.5));
        using var byHand = new TinyNet(new Sgd(learningRate: 0.5));
        byHand.load_state_dict(model.state_dict());

        // The SGD step by hand: the weighted cross-entropy of sigmoid probabilities, mean over the 10 samples.
        var p = nn.functional.sigmoid(byHand.Output.call(nn.functional.relu(byHand.Hidden.call(x))));
        var perSample = -((y * p.log()) + ((1 - y) * (1 - p).log())).reshape(-1);
        var expected = (perSample * tensor(s_weights)).sum() / 10;
        expected.backward();
        var expectedParameters = byHand.parameters().Select(parameter => ToyData.Floats(parameter - (0.5 * parameter.grad!))).ToList();

        var history = model.Fit(x, y, batchSize: 10, shuffle: false, verbose: Verbosity.Silent, sampleWeight: tensor(s_weights));

        Assert.Equal(expected.item<float>(), history["loss"][0], 1e-5);
        foreach (var (actual, hand) in model.parameters().Select(ToyData.Floats).Zip(expectedParameters))
        {
            Assert.Equal(Doubles(hand), Doubles(actual), new ToleranceComparer(1e-5));
        }

        // The weights matter: the unweighted loss of the same step is another number.
        Assert.NotEqual(perSample.mean().item<float>(), history["loss"][0], 3);
    }

    [Fact]
    public void OneStepOfSparseCategoricalCrossentropyWeighsEachSample()
    {
        var (x, _) = ToyData.Separable(10, seed: 302);
        var labels = tensor(new long[] { 0, 1, 2, 2, 1, 0, 1, 2, 0, 1 });
        using var model = new ClassifierNet(new Sgd(learningRate: 0.5));
        using var byHand = new ClassifierNet(new Sgd(learningRate: 0.5));
        byHand.load_state_dict(model.state_dict());

        var probabilities = nn.functional.softmax(byHand.Output.call(x), 1);
        var picked = probabilities.gather(1, labels.reshape(-1, 1)).reshape(-1);
        var expected = (-picked.log() * tensor(s_weights)).sum() / 10;
        expected.backward();
        var expectedWeight = ToyData.Floats(byHand.Output.weight! - (0.5 * byHand.Output.weight!.grad!));

        var history = model.Fit(x, labels, batchSize: 10, shuffle: false, verbose: Verbosity.Silent, sampleWeight: tensor(s_weights).reshape(10, 1));

        Assert.Equal(expected.item<float>(), history["loss"][0], 1e-5);
        Assert.Equal(Doubles(expectedWeight), Doubles(ToyData.Floats(model.Output.weight!)), new ToleranceComparer(1e-5));
    }

    [Fact]
    public void OneStepOfMeanSquaredErrorWeighsEachSample()
    {
        // output = w * x with w = 1: loss = sum(s * (x - y)^2) / n, dloss/dw = sum(s * 2 (x - y) x) / n.
        double[] xs = [1, -2, 0.5, 3];
        double[] ys = [0, 1, 2, -1];
        double[] sample = [2, 0.5, 1, 0];
        var loss = xs.Select((xi, i) => sample[i] * (xi - ys[i]) * (xi - ys[i])).Sum() / 4;
        var gradient = xs.Select((xi, i) => sample[i] * 2 * (xi - ys[i]) * xi).Sum() / 4;
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));

        var history = model.Fit(
            tensor(xs.Select(static v => (float)v).ToArray()).reshape(4, 1),
            tensor(ys.Select(static v => (float)v).ToArray()).reshape(4, 1),
            batchSize: 4,
            shuffle: false,
            verbose: Verbosity.Silent,
            sampleWeight: tensor(sample));

        Assert.Equal(loss, history["loss"][0], 1e-5);
        Assert.Equal(1 - (0.1 * gradient), model.Weight, 1e-5);
    }

    [Fact]
    public void WeightsOfOneTrainAsNoWeights()
    {
        // Equal up to float32 rounding, not bit for bit: libtorch's fused mean (binary_cross_entropy_with_logits)
        // and the mean of the unreduced losses sum in another order (they differ in the last bit).
        var (x, y) = ToyData.Separable(20, seed: 303);
        using var weighted = new TinyNet(seed: 31);
        using var plain = new TinyNet(seed: 31);

        var a = weighted.Fit(x, y, epochs: 3, batchSize: 6, shuffle: false, verbose: Verbosity.Silent, sampleWeight: ones(20));
        var b = plain.Fit(x, y, epochs: 3, batchSize: 6, shuffle: false, verbose: Verbosity.Silent);

        Assert.Equal(b["loss"], a["loss"], new ToleranceComparer(1e-6));
        Assert.Equal(b["accuracy"], a["accuracy"]);
        foreach (var (name, value) in ToyData.State(plain))
        {
            Assert.Equal(Doubles(ToyData.Floats(value)), Doubles(ToyData.Floats(weighted.state_dict()[name])), new ToleranceComparer(1e-6));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ClassWeightsTrainAsTheEquivalentSampleWeights(bool missingClass)
    {
        // Keras's class_weight_to_sample_weights: the label picks the weight; a class not listed weighs 1.
        var (x, y) = ToyData.Separable(20, seed: 304);
        var classWeight = missingClass ? new Dictionary<int, double> { [1] = 3.0 } : new Dictionary<int, double> { [0] = 0.3, [1] = 2.5 };
        var sample = ToyData.Floats(y).Select(label => (float)(classWeight.TryGetValue((int)label, out var w) ? w : 1.0)).ToArray();
        using var byClass = new TinyNet(seed: 32);
        using var bySample = new TinyNet(seed: 32);
        using var unweighted = new TinyNet(seed: 32);

        var a = byClass.Fit(x, y, epochs: 2, batchSize: 6, shuffle: false, verbose: Verbosity.Silent, classWeight: classWeight);
        var b = bySample.Fit(x, y, epochs: 2, batchSize: 6, shuffle: false, verbose: Verbosity.Silent, sampleWeight: tensor(sample));
        var c = unweighted.Fit(x, y, epochs: 2, batchSize: 6, shuffle: false, verbose: Verbosity.Silent);

        Assert.Equal(b["loss"], a["loss"]);
        Assert.True(ToyData.SameState(ToyData.State(bySample), ToyData.State(byClass)));
        Assert.NotEqual(c["loss"][0], a["loss"][0], 4);
    }

    [Fact]
    public void ClassWeightsOfOneHotTargetsGoByTheirArgmax()
    {
        var (x, _) = ToyData.Separable(12, seed: 305);
        long[] classes = [0, 1, 2, 2, 1, 0, 1, 2, 0, 1, 2, 2];
        var oneHot = nn.functional.one_hot(tensor(classes), 3).to_type(ScalarType.Float32);
        var classWeight = new Dictionary<int, double> { [0] = 1.0, [1] = 0.2, [2] = 5.0 };
        var sample = tensor(classes.Select(c => (float)classWeight[(int)c]).ToArray());
        using var byClass = new ClassifierNet(new Sgd(learningRate: 0.3), Loss.CategoricalCrossentropy, seed: 33);
        using var bySample = new ClassifierNet(new Sgd(learningRate: 0.3), Loss.CategoricalCrossentropy, seed: 33);

        var a = byClass.Fit(x, oneHot, epochs: 2, batchSize: 5, shuffle: false, verbose: Verbosity.Silent, classWeight: classWeight);
        var b = bySample.Fit(x, oneHot, epochs: 2, batchSize: 5, shuffle: false, verbose: Verbosity.Silent, sampleWeight: sample);

        Assert.Equal(b["loss"], a["loss"]);
        Assert.True(ToyData.SameState(ToyData.State(bySample), ToyData.State(byClass)));
    }

    [Fact]
    public void ShuffledWeightsStayWithTheirSamples()
    {
        // A learning rate too small to move a float32 weight: the epoch's loss is then the weighted
        // sum over all samples / n whatever the order, but only if every weight travels with its row.
        var (x, y) = ToyData.Separable(12, seed: 306);
        var sample = Enumerable.Range(1, 12).Select(static i => (float)i).ToArray();
        using var model = new TinyNet(new Sgd(learningRate: 1e-12));
        var p = ToyData.Floats(model.forward(x).detach());
        var labels = ToyData.Floats(y);
        var expected = p.Select((pi, i) => -sample[i] * ((labels[i] * Math.Log(pi)) + ((1 - labels[i]) * Math.Log(1 - pi)))).Sum() / 12;

        var history = model.Fit(x, y, epochs: 2, batchSize: 5, shuffle: true, verbose: Verbosity.Silent, sampleWeight: tensor(sample));

        Assert.All(history["loss"], loss => Assert.Equal(expected, loss, 1e-5));
    }

    [Fact]
    public void AValidationSplitKeepsTheHeldOutSamplesWeights()
    {
        var (x, y) = ToyData.Separable(10, seed: 307);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));

        // Keras holds out the last samples with their weights: val_loss is weighted too.
        var history = model.Fit(x, y, batchSize: 4, shuffle: false, validationSplit: 0.3, verbose: Verbosity.Silent, sampleWeight: tensor(s_weights));

        var p = ToyData.Floats(model.forward(x).detach());
        var labels = ToyData.Floats(y);
        var expected = Enumerable.Range(7, 3).Select(i => -s_weights[i] * ((labels[i] * Math.Log(p[i])) + ((1 - labels[i]) * Math.Log(1 - p[i])))).Sum() / 3;
        Assert.Equal(expected, history["val_loss"][0], 1e-5);
    }

    [Fact]
    public void ClassWeightsLeaveTheValidationLossUnweighted()
    {
        var (x, y) = ToyData.Separable(10, seed: 308);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));

        var history = model.Fit(x, y, batchSize: 4, shuffle: false, validationSplit: 0.3, verbose: Verbosity.Silent, classWeight: new Dictionary<int, double> { [0] = 4.0, [1] = 0.25 });

        var p = ToyData.Floats(model.forward(x).detach());
        var labels = ToyData.Floats(y);
        var expected = Enumerable.Range(7, 3).Select(i => -((labels[i] * Math.Log(p[i])) + ((1 - labels[i]) * Math.Log(1 - p[i])))).Average();
        Assert.Equal(expected, history["val_loss"][0], 1e-5);
    }

    [Fact]
    public void EvaluateWeighsTheLossOverAllSamples()
    {
        // Batches of 4, 4 and 2: the weighted sum over the 10 samples / 10, not a mean of batch means.
        var (x, y) = ToyData.Separable(10, seed: 309);
        using var model = new TinyNet(new Sgd(), Metric.Accuracy);
        var p = ToyData.Floats(model.forward(x).detach());
        var labels = ToyData.Floats(y);
        var expected = p.Select((pi, i) => -s_weights[i] * ((labels[i] * Math.Log(pi)) + ((1 - labels[i]) * Math.Log(1 - pi)))).Sum() / 10;
        var accuracy = p.Zip(labels, static (pi, yi) => (pi > 0.5) == (yi > 0.5) ? 1.0 : 0.0).Average();

        var result = model.Evaluate(x, y, batchSize: 4, sampleWeight: tensor(s_weights));

        Assert.Equal(expected, result.Loss, 1e-5);
        // Metrics stay unweighted, as Keras's metrics (not weighted_metrics).
        Assert.Equal(accuracy, result["accuracy"], 1e-12);
    }

    [Fact]
    public void OneSampleWeightWeighsEveryOutputsLoss()
    {
        var (x, y) = ToyData.TwoHead(6, seed: 310);
        float[] sample = [1f, 0f, 2f, 0.5f, 3f, 1f];
        using var model = new TwoHeadNet(seed: 34);
        var outputs = model.forward(x["wide"], x["deep"]);
        var price = ToyData.Floats(outputs.Price.detach());
        var kind = ToyData.Floats(outputs.Kind.detach());
        var (priceTarget, kindTarget) = (ToyData.Floats(y["Price"]), ToyData.Floats(y["Kind"]));
        var priceLoss = Enumerable.Range(0, 6).Select(i => sample[i] * (price[i] - priceTarget[i]) * (price[i] - priceTarget[i])).Sum() / 6;
        var kindLoss = Enumerable.Range(0, 6).Select(i => -sample[i] * ((kindTarget[i] * Math.Log(kind[i])) + ((1 - kindTarget[i]) * Math.Log(1 - kind[i])))).Sum() / 6;

        var history = model.Fit(x, y, batchSize: 6, shuffle: false, verbose: Verbosity.Silent, sampleWeight: tensor(sample));

        Assert.Equal(priceLoss, history["Price_loss"][0], 1e-5);
        Assert.Equal(kindLoss, history["Kind_loss"][0], 1e-5);
        // The Kind head's loss weight (0.5) still applies on top.
        Assert.Equal(priceLoss + (0.5 * kindLoss), history["loss"][0], 1e-5);
    }

    [Fact]
    public void BadWeightsAreRejectedWithTheirProblem()
    {
        var (x, y) = ToyData.Separable(10, seed: 311);
        using var model = new TinyNet(new Sgd());

        var longer = Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, sampleWeight: ones(11)));
        Assert.Equal("sampleWeight needs one weight per sample, shape (10) or (10, 1); got [11]. (Parameter 'sampleWeight')", longer.Message);
        Assert.Contains("got [10, 2]", Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, sampleWeight: ones(10, 2))).Message);

        var negative = tensor(s_weights.Select(static (w, i) => i == 3 ? -1f : w).ToArray());
        var below = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, verbose: Verbosity.Silent, sampleWeight: negative));
        Assert.Equal("sampleWeight", below.ParamName);
        Assert.Equal(-1.0, below.ActualValue);
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, sampleWeight: full(10, double.NaN))).Message);

        var negativeClass = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, verbose: Verbosity.Silent, classWeight: new Dictionary<int, double> { [1] = -0.5 }));
        Assert.Equal("classWeight", negativeClass.ParamName);
        Assert.Contains("class 1", negativeClass.Message);

        var both = Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, classWeight: new Dictionary<int, double> { [1] = 2 }, sampleWeight: ones(10)));
        Assert.StartsWith("Give either sampleWeight or classWeight, not both", both.Message);

        Assert.Contains("got [11]", Assert.Throws<ArgumentException>(() => model.Evaluate(x, y, sampleWeight: ones(11))).Message);
    }

    [Fact]
    public void ClassWeightsNeedOneOutput()
    {
        var (x, y) = ToyData.TwoHead(6, seed: 312);
        using var model = new TwoHeadNet();

        var several = Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: Verbosity.Silent, classWeight: new Dictionary<int, double> { [1] = 2 }));

        Assert.Equal("classWeight", several.ParamName);
        Assert.StartsWith("classWeight needs a network with one output; TwoHeadNet has 2 ('Price', 'Kind'). Give sampleWeight instead.", several.Message);
    }

    [Fact]
    public void ALossWithoutAnUnreducedFormSaysSo()
    {
        var (x, y) = ToyData.Separable(6, seed: 313);
        using var model = new TinyNet(Describe.Options(new Sgd(), new HalfSquaredError()));

        var unsupported = Assert.Throws<NotSupportedException>(() => model.Fit(x, y, verbose: Verbosity.Silent, sampleWeight: ones(6)));

        Assert.Equal("HalfSquaredError cannot weight samples: override ComputeUnreduced to train or evaluate it with sample or class weights.", unsupported.Message);
    }

    private static double[] Doubles(float[] values) => values.Select(static v => (double)v).ToArray();

    /// <summary>A user's loss that only knows its mean.</summary>
    private sealed class HalfSquaredError : LossFunction
    {
        public override string Name => "HalfSquaredError";

        public override Tensor Compute(Tensor predictions, Tensor targets) => nn.functional.mse_loss(predictions, targets) / 2;
    }
}
