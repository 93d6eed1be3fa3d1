using System;
using System.Linq;
using NetGen.Losses;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LossesSpecs;

/// <summary>
/// Cross-entropies computed from the logits of a sigmoid or softmax output: the same values as
/// from probabilities in the normal range, a gradient where clipped probabilities have none.
/// </summary>
public sealed class LogitsLossTests
{
    private static Tensor Logits(double[] values, long[] shape) => tensor(values, shape, ScalarType.Float64).requires_grad_();

    private static double[] Values(Tensor t) => t.detach().cpu().data<double>().ToArray();

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [Fact]
    public void BinaryCrossentropyFromLogitsEqualsTheProbabilityFormInTheNormalRange()
    {
        double[] z = [-2, -0.5, 0.3, 1.7];
        double[] y = [0, 1, 1, 0];
        var expected = -z.Zip(y, (zi, yi) => (yi * Math.Log(Sigmoid(zi))) + ((1 - yi) * Math.Log(1 - Sigmoid(zi)))).Average();
        var loss = new BinaryCrossentropyLoss();
        var targets = tensor(y, [4, 1], ScalarType.Float64);

        using var fused = loss.ComputeFromLogits(Logits(z, [4, 1]), Activation.Sigmoid, targets);
        using var clipped = loss.Compute(nn.functional.sigmoid(Logits(z, [4, 1])), targets);

        Assert.Equal(expected, fused.item<double>(), 10);
        Assert.Equal(expected, clipped.item<double>(), 10);
    }

