using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NetGen.Decoding;
using NetGen.Samples.Seq2Seq;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>The seq2seq sample: its two generated encoder-decoders, its held-out test set, and a short run.</summary>
public sealed class Seq2SeqSampleTests
{
    [Fact]
    public void CountsAreTheEncoderDecodersModules()
    {
        // Per LSTM(128) on 32 features, PyTorch's count: 4 * 128 * (32 + 128) + 8 * 128 = 82,944.
        const long embedding = DigitTokens.Count * 32;
        const long lstm = (4 * 128 * (32 + 128)) + (8 * 128);
        Assert.Equal(embedding + lstm + embedding + lstm + (128 * DigitTokens.Count) + DigitTokens.Count, Seq2SeqNet.ParameterCount);

        // Attention has no weights; the output layer reads the context and the decoder's output side by side.
        Assert.Equal(embedding + lstm + embedding + lstm + (256 * DigitTokens.Count) + DigitTokens.Count, AttentionSeq2SeqNet.ParameterCount);

        using var plain = new Seq2SeqNet();
        using var attention = new AttentionSeq2SeqNet();
        Assert.Equal(Seq2SeqNet.ParameterCount, plain.parameters().Sum(static p => p.numel()));
        Assert.Equal(AttentionSeq2SeqNet.ParameterCount, attention.parameters().Sum(static p => p.numel()));
    }

    [Theory]
    [InlineData(typeof(Seq2SeqNet))]
    [InlineData(typeof(AttentionSeq2SeqNet))]
    public void XmlDocSummaryEqualsRuntimeSummary(Type networkType)
    {
        var documentation = XDocument.Load(Path.ChangeExtension(networkType.Assembly.Location, ".xml"));
        var member = documentation.Descendants("member").Single(m => (string?)m.Attribute("name") == "T:" + networkType.FullName);
        var table = member.Element("remarks")!.Element("code")!.Value;
        using var network = (INetwork)Activator.CreateInstance(networkType)!;

        Assert.Equal(network.Summary(), DocText.Dedent(table));
    }

    [Fact]
    public void BothNetworksTakeAnyTaskLengthsAndGiveOneDistributionPerDecoderStep()
    {
        using var scope = NewDisposeScope();
        using var plain = new Seq2SeqNet(device: null, seed: 1);
        using var attention = new AttentionSeq2SeqNet(device: null, seed: 1);
        using var addition = DigitTasks.Addition(4, maxDigits: 3, seed: 1);
        using var reversal = DigitTasks.Reverse(3, 1, 9, seed: 1);
        plain.eval();
        attention.eval();

        Assert.Equal(new long[] { 4, 5, DigitTokens.Count }, plain.forward(addition.Sources, addition.DecoderInputs).shape);
        Assert.Equal(new long[] { 3, 10, DigitTokens.Count }, attention.forward(reversal.Sources, reversal.DecoderInputs).shape);
        Assert.True(attention.forward(addition.Sources, addition.DecoderInputs).sum(-1).allclose(ones(4, 5), rtol: 1e-5, atol: 1e-5), "softmax over the vocabulary at every step");
    }

    [Fact]
    public void DecoderStepsSeeOnlyEarlierTokensSoPrefixesCanBeScored()
    {
        // The decoders rerun the prefix and read its last step: that step must not depend on the
        // padding after it, with or without attention (the attention's queries are the decoder's steps).
        using var scope = NewDisposeScope();
        using var attention = new AttentionSeq2SeqNet(device: null, seed: 2);
        attention.eval();
        using var data = DigitTasks.Addition(5, maxDigits: 3, seed: 2);
        var changedTail = data.DecoderInputs.clone();
        changedTail[.., 3..] = full(5, 2, 7L);

        var original = attention.forward(data.Sources, data.DecoderInputs);
        var changed = attention.forward(data.Sources, changedTail);

        Assert.True(original[.., ..3].allclose(changed[.., ..3], rtol: 1e-5, atol: 1e-6));
        Assert.False(original[.., 3..].allclose(changed[.., 3..], rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void HeldOutTestSourcesAreNeverTrainingSources()
    {
        using var train = DigitTasks.Addition(2_000, maxDigits: 2, seed: 1);
        using var drawn = DigitTasks.Addition(400, maxDigits: 2, seed: 2);
        var trainingSources = train.SourceTexts.ToHashSet(StringComparer.Ordinal);
        var expected = Enumerable.Range(0, drawn.Count).Where(i => !trainingSources.Contains(drawn.SourceTexts[i])).Take(50).ToArray();

        using var test = HeldOutExamples.Select(drawn, train, 50);

        // Two-digit operands repeat a lot: some drawn examples were training ones, and none is kept.
        Assert.True(expected.Length < drawn.Count && expected.Length > 0);
        Assert.Equal(expected.Select(i => drawn.SourceTexts[i]), test.SourceTexts);
        Assert.Equal(expected.Select(i => drawn.TargetTexts[i]), test.TargetTexts);
        Assert.DoesNotContain(test.SourceTexts, trainingSources.Contains);
        Assert.Equal(test.SourceTexts, Enumerable.Range(0, test.Count).Select(i => DigitTokens.Decode(test.Sources[i].data<long>().ToArray())));
        Assert.Equal(400, test.Drawn);
    }

    [Fact]
    public void ATaskWithNoUnseenSourceIsRefused()
    {
        using var train = DigitTasks.Reverse(500, 1, 1, seed: 1);
        using var drawn = DigitTasks.Reverse(20, 1, 1, seed: 2);

        var error = Assert.Throws<InvalidOperationException>(() => HeldOutExamples.Select(drawn, train, 10));

        Assert.Contains("All 20 test examples drawn also occur among the 500 training examples", error.Message);
    }

    [Fact]
    public void ShortRunTrainsBothNetworksAndComparesGreedyWithBeamSearch()
    {
        var output = new StringWriter();

        var result = Seq2SeqSample.Run(output, new Seq2SeqOptions
        {
            Task = DigitTask.Reverse,
            Digits = 5,
            TrainCount = 3_000,
            ValidationCount = 200,
            TestCount = 200,
            Epochs = 4,
        });

        var text = output.ToString();
        Assert.Equal((DigitTask.Reverse, 200, 3), (result.Task, result.TestCount, result.BeamWidth));
        Assert.Contains("Model: \"Seq2SeqNet\"", text);
        Assert.Contains(" Context (Attention)         (None, targetSteps, 128)  0         Decoder, Encoder", text);
        Assert.Contains("Exact match on 200 held-out test examples (reversal of strings of 1 to 5 digits), 4 epochs:", text);
        foreach (var network in new[] { result.Plain, result.Attention })
        {
            Assert.Equal(4, network.History.Epochs);
            Assert.True(network.History["loss"][^1] < network.History["loss"][0], $"{network.Name} learns: {string.Join(", ", network.History["loss"])}");

            // Beam search's score differs from greedy decoding's by the examples it fixes minus those it breaks.
            Assert.Equal(network.BeamExactMatch - network.GreedyExactMatch, (network.FixedByBeam - network.BrokenByBeam) / 200.0, 10);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{network.Name,-34} {network.Parameters,9:N0} {network.GreedyExactMatch,8:F4} {network.BeamExactMatch,11:F4}"), text);
        }

        // A few seconds of training reverse most unseen strings (measured with the sources masked: 0.91 without attention, 1.0 with).
        Assert.InRange(result.Plain.GreedyExactMatch, 0.5, 1.0);
        Assert.InRange(result.Attention.GreedyExactMatch, 0.5, 1.0);
    }
}
