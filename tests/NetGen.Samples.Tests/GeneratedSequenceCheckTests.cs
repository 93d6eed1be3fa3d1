using System;
using NetGen.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>A token tagger: one prediction per step, said so with TimeDistributed (no NG0122).</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy)]
[Input("steps", ElementType = ElementType.Int64)]
public partial class StepTagger
{
    [Embedding(12, 4, MaskZero = true)] public partial Embedding Words { get; }

    [GRU(6, ReturnSequences = true)] public partial Recurrent Gru { get; }

    [Dense(3, Activation.Softmax, TimeDistributed = true)] public partial Linear Tags { get; }
}

/// <summary>What the generated code checks at run time for the sequence diagnostics.</summary>
public sealed class GeneratedSequenceCheckTests
{
    [Fact]
    public void AnIdBeyondTheEmbeddingFailsNamingTheLayerTheIdAndInputDim()
    {
        using var tagger = new StepTagger(device: null, seed: 1);
        using var tokens = tensor(new long[] { 1, 2, 12, 0 }, 1, 4);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tagger.forward(tokens));

        Assert.Contains("Embedding 'Words' got token id 12, but its inputDim is 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeDistributedDenseMapsEveryStepAsAPlainDense()
    {
        using var scope = NewDisposeScope();
        using var tagger = new StepTagger(device: null, seed: 2);
        tagger.eval();
        var tokens = tensor(new long[] { 0, 3, 4, 5, 1, 2, 3, 11 }, 2, 4);
        using (no_grad())
        {
            var output = tagger.forward(tokens);
            var expected = tagger.Tags.call(tagger.Gru.Run(tagger.Words.call(tokens), tokens: tokens)).softmax(-1);

            Assert.Equal(new long[] { 2, 4, 3 }, output.shape);
            Assert.True(expected.allclose(output));
        }
    }
}