    [Fact]
    public void BinaryCrossentropyFromLogitsKeepsTheGradientOfASaturatedWrongPrediction()
    {
        // Logit -30 for a positive: the probability 9e-14 is clipped to 1e-7, where the clip's gradient is zero.
        var loss = new BinaryCrossentropyLoss();
        var targets = tensor(new double[] { 1 }, [1, 1], ScalarType.Float64);
        var fusedLogits = Logits([-30], [1, 1]);
        var clippedLogits = Logits([-30], [1, 1]);

        var fused = loss.ComputeFromLogits(fusedLogits, Activation.Sigmoid, targets);
        fused.backward();
        var clipped = loss.Compute(nn.functional.sigmoid(clippedLogits), targets);
        clipped.backward();

        // log(1 + e^30) and its derivative sigmoid(z) - y.
        Assert.Equal(30 + Math.Log(1 + Math.Exp(-30)), fused.item<double>(), 10);
        Assert.Equal(Sigmoid(-30) - 1, Values(fusedLogits.grad!)[0], 10);
        Assert.Equal(-Math.Log(1e-7), clipped.item<double>(), 6);
        Assert.Equal(0, Values(clippedLogits.grad!)[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CategoricalCrossentropiesFromLogitsEqualTheProbabilityFormInTheNormalRange(bool sparse)
    {
        double[] z = [1, 0.2, -1, -0.3, 0.4, 2];
        long[] classes = [0, 2];
        double LogSoftmax(int row, long column)
        {
            var values = z.Skip(row * 3).Take(3).ToArray();
            return values[column] - Math.Log(values.Sum(Math.Exp));
        }

        var expected = -(LogSoftmax(0, 0) + LogSoftmax(1, 2)) / 2;
        LossFunction loss = sparse ? new SparseCategoricalCrossentropyLoss() : new CategoricalCrossentropyLoss();
        var targets = sparse ? tensor(classes) : tensor(new double[] { 1, 0, 0, 0, 0, 1 }, [2, 3], ScalarType.Float64);

        Assert.True(loss.HasLogitsForm(Activation.Softmax));
        using var fused = loss.ComputeFromLogits(Logits(z, [2, 3]), Activation.Softmax, targets);
        using var clipped = loss.Compute(nn.functional.softmax(Logits(z, [2, 3]), -1), targets);
        Assert.Equal(expected, fused.item<double>(), 10);
        Assert.Equal(expected, clipped.item<double>(), 10);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CategoricalCrossentropiesFromLogitsKeepTheGradientOfASaturatedWrongPrediction(bool sparse)
    {
        // Class 1 is right, but the logits give it e^-60: clipped, its probability has no gradient.
        LossFunction loss = sparse ? new SparseCategoricalCrossentropyLoss() : new CategoricalCrossentropyLoss();
        var targets = sparse ? tensor(new long[] { 1 }) : tensor(new double[] { 0, 1 }, [1, 2], ScalarType.Float64);
        var fusedLogits = Logits([30, -30], [1, 2]);
        var clippedLogits = Logits([30, -30], [1, 2]);

        loss.ComputeFromLogits(fusedLogits, Activation.Softmax, targets).backward();
        loss.Compute(nn.functional.softmax(clippedLogits, -1), targets).backward();

        // softmax(z) - y.
        Assert.Equal(new[] { 1.0, -1.0 }, Values(fusedLogits.grad!), new ToleranceComparer(1e-12));
        Assert.Equal(new[] { 0.0, 0.0 }, Values(clippedLogits.grad!));
    }

    [Fact]
    public void OnlyCrossentropiesHaveALogitsFormAndOnlyForTheirActivation()
    {
        Assert.True(new BinaryCrossentropyLoss().HasLogitsForm(Activation.Sigmoid));
        Assert.False(new BinaryCrossentropyLoss().HasLogitsForm(Activation.Softmax));
        Assert.False(new CategoricalCrossentropyLoss().HasLogitsForm(Activation.Sigmoid));
        Assert.False(new MeanSquaredErrorLoss().HasLogitsForm(Activation.Sigmoid));
        Assert.False(new MeanAbsoluteErrorLoss().HasLogitsForm(Activation.Softmax));
        var error = Assert.Throws<NotSupportedException>(() => new MeanSquaredErrorLoss().ComputeFromLogits(zeros(1, 1), Activation.Sigmoid, zeros(1, 1)));
        Assert.Equal("MeanSquaredError has no form that takes logits of a Sigmoid output.", error.Message);
    }

    [Fact]
    public void ANetworkWithASigmoidOutputTrainsFromItsLogits()
    {
        // Every prediction saturated at 0 (output bias -40) while every label is 1: from logits the
        // bias gradient is mean(sigmoid(z) - y) = -1, so one SGD step of 0.1 raises it by 0.1.
        // From clipped probabilities it would not move at all.
        var (x, _) = ToyData.Separable(8, seed: 101);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));
        using (no_grad())
        {
            model.Output.bias!.fill_(-40);
        }

        var before = model.Evaluate(x, ones(8, 1));
        model.Fit(x, ones(8, 1), epochs: 1, batchSize: 8, verbose: Verbosity.Silent);

        Assert.Equal(-39.9, model.Output.bias!.item<float>(), 4);
        // Evaluate reports the unclipped loss: about 40 per sample, not -log(1e-7) = 16.1.
        Assert.InRange(before.Loss, 30, 60);
    }

    [Fact]
    public void ASoftmaxClassifierIsMeasuredOnProbabilitiesAndTrainedFromLogits()
    {
        var (x, _) = ToyData.Separable(9, seed: 103);
        var classes = tensor(new long[] { 0, 1, 2, 2, 1, 0, 0, 1, 2 });
        using var model = new ClassifierNet(new Sgd(learningRate: 0.1), seed: 103);
        var p = ToyData.Floats(model.Predict(x));
        var ids = classes.data<long>().ToArray();
        var crossentropy = -ids.Select((id, i) => Math.Log(p[(i * 3) + (int)id])).Average();
        var accuracy = ids.Select((id, i) => Enumerable.Range(0, 3).MaxBy(c => p[(i * 3) + c]) == id ? 1.0 : 0.0).Average();

        var result = model.Evaluate(x, classes, batchSize: 4);

        Assert.Equal(crossentropy, result.Loss, 1e-5);
        Assert.Equal(accuracy, result["accuracy"], 1e-12);

        // The same labels one-hot with categorical cross-entropy give the same loss, and one
        // full-batch SGD step from logits moves the kernel by -lr * mean over samples of (softmax - y) x^T.
        using var oneHot = new ClassifierNet(new Sgd(learningRate: 0.1), Loss.CategoricalCrossentropy);
        oneHot.load_state_dict(model.state_dict());
        var labels = nn.functional.one_hot(classes, 3).to_type(ScalarType.Float32);
        Assert.Equal(crossentropy, oneHot.Evaluate(x, labels).Loss, 1e-5);
        var expected = model.Output.weight!.detach() - (0.1 * (tensor(p, [9, 3]) - labels).t().matmul(x) / 9);

        model.Fit(x, classes, epochs: 1, batchSize: 9, verbose: Verbosity.Silent);

        Assert.True(expected.allclose(model.Output.weight!, rtol: 1e-4, atol: 1e-6));
    }

    [Fact]
    public void ALossWithoutALogitsFormTrainsOnTheProbabilities()
    {
        // Mean squared error on TinyNet's sigmoid output: one full-batch SGD step must equal the same
        // step taken by hand on mean((sigmoid(logits) - y)^2).
        var (x, y) = ToyData.Separable(8, seed: 102);
        using var model = new TinyNet(new CompileOptions(new Sgd(learningRate: 0.5), [new OutputOptions("Output", Loss.MeanSquaredError)]));
        using var byHand = model.CloneWithOptions(model.CompileOptions);

        model.Fit(x, y, epochs: 1, batchSize: 8, shuffle: false, verbose: Verbosity.Silent);

        var loss = (byHand.forward(x) - y).square().mean();
        loss.backward();
        using (no_grad())
        {
            foreach (var parameter in byHand.parameters())
            {
                parameter.sub_(parameter.grad! * 0.5);
            }
        }

        Assert.True(model.Output.weight!.allclose(byHand.Output.weight!, rtol: 1e-5, atol: 1e-7));
        Assert.True(model.Hidden.weight!.allclose(byHand.Hidden.weight!, rtol: 1e-5, atol: 1e-7));
    }
}
