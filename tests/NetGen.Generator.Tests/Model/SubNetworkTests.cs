using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>The SubNetwork rule over hand-built definitions: shapes, counts, outputs, sharing.</summary>
public sealed class SubNetworkTests
{
    private static readonly SubNetworkDefinition s_encoder = Analysed("Encoder", [("input", 12)], [("Code", 3)], 131);
    private static readonly SubNetworkDefinition s_decoder = Analysed("Decoder", [("input", 3)], [("Pixels", 12)], 140);
    private static readonly SubNetworkDefinition s_heads = Analysed("Heads", [("input", 4)], [("Mean", 2), ("Spread", 5)], 79);

    [Fact]
    public void TheOutputIsTheSubNetworksAndTheCountIsItsTotal()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 12 }, SubNetwork("Encode", s_encoder), SubNetwork("Decode", s_decoder)));

        Assert.Empty(result.Issues);
        Assert.True(result.CanGenerate);
        Assert.Equal("(None, 3)", result.Layers[0].Output.Type!.ToString());
        Assert.Equal("(None, 12)", result.Layers[1].Output.Type!.ToString());
        Assert.Equal(new long[] { 131, 140 }, result.Layers.Select(static l => l.Parameters.Total));
    }

    [Fact]
    public void AnInputOfAnotherSizeIsNG0024AtTheAttribute()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 12 }, SubNetwork("Decode", s_decoder)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.SubNetworkInputMismatch, issue.Kind);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
        Assert.False(result.CanGenerate);
    }

    [Fact]
    public void TheNamedOutputIsTheLayersOutput()
    {
        var mean = NetworkAnalysis.Analyze(Define(new[] { 4 }, SubNetwork("Encode", s_heads, output: "Mean")));
        var spread = NetworkAnalysis.Analyze(Define(new[] { 4 }, SubNetwork("Encode", s_heads, output: "Spread")));

        Assert.Empty(mean.Issues);
        Assert.Equal("(None, 2)", mean.Layers[0].Output.Type!.ToString());
        Assert.Equal("(None, 5)", spread.Layers[0].Output.Type!.ToString());
    }

    [Fact]
    public void SeveralOutputsWithoutOneNamedIsNG0026()
    {
        var unnamed = NetworkAnalysis.Analyze(Define(new[] { 4 }, SubNetwork("Encode", s_heads)));
        var unknown = NetworkAnalysis.Analyze(Define(new[] { 4 }, SubNetwork("Encode", s_heads, output: "Hidden")));

        Assert.Equal((ProblemKind.SubNetworkOutputNotSelected, Site.LayerAttribute(0)), unnamed.Issues.Select(static i => (i.Kind, i.Site)).Single());
        Assert.Equal((ProblemKind.SubNetworkOutputNotSelected, Site.LayerArgument(0, "Output")), unknown.Issues.Select(static i => (i.Kind, i.Site)).Single());
    }

    [Fact]
    public void ASharingMemberCountsNothingAndMustShareAnEarlierMemberOfItsClass()
    {
        var shared = NetworkAnalysis.Analyze(Define(
            new[] { Input([4], "left"), Input([4], "right") },
            SubNetwork("Left", s_heads, from: "left", output: "Mean"),
            SubNetwork("Right", s_heads, from: "right", output: "Mean", shares: "Left"),
            Concatenate("Joined", null, "Left", "Right")));
        var later = NetworkAnalysis.Analyze(Define(
            new[] { Input([4], "left"), Input([4], "right") },
            SubNetwork("Right", s_heads, from: "right", output: "Mean", shares: "Left"),
            SubNetwork("Left", s_heads, from: "left", output: "Mean"),
            Concatenate("Joined", null, "Left", "Right")));

        Assert.Empty(shared.Issues);
        Assert.Equal(new long[] { 79, 0, 0 }, shared.Layers.Select(static l => l.Parameters.Total));
        Assert.Equal((ProblemKind.InvalidLayerHyperparameter, Site.LayerArgument(0, "Shares")), later.Issues.Select(static i => (i.Kind, i.Site)).Single());
    }

    [Fact]
    public void AClassThatContainsTheNetworkIsNG0025AtTheMembersType()
    {
        var cycle = s_encoder with { Cycle = "Net -> Encoder -> Net", IsValid = false };

        var result = NetworkAnalysis.Analyze(Define(new[] { 12 }, SubNetwork("Encode", cycle)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.NetworkContainsItself, issue.Kind);
        Assert.Equal(Site.LayerType(0), issue.Site);
        Assert.Equal("Net -> Encoder -> Net", issue.Arguments[2]);
    }

    [Fact]
    public void ASubNetworkWithItsOwnErrorsStaysSilentHereAndBlocksGeneration()
    {
        var broken = s_encoder with { IsValid = false };

        var result = NetworkAnalysis.Analyze(Define(new[] { 12 }, SubNetwork("Encode", broken)));

        Assert.Empty(result.Issues);
        Assert.False(result.CanGenerate);
    }
}
