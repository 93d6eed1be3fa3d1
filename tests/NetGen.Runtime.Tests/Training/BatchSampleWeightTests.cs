using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// A batch source's own sample weights (<see cref="Batch.SampleWeights"/>, the third element of a Keras
/// dataset's <c>(x, y, sample_weight)</c>) weigh training, validation and evaluation exactly as the
/// tensor overloads' <c>sampleWeight</c> does.
/// </summary>
public sealed class BatchSampleWeightTests
{
    private static readonly float[] s_weights = [0.5f, 2f, 0f, 1f, 3f, 0.25f, 1f, 1.5f, 0.1f, 4f, 2f, 0.75f];

    [Fact]
    public void AWeightedBatchSourceTrainsLikeFitsSampleWeight()
    {
        var (x, y) = ToyData.Separable(12, seed: 501);
        var weights = tensor(s_weights);
        using var fromBatches = new TinyNet(seed: 51);
        using var fromTensors = new TinyNet(seed: 51);
        using var unweighted = new TinyNet(seed: 51);

        var a = fromBatches.Fit(Cut(x, y, weights, 5), epochs: 2, verbose: Verbosity.Silent, seed: 7);
        var b = fromTensors.Fit(x, y, epochs: 2, batchSize: 5, shuffle: false, verbose: Verbosity.Silent, seed: 7, sampleWeight: weights);
        var c = unweighted.Fit(Cut(x, y, null, 5), epochs: 2, verbose: Verbosity.Silent, seed: 7);

        Assert.Equal(b["loss"], a["loss"]);
        Assert.True(ToyData.SameState(ToyData.State(fromTensors), ToyData.State(fromBatches)));
        // Not a source that drops the weights: the unweighted run ends elsewhere.
        Assert.NotEqual(c["loss"][0], a["loss"][0], 4);
        Assert.False(ToyData.SameState(ToyData.State(unweighted), ToyData.State(fromBatches)));
    }

    [Fact]
    public void BatchesByNameCarryWeightsForTrainingAndValidation()
    {
        var (x, y) = ToyData.TwoHead(9, seed: 502);
        var (xv, yv) = ToyData.TwoHead(6, seed: 503);
        var weights = tensor(s_weights[..9]).reshape(9, 1);
        var validationWeights = tensor(s_weights[3..9]);
        using var fromBatches = new TwoHeadNet(seed: 52);
        using var fromTensors = new TwoHeadNet(seed: 52);

        var a = fromBatches.Fit(CutByName(x, y, weights, 4), epochs: 2, validationData: CutByName(xv, yv, validationWeights, 4), verbose: Verbosity.Silent, seed: 8);
        var b = fromTensors.Fit(x, y, epochs: 2, batchSize: 4, shuffle: false, validationData: (xv, yv), validationSampleWeight: validationWeights, verbose: Verbosity.Silent, seed: 8, sampleWeight: weights);

        foreach (var key in new[] { "loss", "Price_loss", "Kind_loss", "val_loss", "val_Price_loss", "val_Kind_loss" })
        {
            Assert.Equal(b[key], a[key], new ToleranceComparer(1e-6));
        }

        Assert.True(ToyData.SameState(ToyData.State(fromTensors), ToyData.State(fromBatches)));
    }

    [Fact]
    public void EvaluatingWeightedBatchesWeighsTheLossOverAllSamples()
    {
        var (x, y) = ToyData.Separable(12, seed: 504);
        using var model = new TinyNet(new Sgd(), Metric.Accuracy);
        var losses = ValidationSampleWeightTests.CrossEntropies(model, x, y);
        var expected = losses.Select((loss, i) => s_weights[i] * loss).Sum() / 12;

        var result = model.Evaluate(Cut(x, y, tensor(s_weights), 5));

        Assert.Equal(expected, result.Loss, 1e-5);
        Assert.Equal(model.Evaluate(x, y, batchSize: 5, sampleWeight: tensor(s_weights)).Loss, result.Loss, 1e-6);
        Assert.NotEqual(losses.Average(), result.Loss, 3);
    }

