using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>
/// Keras's padding masks beyond the recurrent layers, without Roslyn: which layers read the token
/// ids of a masking embedding (the 1D global poolings, the attention layers' query and value), the
/// calls the emitter writes for them, and the summary's wording of bidirectional layers.
/// </summary>
public sealed class MaskLinkTests
{
    private static LayerDefinition Embedding(string name, bool maskZero, string? from = null)
    {
        var layer = Of(LayerKind.Embedding, name, "TorchSharp.Modules.Embedding", ("inputDim", ArgumentValue.Int(50)), ("outputDim", ArgumentValue.Int(6)), ("MaskZero", ArgumentValue.Bool(maskZero)));
        return from is null ? layer : layer.With("From", ArgumentValue.String(from));
    }

    private static LayerDefinition Pooling(LayerKind kind, string name, string? from = null)
    {
        var layer = Of(kind, name, "NetGen.Layers." + kind);
        return from is null ? layer : layer.With("From", ArgumentValue.String(from));
    }

    private static LayerDefinition Attention(LayerKind kind, string name, string query, string value, params (string, ArgumentValue)[] options) => kind == LayerKind.MultiHeadAttention
        ? Of(kind, name, "NetGen.Layers.MultiHeadAttention", [("numHeads", ArgumentValue.Int(2)), ("keyDim", ArgumentValue.Int(3)), ("query", ArgumentValue.String(query)), ("value", ArgumentValue.String(value)), .. options])
        : Of(kind, name, "NetGen.Layers." + kind, [("query", ArgumentValue.String(query)), ("value", ArgumentValue.String(value)), .. options]);

    private static InputDefinition Tokens(string name, string steps) => Input(new object[] { steps }, name, ElementKind.Int64);

    [Theory]
    [InlineData("GlobalAveragePooling1D")]
    [InlineData("GlobalMaxPooling1D")]
    public void PoolingAfterAMaskingEmbeddingReadsItsTokens(string kindName)
    {
        var kind = System.Enum.Parse<LayerKind>(kindName);
        var result = NetworkAnalysis.Analyze(Define(
            new[] { Tokens("tokens", "words") },
            Embedding("Words", maskZero: true),
            Dropout("Drop", 0.1),
            Dense("PerStep", 4),
            Pooling(kind, "Pool"),
            Dense("Output", 1)));

        Assert.Empty(result.Issues);
        Assert.Equal(new[] { "tokens" }, result.Layers[3].Links);
        Assert.True(((GlobalPooling1DConfig)result.Layers[3].Config!).Masked);
        Assert.Equal("_pool.Run(perStep, tokens: tokens)", Call(result, kind, 3, "_pool", "perStep"));

        // A pooling's output has no steps left: the mask stops there (Keras's compute_mask returns None).
        Assert.Empty(result.Layers[4].Links);
    }

