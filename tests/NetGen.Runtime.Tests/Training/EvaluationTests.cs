using System;
using System.Linq;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>Evaluate, Predict and PredictClasses.</summary>
public sealed class EvaluationTests
{
    [Fact]
    public void EvaluateEqualsTheLossComputedByHand()
    {
        var (x, y) = ToyData.Separable(11, seed: 41);
        using var model = new TinyNet(new NetGen.Optimizers.Sgd(), Metric.Accuracy, Metric.Mae);

        // Batches of 4, 4 and 3: the result is the mean over samples, not over batches.
        var result = model.Evaluate(x, y, batchSize: 4);

        // Cross-entropy, accuracy and MAE of the probabilities forward returns, in doubles. Evaluate
        // computes the loss from the logits; away from 0 and 1 both forms give the same value.
        var p = ToyData.Floats(model.forward(x));
        var labels = ToyData.Floats(y);
        Assert.All(p, probability => Assert.InRange(probability, 1e-3, 1 - 1e-3));
        var crossentropy = -p.Zip(labels, (pi, yi) => (yi * Math.Log(pi)) + ((1 - yi) * Math.Log(1 - pi))).Average();
        var accuracy = p.Zip(labels, (pi, yi) => (pi > 0.5) == (yi > 0.5) ? 1.0 : 0.0).Average();
        var mae = p.Zip(labels, (pi, yi) => Math.Abs(pi - yi)).Average();
        Assert.Equal(crossentropy, result.Loss, 1e-5);
        Assert.Equal(accuracy, result["accuracy"], 1e-12);
        Assert.Equal(mae, result["mae"], 1e-6);
        Assert.Equal(new[] { "loss", "accuracy", "mae" }, result.Values.Keys);
        Assert.Matches(@"^loss: \d\.\d{4} - accuracy: \d\.\d{4} - mae: \d\.\d{4}$", result.ToString());
        Assert.Contains("it has loss, accuracy, mae", Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => result["auc"]).Message);
    }

    [Fact]
    public void EvaluateDoesNotTrainOrTrackGradients()
    {
        var (x, y) = ToyData.Separable(8, seed: 42);
        using var model = new TinyNet();
        var before = ToyData.Floats(model.state_dict()["Hidden.weight"]);
        model.Evaluate(x, y, batchSize: 3);
        Assert.Equal(before, ToyData.Floats(model.state_dict()["Hidden.weight"]));
        Assert.All(model.parameters(), parameter => Assert.True(parameter.grad is null || parameter.grad.abs().sum().item<float>() == 0));
    }

    [Fact]
    public void EvaluateChecksItsArguments()
    {
        using var model = new TinyNet();
        Assert.Contains("'input' is [4, 4] and 'Output' is [3, 1]", Assert.Throws<ArgumentException>(() => model.Evaluate(zeros(4, 4), zeros(3, 1))).Message);
        Assert.StartsWith("TinyNet takes samples shaped (None, 4); the data is [4, 2]", Assert.Throws<ArgumentException>(() => model.Evaluate(zeros(4, 2), zeros(4, 1))).Message);
        // A batch size of 0 used to loop forever.
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(zeros(4, 4), zeros(4, 1), batchSize: 0)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(zeros(4, 4), zeros(4, 1), batchSize: -2)).ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PredictReturnsOneRowPerSampleAndKeepsTheMode(bool training)
    {
        var (x, _) = ToyData.Separable(10, seed: 43);
        using var model = new TinyNet();
        model.train(training);

        using var predictions = model.Predict(x, batchSize: 3);

        Assert.Equal(new long[] { 10, 1 }, predictions.shape);
        Assert.Equal(training, model.training);
        Assert.False(predictions.requires_grad);
        // Batched matrix products may differ from the whole-batch one in the last bit.
        using var whole = model.forward(x).detach();
        Assert.True(whole.allclose(predictions, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void PredictConcatenatesBatchesInOrder()
    {
        using var model = new IdentityNet(2);
        var x = arange(14, dtype: ScalarType.Float32).reshape(7, 2);
        Assert.Equal(ToyData.Floats(x), ToyData.Floats(model.Predict(x, batchSize: 3)));
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(x, batchSize: 0)).ParamName);
    }

    [Fact]
    public void DropoutIsOffDuringPredict()
    {
        var (x, _) = ToyData.Separable(32, seed: 44);
        using var model = new DropoutNet();
        model.train();

        var first = ToyData.Floats(model.Predict(x));
        var second = ToyData.Floats(model.Predict(x));

        Assert.Equal(first, second);
        Assert.True(model.training);
        // In training mode the same forward pass drops units, so it differs from the prediction.
        Assert.NotEqual(first, ToyData.Floats(model.forward(x).detach()));
        model.eval();
        Assert.Equal(first, ToyData.Floats(model.forward(x).detach()));
    }

    [Fact]
    public void PredictClassesThresholdsOneColumn()
    {
        using var model = new IdentityNet(1);
        var x = tensor(new float[] { 0.2f, 0.6f, 0.4f, 0.5f }, [4, 1]);

        using var half = model.PredictClasses(x);
        Assert.Equal(ScalarType.Int64, half.dtype);
        Assert.Equal(new long[] { 4 }, half.shape);
        Assert.Equal(new long[] { 0, 1, 0, 0 }, half.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 1, 1, 1 }, model.PredictClasses(x, threshold: 0.3).data<long>().ToArray());
    }

    [Fact]
    public void PredictClassesTakesTheArgmaxOfSeveralColumns()
    {
        using var model = new IdentityNet(3);
        var x = tensor(new float[] { 0.1f, 0.7f, 0.2f, 0.5f, 0.1f, 0.4f, 0.2f, 0.3f, 0.5f }, [3, 3]);

        // The threshold does not apply to several columns.
        Assert.Equal(new long[] { 1, 0, 2 }, model.PredictClasses(x, threshold: 0.9, batchSize: 2).data<long>().ToArray());
    }
}
