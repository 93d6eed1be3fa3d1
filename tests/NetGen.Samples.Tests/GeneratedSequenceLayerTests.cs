using System;
using System.Linq;
using NetGen.Layers;
using NetGen.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>A classifier over sequences of any length: self-attention, attention over the input, pooled steps.</summary>
[Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.01)]
[Input("steps", 4)]
public partial class SequenceAttentionNet
{
    [Dense(8, Activation.ReLU)] public partial Linear Encode { get; }

    [LayerNormalization] public partial LayerNorm Norm { get; }

    [MultiHeadAttention(2, 4, nameof(Norm), nameof(Norm))] public partial MultiHeadAttention SelfAttention { get; }

    [Attention(nameof(SelfAttention), nameof(Norm), UseScale = true)] public partial Attention Luong { get; }

    [AdditiveAttention(nameof(Luong), nameof(Norm))] public partial AdditiveAttention Bahdanau { get; }

    [GlobalAveragePooling1D] public partial GlobalAveragePooling1D Mean { get; }

    [GlobalMaxPooling1D(From = nameof(Bahdanau))] public partial GlobalMaxPooling1D Max { get; }

    [Concatenate(nameof(Mean), nameof(Max))] public partial Concatenate Pooled { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Score { get; }
}

/// <summary>A vector repeated into steps, each step mapped by the same Dense.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
public partial class RepeatedStepsNet
{
    [RepeatVector(5)] public partial RepeatVector Steps { get; }

    [Dense(2)] public partial Linear PerStep { get; }
}

/// <summary>The generated sequence layers run, count what the generator counted and train.</summary>
public sealed class GeneratedSequenceLayerTests
{
    [Fact]
    public void AnyNumberOfStepsRunsAndTheCountsAreTheModulesOwn()
    {
        using var network = new SequenceAttentionNet(device: null, seed: 1);
        network.eval();

        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { 3, 1 }, network.forward(randn(3, 7, 4)).shape);
        Assert.Equal(new long[] { 2, 1 }, network.forward(randn(2, 2, 4)).shape);

        // 40 + 16 + 4 * 72 + 1 + 8 + 17: the compile-time constant is what the modules hold.
        Assert.Equal(370, SequenceAttentionNet.ParameterCount);
        Assert.Equal(SequenceAttentionNet.ParameterCount, network.parameters().Sum(static p => p.numel()));
        Assert.Contains("SelfAttention.attention_output.weight", network.state_dict().Keys);
        Assert.Contains("Luong.scale", network.state_dict().Keys);
        // Every weight is saved once, under the name Keras and PyTorch give it (not again under a field's name).
        Assert.Equal(SequenceAttentionNet.ParameterCount, network.state_dict().Values.Sum(static t => t.numel()));
        Assert.DoesNotContain(network.state_dict().Keys, static key => key.Contains("._", StringComparison.Ordinal));
    }

    [Fact]
    public void FitLearnsWhichSequencesHoldALargeValue()
    {
        using var network = new SequenceAttentionNet(device: null, seed: 2);
        using var generator = new Generator(3);
        using var x = randn(new long[] { 64, 6, 4 }, generator: generator);
        using var y = x.amax([1, 2]).gt(1.8).to(ScalarType.Float32).unsqueeze(1);

        var history = network.Fit(x, y, epochs: 15, batchSize: 16, verbose: Verbosity.Silent, seed: 2);

        Assert.True(history["loss"][^1] < history["loss"][0] * 0.9, string.Join(", ", history["loss"]));
    }

    [Fact]
    public void RepeatVectorFeedsEveryStepTheSameVector()
    {
        using var network = new RepeatedStepsNet(device: null, seed: 4);
        using var scope = NewDisposeScope();
        var input = randn(2, 3);

        var output = network.forward(input);

        Assert.Equal(new long[] { 2, 5, 2 }, output.shape);
        Assert.True(output[.., 4].allclose(network.PerStep.call(input)));
        Assert.Equal(8, RepeatedStepsNet.ParameterCount);
    }
}