    [Fact]
    public void PoolingWithoutAMaskOrAfterALayerThatMovesStepsReadsNone()
    {
        var unmasked = NetworkAnalysis.Analyze(Define(new[] { Tokens("tokens", "words") }, Embedding("Words", maskZero: false), Pooling(LayerKind.GlobalAveragePooling1D, "Pool")));
        var convolved = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { 10 }, "tokens", ElementKind.Int64) },
            Embedding("Words", maskZero: true),
            Of(LayerKind.Conv1D, "Conv", "TorchSharp.Modules.Conv1d", ("filters", ArgumentValue.Int(4)), ("kernelSize", ArgumentValue.Int(3))),
            Pooling(LayerKind.GlobalMaxPooling1D, "Pool")));

        Assert.Empty(unmasked.Issues);
        Assert.Empty(unmasked.Layers[1].Links);
        Assert.False(((GlobalPooling1DConfig)unmasked.Layers[1].Config!).Masked);
        Assert.Equal("_pool.call(words)", Call(unmasked, LayerKind.GlobalAveragePooling1D, 1, "_pool", "words"));
        Assert.DoesNotContain(convolved.Issues, static i => i.Kind != ProblemKind.WindowDropsEdge);
        Assert.Empty(convolved.Layers[2].Links);
    }

    [Theory]
    [InlineData("Attention")]
    [InlineData("AdditiveAttention")]
    [InlineData("MultiHeadAttention")]
    public void AttentionReadsTheQuerysAndTheValuesMasksApart(string kindName)
    {
        var kind = System.Enum.Parse<LayerKind>(kindName);
        var inputs = new[] { Tokens("question", "q"), Tokens("passage", "p") };
        var both = NetworkAnalysis.Analyze(Define(
            inputs,
            Embedding("Query", maskZero: true, from: "question"),
            Embedding("Value", maskZero: true, from: "passage"),
            Attention(kind, "Attend", "Query", "Value")));
        var valueOnly = NetworkAnalysis.Analyze(Define(
            inputs,
            Embedding("Query", maskZero: false, from: "question"),
            Embedding("Value", maskZero: true, from: "passage"),
            Attention(kind, "Attend", "Query", "Value")));
        var neither = NetworkAnalysis.Analyze(Define(
            inputs,
            Embedding("Query", maskZero: false, from: "question"),
            Embedding("Value", maskZero: false, from: "passage"),
            Attention(kind, "Attend", "Query", "Value")));

        Assert.DoesNotContain(both.Issues, static i => i.Kind != ProblemKind.UnusedLayer);
        Assert.Equal(new[] { "question", "passage" }, both.Layers[2].Links);
        Assert.Equal("_attend.Run(query, value, queryTokens: question, valueTokens: passage)", Call(both, kind, 2, "_attend", "query", "value"));
        Assert.Equal(new[] { "passage" }, valueOnly.Layers[2].Links);
        Assert.Equal("_attend.Run(query, value, valueTokens: passage)", Call(valueOnly, kind, 2, "_attend", "query", "value"));
        Assert.Empty(neither.Layers[2].Links);
        Assert.Equal("_attend.call(query, value)", Call(neither, kind, 2, "_attend", "query", "value"));
    }

    [Fact]
    public void AttentionPassesTheQuerysMaskOn()
    {
        // Keras: an attention layer's output mask is its query's, so a pooling after it skips the padded query steps.
        var result = NetworkAnalysis.Analyze(Define(
            new[] { Tokens("tokens", "words") },
            Embedding("Words", maskZero: true),
            Attention(LayerKind.MultiHeadAttention, "Self", "Words", "Words", ("UseCausalMask", ArgumentValue.Bool(true))),
            Pooling(LayerKind.GlobalAveragePooling1D, "Pool")));

        Assert.Empty(result.Issues);
        Assert.Equal(new[] { "tokens", "tokens" }, result.Layers[1].Links);
        Assert.True(((MultiHeadAttentionConfig)result.Layers[1].Config!).UseCausalMask);
        Assert.Equal(new[] { "tokens" }, result.Layers[2].Links);
        Assert.Equal("MultiHeadAttention(2, 3, Words, Words, UseCausalMask)", LayerRules.For(LayerKind.MultiHeadAttention).Describe(result.Layers[1].Config!, new[] { "Words", "Words" }));
    }

    [Fact]
    public void CausalMaskIsReadFromTheAttributeAndDescribed()
    {
        var causal = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { "t", 4 }) },
            Attention(LayerKind.Attention, "Self", "input", "input", ("UseCausalMask", ArgumentValue.Bool(true)))));
        var plain = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "t", 4 }) }, Attention(LayerKind.Attention, "Self", "input", "input")));

        Assert.Empty(causal.Issues);
        Assert.True(((AttentionConfig)causal.Layers[0].Config!).UseCausalMask);
        Assert.False(((AttentionConfig)plain.Layers[0].Config!).UseCausalMask);
        Assert.Equal("Attention(input, input, UseCausalMask)", LayerRules.For(LayerKind.Attention).Describe(causal.Layers[0].Config!, new[] { "input", "input" }));
        Assert.Equal("Attention(input, input)", LayerRules.For(LayerKind.Attention).Describe(plain.Layers[0].Config!, new[] { "input", "input" }));
    }

    [Theory]
    [InlineData(false, "Concat", "LSTM", "LSTM(4)")]
    [InlineData(true, "Concat", "Bidirectional(LSTM)", "Bidirectional(LSTM(4))")]
    [InlineData(true, "Sum", "Bidirectional(LSTM)", "Bidirectional(LSTM(4), MergeMode = Sum)")]
    public void BidirectionalLayersReadAsKerassWrapper(bool bidirectional, string mergeMode, string type, string description)
    {
        var layer = Of(LayerKind.LSTM, "R", "NetGen.Layers.Recurrent",
            ("units", ArgumentValue.Int(4)), ("Bidirectional", ArgumentValue.Bool(bidirectional)), ("MergeMode", ArgumentValue.Enum((int)System.Enum.Parse<MergeModeKind>(mergeMode), "NetGen.MergeMode")));
        var result = NetworkAnalysis.Analyze(Define(new[] { 7, 3 }, layer));
        var rule = LayerRules.For(LayerKind.LSTM);

        Assert.Empty(result.Issues);
        Assert.Equal(type, rule.DisplayType(result.Layers[0].Config));
        Assert.Equal(description, rule.Describe(result.Layers[0].Config!, new[] { "input" }));
    }

    /// <summary>What the emitter writes in <c>forward</c> for layer <paramref name="index"/>, its links named by their values.</summary>
    private static string Call(AnalysisResult result, LayerKind kind, int index, string module, params string[] inputs)
    {
        var layer = result.Layers[index];
        var rule = LayerRules.For(kind);
        return layer.Links.Count > 0
            ? rule.EmitLinkedCall(layer.Config!, module, inputs, layer.Links.ToList(), null, layer.InputTypes[0])
            : rule.EmitCall(layer.Config!, module, inputs, layer.InputTypes[0]);
    }
}
