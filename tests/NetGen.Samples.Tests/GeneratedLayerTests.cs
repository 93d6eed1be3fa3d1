using System.Linq;
using NetGen.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

[Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Input(2, 3)]
public partial class LayerZoo
{
    [Flatten] public partial Flatten Flat { get; }

    [Dense(4, UseBias = false)] public partial Linear Project { get; }

    [BatchNormalization] public partial BatchNorm1d Norm { get; }

    [Activation(Activation.LeakyReLU, Alpha = 0.5)] public partial LeakyReLU Leaky { get; }

    [Dropout(0.5)] public partial Dropout Drop { get; }

    [Dense(4, From = nameof(Flat))] public partial Linear Skip { get; }

    [Add(nameof(Drop), nameof(Skip))] public partial Add Sum { get; }

    [Concatenate(nameof(Sum), nameof(Flat))] public partial Concatenate Joined { get; }

    [Dense(3, Activation.Softmax)] public partial Linear Probabilities { get; }
}

/// <summary>Generated layers behave as declared when they run.</summary>
public sealed class GeneratedLayerTests
{
    [Fact]
    public void ShapesAndCountsMatchWhatTheGeneratorComputed()
    {
        using var zoo = new LayerZoo();
        using var output = zoo.forward(randn(5, 2, 3));

        Assert.Equal(new long[] { 5, 3 }, output.shape);
        Assert.True(output.sum(1).allclose(ones(5)), "softmax rows sum to 1");
        // 6*4 (no bias) + BN 4*4 (2*4 trainable) + 6*4+4 + (4+6)*3+3 = 24 + 16 + 28 + 33
        Assert.Equal(101, LayerZoo.ParameterCount);
        Assert.Equal(93, LayerZoo.TrainableParameterCount);
        Assert.Equal(LayerZoo.ParameterCount, zoo.Description.ParameterCount);
        Assert.Null(zoo.Project.bias);
    }

    [Fact]
    public void BatchNormalizationUsesKerasMomentumAndEpsilon()
    {
        using var zoo = new LayerZoo();
        zoo.train();
        using var input = randn(8, 2, 3);

        using (no_grad())
        {
            zoo.forward(input);
        }

        // Keras momentum 0.99: the running mean moves 1% of the way to the batch mean (PyTorch momentum 0.01).
        using var batchMean = zoo.Project.forward(zoo.Flat.forward(input)).mean(new long[] { 0 });
        Assert.True(zoo.Norm.running_mean!.allclose(batchMean * 0.01, rtol: 1e-4, atol: 1e-6));
        Assert.Equal(0.001, zoo.Norm.eps, 12);
    }

    [Fact]
    public void DropoutIsActiveWhileTrainingAndOffInPredict()
    {
        using var zoo = new LayerZoo(device: null, seed: 5);
        using var input = randn(16, 2, 3);
        zoo.train();

        using (no_grad())
        {
            using var first = zoo.forward(input);
            using var second = zoo.forward(input);
            Assert.False(first.equal(second).all().item<bool>(), "dropout draws a new mask on each training forward");
        }

        using var predicted = zoo.Predict(input);
        using var again = zoo.Predict(input);
        Assert.True(predicted.equal(again).all().item<bool>());
        Assert.True(zoo.training, "Predict restores the training mode it found");
    }

    [Fact]
    public void MergeModulesAddAndConcatenate()
    {
        using var add = new Add();
        using var concatenate = new Concatenate(1);
        using var a = tensor(new float[] { 1, 2 }).reshape(1, 2);
        using var b = tensor(new float[] { 10, 20 }).reshape(1, 2);

        Assert.Equal(new[] { 11f, 22f }, add.forward([a, b]).data<float>().ToArray());
        Assert.Equal(new[] { 1f, 2f, 10f, 20f }, concatenate.forward([a, b]).data<float>().ToArray());
        Assert.Throws<System.ArgumentException>(() => add.forward([a]));
    }

    [Fact]
    public void TrainsEndToEnd()
    {
        // Seeded weights and data: no reliance on TorchSharp's global generator, which parallel tests share.
        using var zoo = new LayerZoo(device: null, seed: 3);
        using var generator = new TorchSharp.torch.Generator(3);
        using var x = randn(new long[] { 64, 2, 3 }, generator: generator);
        using var labels = x.sum(new long[] { 1, 2 }).gt(0).to_type(ScalarType.Int64);
        using var y = Data.OneHot.Encode(labels, classCount: 3);

        zoo.Compile(optimizer: new Optimizers.Adam(learningRate: 0.03));
        var history = zoo.Fit(x, y, epochs: 15, batchSize: 16, verbose: Training.Verbosity.Silent, seed: 3);

        Assert.True(history["loss"][^1] < 0.5 * history["loss"][0], $"training lowers the loss: {string.Join(", ", history["loss"])}");
        Assert.True(history["accuracy"][^1] > 0.8, $"the classes are separable and training finds it: {string.Join(", ", history["accuracy"])}");
        Assert.Equal(15, history.Epochs);
    }
}