    [Fact]
    public void ABatchWithoutWeightsAmongWeightedOnesWeighsOnePerSample()
    {
        var (x, y) = ToyData.Separable(12, seed: 505);
        var batches = Cut(x, y, tensor(s_weights), 5);
        // The middle batch (samples 5 to 9) loses its weights: they count as 1 each.
        batches[1] = new Batch(batches[1].Inputs[0], batches[1].Targets[0]);
        var asOnes = s_weights.Select(static (w, i) => i is >= 5 and < 10 ? 1f : w).ToArray();
        using var mixed = new TinyNet(seed: 53);
        using var equivalent = new TinyNet(seed: 53);

        var a = mixed.Fit(batches, epochs: 2, verbose: Verbosity.Silent, seed: 9);
        var b = equivalent.Fit(x, y, epochs: 2, batchSize: 5, shuffle: false, verbose: Verbosity.Silent, seed: 9, sampleWeight: tensor(asOnes));

        // The unweighted batch takes the fused mean, the weighted equivalent the mean of unreduced losses.
        Assert.Equal(b["loss"], a["loss"], new ToleranceComparer(1e-6));
        foreach (var (name, value) in ToyData.State(equivalent))
        {
            Assert.Equal(ToyData.Floats(value).Select(static v => (double)v), ToyData.Floats(mixed.state_dict()[name]).Select(static v => (double)v), new ToleranceComparer(1e-6));
        }
    }

    [Fact]
    public void BadBatchWeightsAreRejectedWithTheBatchAndTheProblem()
    {
        var (x, y) = ToyData.Separable(10, seed: 506);
        using var model = new TinyNet(new Sgd());
        Batch[] WithSecond(Tensor weights) => [new Batch(x.narrow(0, 0, 5), y.narrow(0, 0, 5), ones(5)), new Batch(x.narrow(0, 5, 5), y.narrow(0, 5, 5), weights)];

        var wrongLength = Assert.Throws<ArgumentException>(() => model.Fit(WithSecond(ones(4)), verbose: Verbosity.Silent));
        Assert.Equal("Batch 1 of epoch 1: SampleWeights needs one weight per sample, shape (5) or (5, 1); got [4]. (Parameter 'batches')", wrongLength.Message);
        Assert.Contains("got [5, 2]", Assert.Throws<ArgumentException>(() => model.Evaluate(WithSecond(ones(5, 2)))).Message);

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(WithSecond(tensor(new[] { 1f, -0.5f, 1f, 1f, 1f })), verbose: Verbosity.Silent));
        Assert.Equal("batches", negative.ParamName);
        Assert.Equal(-0.5, negative.ActualValue);
        Assert.StartsWith("Batch 1 of epoch 1: SampleWeights holds a negative weight", negative.Message);

        var notFinite = Assert.Throws<ArgumentException>(() => model.Fit(Cut(x, y, null, 5), validationData: WithSecond(full(5, double.NaN)), verbose: Verbosity.Silent));
        Assert.Equal("validationData", notFinite.ParamName);
        Assert.StartsWith("Batch 1 of epoch 1: SampleWeights holds a weight that is not finite", notFinite.Message);

        Assert.Contains("needs real numbers", Assert.Throws<ArgumentException>(() => model.Fit(WithSecond(ones(5, dtype: ScalarType.Bool)), verbose: Verbosity.Silent)).Message);
    }

    [Fact]
    public void WeightsWithoutTargetsAreRejected()
    {
        // A GAN trains on batches without targets: nothing there would read sample weights.
        using var gan = new Generative.ToyGan();
        Batch[] real = [new Batch(full(8, 1, 3f), targets: null, sampleWeights: ones(8))];

        var noTargets = Assert.Throws<ArgumentException>(() => gan.Fit(real, verbose: Verbosity.Silent));

        Assert.StartsWith("A batch for Gan has SampleWeights but no targets; sample weights weight the losses of the outputs", noTargets.Message);
    }

    /// <summary>The samples cut in order into batches of <paramref name="size"/>, each with its rows' weights when given.</summary>
    private static List<Batch> Cut(Tensor x, Tensor y, Tensor? weights, int size)
    {
        var batches = new List<Batch>();
        for (var start = 0L; start < x.size(0); start += size)
        {
            var length = Math.Min(size, x.size(0) - start);
            batches.Add(new Batch(x.narrow(0, start, length), y.narrow(0, start, length), weights?.narrow(0, start, length)));
        }

        return batches;
    }

    /// <summary>As <see cref="Cut"/>, with every input and target by name.</summary>
    private static List<Batch> CutByName(Dictionary<string, Tensor> x, Dictionary<string, Tensor> y, Tensor weights, int size)
    {
        var rows = x.Values.First().size(0);
        var batches = new List<Batch>();
        for (var start = 0L; start < rows; start += size)
        {
            var (first, length) = (start, Math.Min(size, rows - start));
            var values = x.Concat(y).ToDictionary(static pair => pair.Key, pair => pair.Value.narrow(0, first, length));
            batches.Add(new Batch(values, weights.narrow(0, first, length)));
        }

        return batches;
    }
}
