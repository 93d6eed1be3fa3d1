using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>A network with two inputs and two outputs, used as a layer of <see cref="TinyReranker"/>.</summary>
[Network]
[Input(4, Name = "query")]
[Input(6, Name = "context")]
public partial class PairScorer
{
    [Concatenate("query", "context")] public partial NetGen.Layers.Concatenate Joined { get; }
    [Output][Dense(4, Activation.Tanh)] public partial Linear Features { get; }
    [Output][Dense(1, Activation.Sigmoid)] public partial Linear Relevance { get; }
}

/// <summary>
/// One <see cref="PairScorer"/> called twice, each time on two named tensors: first on a rewritten
/// question and a passage (its features), then on those features and another passage (its relevance).
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(4, Name = "question")]
[Input(6, Name = "passage")]
[Input(6, Name = "other")]
public partial class TinyReranker
{
    [Dense(4, From = "question")] public partial Linear Rewrite { get; }
    [SubNetwork(nameof(Rewrite), "passage", Output = nameof(PairScorer.Features))] public partial PairScorer Read { get; }
    [SubNetwork(nameof(Read), "other", Output = nameof(PairScorer.Relevance), Shares = nameof(Read))] public partial PairScorer Score { get; }
}

/// <summary>Sub-networks with several inputs: bound in the sub-network's input order, shared, summarized and saved.</summary>
public sealed class GeneratedSubNetworkInputsTests
{
    [Fact]
    public void ForwardIsTheSubNetworkCalledAloneOnTheSameTensors()
    {
        using var model = new TinyReranker(device: null, seed: 3);
        using var question = rand(5, 4, generator: new Generator(1));
        using var passage = rand(5, 6, generator: new Generator(2));
        using var other = rand(5, 6, generator: new Generator(3));

        using (no_grad())
        {
            using var score = model.forward(question, passage, other);
            using var rewritten = model.Rewrite.forward(question);
            var read = model.Read.forward(rewritten, passage);
            var scored = model.Score.forward(read.Features, other);
            using var expected = scored.Relevance;

            Assert.Equal(new long[] { 5, 1 }, score.shape);
            Assert.True(score.allclose(expected, rtol: 0, atol: 0), "forward is not Score(Read(Rewrite(question), passage).Features, other).Relevance");

            // Swapping the two passages changes the result: the names are bound in order, not ignored.
            using var swapped = model.forward(question, other, passage);
            Assert.False(swapped.allclose(score), "the second and third inputs made no difference");
            read.Features.Dispose();
            read.Relevance.Dispose();
            scored.Features.Dispose();
        }
    }

    [Fact]
    public void TheSharedSubNetworkIsOneModuleAndTheSummaryRowsNameBothInputs()
    {
        using var model = new TinyReranker(device: null, seed: 3);

        Assert.Same(model.Read, model.Score);

        // PairScorer: 10*4+4 + 4*1+1 = 49, counted once; Rewrite 4*4+4 = 20.
        Assert.Equal(49, PairScorer.ParameterCount);
        Assert.Equal(69, TinyReranker.ParameterCount);
        Assert.Equal(69, model.parameters().Sum(static p => p.numel()));

        var rows = model.Summary().Split('\n');
        var read = Assert.Single(rows, static row => row.Contains("Read (PairScorer)", StringComparison.Ordinal));
        Assert.Matches(@"\(None, 4\)\s+49\s+Rewrite, passage\s*$", read);
        var score = Assert.Single(rows, static row => row.Contains("Score (PairScorer)", StringComparison.Ordinal));
        Assert.Matches(@"\(None, 1\)\s+0\s+Read, other\s*$", score);
    }

    [Fact]
    public void WeightsAreSavedOnceUnderTheOwningMembersName()
    {
        using var model = new TinyReranker(device: null, seed: 3);

        Assert.Equal(
            new[] { "Read.Features.bias", "Read.Features.weight", "Read.Relevance.bias", "Read.Relevance.weight", "Rewrite.bias", "Rewrite.weight" },
            model.state_dict().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheOutputsSigmoidInsideTheSubNetworkIsTheNetworksOutputActivation()
    {
        using var model = new TinyReranker(device: null, seed: 3);

        Assert.Equal(Activation.Sigmoid, model.Description.Outputs.Single().Activation);

        using var question = rand(5, 4, generator: new Generator(1));
        using var passage = rand(5, 6, generator: new Generator(2));
        using var other = rand(5, 6, generator: new Generator(3));
        using (no_grad())
        {
            var logits = ((INetwork)model).RunLogits([question, passage, other]);
            using var logit = Assert.Single(logits);
            using var probability = model.forward(question, passage, other);
            using var expected = logit.sigmoid();
            Assert.True(probability.allclose(expected, rtol: 0, atol: 1e-7), "RunLogits is not the output before its sigmoid");
            Assert.False(logit.allclose(probability), "RunLogits returned probabilities");
        }
    }
}
