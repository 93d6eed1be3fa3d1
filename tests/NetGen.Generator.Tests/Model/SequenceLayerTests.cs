using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>
/// Shape rules and Keras's parameter counts of RepeatVector, LayerNormalization, the 1D global
/// poolings and the attention layers, without Roslyn: named steps kept, each mistake at its site.
/// </summary>
public sealed class SequenceLayerTests
{
    private static LayerDefinition RepeatVector(string name, int n) =>
        Of(LayerKind.RepeatVector, name, "NetGen.Layers.RepeatVector", ("n", ArgumentValue.Int(n)));

    private static LayerDefinition LayerNorm(string name) => Of(LayerKind.LayerNormalization, name, "TorchSharp.Modules.LayerNorm");

    private static LayerDefinition Attention(string name, string query, string value, params (string, ArgumentValue)[] options) =>
        Of(LayerKind.Attention, name, "NetGen.Layers.Attention", [("query", ArgumentValue.String(query)), ("value", ArgumentValue.String(value)), .. options]);

    private static LayerDefinition Additive(string name, string query, string value, params (string, ArgumentValue)[] options) =>
        Of(LayerKind.AdditiveAttention, name, "NetGen.Layers.AdditiveAttention", [("query", ArgumentValue.String(query)), ("value", ArgumentValue.String(value)), .. options]);

    private static LayerDefinition MultiHead(string name, int heads, int keyDim, string query, string value, params (string, ArgumentValue)[] options) =>
        Of(LayerKind.MultiHeadAttention, name, "NetGen.Layers.MultiHeadAttention",
            [("numHeads", ArgumentValue.Int(heads)), ("keyDim", ArgumentValue.Int(keyDim)), ("query", ArgumentValue.String(query)), ("value", ArgumentValue.String(value)), .. options]);

    private static InputDefinition[] Sequences(params (string Name, object Steps, int Features)[] inputs) =>
        inputs.Select(static i => Input(new[] { i.Steps, (object)i.Features }, i.Name)).ToArray();

    [Fact]
    public void RepeatVectorTurnsFeaturesIntoSteps()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 6 }, Dense("Encode", 8), RepeatVector("Steps", 4), Dense("PerStep", 3)));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, 4, 8)", result.Layers[1].Output.ToString());
        Assert.Equal(0, result.Layers[1].Parameters.Total);

        // Dense maps every step (Keras's TimeDistributed(Dense)): 8 * 3 + 3 weights, shared by the 4 steps.
        Assert.Equal("(None, 4, 3)", result.Layers[2].Output.ToString());
        Assert.Equal(27, result.Layers[2].Parameters.Total);
    }

    [Fact]
    public void RepeatVectorOfASequenceIsReportedAndAZeroCountAtItsArgument()
    {
        var sequence = NetworkAnalysis.Analyze(Define(new[] { 5, 6 }, RepeatVector("Steps", 4)));
        var zero = NetworkAnalysis.Analyze(Define(new[] { 6 }, RepeatVector("Steps", 0)));

        var rank = Assert.Single(sequence.Issues);
        Assert.Equal(ProblemKind.UnsupportedInputRank, rank.Kind);
        Assert.Equal(Site.LayerAttribute(0), rank.Site);
        var count = Assert.Single(zero.Issues);
        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, count.Kind);
        Assert.Equal(Site.LayerArgument(0, "n"), count.Site);
    }

    [Fact]
    public void LayerNormalizationKeepsNamedStepsAndCountsGammaAndBeta()
    {
        var result = NetworkAnalysis.Analyze(Define(Sequences(("input", "steps", 12)), LayerNorm("Norm")));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, steps, 12)", result.Layers[0].Output.ToString());
        Assert.Equal(24, result.Layers[0].Parameters.Total);
        Assert.Equal(24, result.Layers[0].Parameters.Trainable);
    }

    [Fact]
    public void LayerNormalizationRefusesImagesAndNeedsKnownFeatures()
    {
        var image = NetworkAnalysis.Analyze(Define(new[] { 3, 8, 8 }, LayerNorm("Norm")));
        var named = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { 5, "features" }) }, LayerNorm("Norm")));

        Assert.Equal(ProblemKind.UnsupportedInputRank, Assert.Single(image.Issues).Kind);
        Assert.Equal(ProblemKind.UnknownDimension, Assert.Single(named.Issues).Kind);
    }

    [Theory]
    [InlineData("GlobalAveragePooling1D")]
    [InlineData("GlobalMaxPooling1D")]
    public void GlobalPooling1DReducesNamedSteps(string name)
    {
        var kind = System.Enum.Parse<LayerKind>(name);
        var type = "NetGen.Layers." + name;
        var sequence = NetworkAnalysis.Analyze(Define(Sequences(("input", "steps", 12)), Of(kind, "Pool", type)));
        var vector = NetworkAnalysis.Analyze(Define(new[] { 12 }, Of(kind, "Pool", type)));

        Assert.Empty(sequence.Issues);
        Assert.Equal("(None, 12)", sequence.Layers[0].Output.ToString());
        var issue = Assert.Single(vector.Issues);
        Assert.Equal(ProblemKind.UnsupportedInputRank, issue.Kind);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
    }

    [Fact]
    public void AttentionKeepsTheQueryStepsWhenTheValueHasOthers()
    {
        var result = NetworkAnalysis.Analyze(Define(
            Sequences(("decoder", "target", 16), ("encoder", "source", 16)),
            Attention("Luong", "decoder", "encoder", ("UseScale", ArgumentValue.Bool(true))).AsOutput(),
            Additive("Bahdanau", "decoder", "encoder").AsOutput(),
            Attention("Concat", "decoder", "encoder", ("ScoreMode", ArgumentValue.Enum((int)ScoreModeKind.Concat, "NetGen.ScoreMode"))).AsOutput()));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, target, 16)", result.Layers[0].Output.ToString());
        Assert.Equal("(None, target, 16)", result.Layers[1].Output.ToString());

        // Keras: a scalar scale; a vector of dim for the additive scale; concat_score_weight in concat mode.
        Assert.Equal(1, result.Layers[0].Parameters.Total);
        Assert.Equal(16, result.Layers[1].Parameters.Total);
        Assert.Equal(1, result.Layers[2].Parameters.Total);
    }

    [Fact]
    public void AdditiveAttentionWithoutScaleHasNoParameters()
    {
        var result = NetworkAnalysis.Analyze(Define(Sequences(("input", 5, 4)), Additive("A", "input", "input", ("UseScale", ArgumentValue.Bool(false)))));

        Assert.Empty(result.Issues);
        Assert.Equal(0, result.Layers[0].Parameters.Total);
    }

    [Theory]
    [InlineData("Attention")]
    [InlineData("AdditiveAttention")]
    public void QueryAndValueOfDifferentFeaturesAreReportedOnTheAttribute(string name)
    {
        var kind = System.Enum.Parse<LayerKind>(name);
        var type = "NetGen.Layers." + name;
        var layer = Of(kind, "A", type, ("query", ArgumentValue.String("decoder")), ("value", ArgumentValue.String("encoder")));
        var result = NetworkAnalysis.Analyze(Define(Sequences(("decoder", "target", 16), ("encoder", "source", 32)), layer));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.AttentionFeatureMismatch, issue.Kind);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
        Assert.Equal(new[] { kind.ToString(), "A", "query decoder (None, target, 16)", "value encoder (None, source, 32)" }, issue.Arguments);
    }

    [Fact]
    public void AVectorAsValueIsReportedAtTheValueArgument()
    {
        var result = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { 5, 8 }, "decoder"), Input(new object[] { 8 }, "state") },
            Attention("A", "decoder", "state")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnsupportedInputRank, issue.Kind);
        Assert.Equal(Site.LayerArgument(0, "value"), issue.Site);
    }

    [Fact]
    public void AnUnknownQueryIsReportedAtTheQueryArgument()
    {
        var result = NetworkAnalysis.Analyze(Define(Sequences(("input", 5, 8)), Attention("A", "Missing", "input")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnknownReference, issue.Kind);
        Assert.Equal(Site.LayerArgument(0, "query"), issue.Site);
    }

    [Fact]
    public void ANullValueIsReportedAtTheValueArgument()
    {
        var layer = Of(LayerKind.Attention, "A", "NetGen.Layers.Attention", ("query", ArgumentValue.String("input")), ("value", ArgumentValue.Null));

        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(Sequences(("input", 5, 8)), layer)).Issues);

        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(Site.LayerArgument(0, "value"), issue.Site);
    }

    [Fact]
    public void MultiHeadAttentionProjectsBackToTheQueryFeaturesAndCountsKerasProjections()
    {
        var result = NetworkAnalysis.Analyze(Define(
            Sequences(("decoder", "target", 16), ("encoder", "source", 32)),
            MultiHead("Cross", 4, 8, "decoder", "encoder", ("ValueDim", ArgumentValue.Int(6)))));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, target, 16)", result.Layers[0].Output.ToString());

        // query 16*32+32, key 32*32+32, value 32*24+24, output 24*16+16 (Keras's count).
        Assert.Equal(544 + 1056 + 792 + 400, result.Layers[0].Parameters.Total);
    }

    [Fact]
    public void MultiHeadSelfAttentionWithoutBiasesCountsOnlyKernels()
    {
        var result = NetworkAnalysis.Analyze(Define(Sequences(("input", "steps", 10)), MultiHead("Self", 2, 5, "input", "input", ("UseBias", ArgumentValue.Bool(false)))));

        Assert.Empty(result.Issues);
        Assert.Equal(4 * 10 * 10, result.Layers[0].Parameters.Total);
    }

    [Fact]
    public void MultiHeadAttentionReportsBadSizesAtTheirArguments()
    {
        var result = NetworkAnalysis.Analyze(Define(
            Sequences(("input", 5, 8)),
            MultiHead("Self", 0, 4, "input", "input", ("Dropout", ArgumentValue.Double(1.0)))));

        Assert.Equal(
            new[] { (ProblemKind.InvalidLayerHyperparameter, Site.LayerArgument(0, "numHeads")), (ProblemKind.DropoutRateOutOfRange, Site.LayerArgument(0, "Dropout")) },
            result.Issues.Select(static i => (i.Kind, i.Site)));
    }

    [Fact]
    public void AttentionNeedsKnownFeaturesAfterADynamicLayer()
    {
        var result = NetworkAnalysis.Analyze(Define(
            Sequences(("input", "steps", 4)),
            Flatten("Flat"),
            RepeatVector("Again", 3),
            Attention("A", "Again", "Again")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnknownDimension, issue.Kind);
        Assert.Equal(Site.LayerArgument(2, "query"), issue.Site);
    }
}
