using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>Which Dense layers map the steps of a recurrent layer's returned sequence (NG0121, NG0122), and what that does.</summary>
public sealed class SequenceReaderTests
{
    private static LayerDefinition Recurrent(LayerKind kind, string name, int units, params (string Name, ArgumentValue Value)[] arguments) =>
        Of(kind, name, "NetGen.Layers.Recurrent", new[] { ("units", ArgumentValue.Int(units)) }.Concat(arguments).ToArray());

    private static LayerDefinition Sequence(string name, params (string Name, ArgumentValue Value)[] more) =>
        Recurrent(LayerKind.LSTM, name, 4, new[] { ("ReturnSequences", ArgumentValue.Bool(true)) }.Concat(more).ToArray());

    private static LayerDefinition TimeDistributedDense(string name, int units) =>
        Of(LayerKind.Dense, name, "TorchSharp.Modules.Linear", ("units", ArgumentValue.Int(units)), ("TimeDistributed", ArgumentValue.Bool(true)));

    [Fact]
    public void AHiddenDenseWarnsAndTheOutputDisablesTraining()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 3 }) }, Sequence("Lstm"), Dropout("Drop", 0.1), Dense("Hidden", 8, ActivationKind.ReLU), Dense("Output", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.DenseOnReturnedSequence, issue.Kind);
        Assert.Equal(new[] { "Hidden", "LSTM", "Lstm", "(None, steps, 8)" }, issue.Arguments);
        Assert.Equal(ProblemEffect.None, issue.Effect);

        var output = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 3 }) }, Sequence("Lstm"), Dense("Output", 1)));
        Assert.Equal(ProblemKind.SequenceOutputFromReturnedSequence, Assert.Single(output.Issues).Kind);
        Assert.Equal(ProblemEffect.DisablesTraining, output.Issues[0].Effect);
        Assert.Equal("(None, steps, 1)", output.Layers[1].Output.ToString());
    }

    [Fact]
    public void TimeDistributedDecodersAndLayersAcrossStepsAreSilent()
    {
        var input = new[] { Input(new object[] { "steps", 3 }) };
        var timeDistributed = NetworkAnalysis.Analyze(Define(input, Sequence("Lstm"), TimeDistributedDense("Output", 2)));
        var decoder = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { "s", 3 }, "source"), Input(new object[] { "t", 3 }, "target") },
            Recurrent(LayerKind.LSTM, "Encoder", 4, ("From", ArgumentValue.String("source"))),
            Sequence("Decoder", ("From", ArgumentValue.String("target")), ("InitialState", ArgumentValue.String("Encoder"))),
            Dense("Output", 2)));
        var stacked = NetworkAnalysis.Analyze(Define(input, Sequence("Lower"), Dense("Project", 4), Recurrent(LayerKind.GRU, "Upper", 4), Dense("Output", 1)));

        Assert.Empty(timeDistributed.Issues);
        Assert.Equal("(None, steps, 2)", timeDistributed.Layers[1].Output.ToString());
        Assert.Empty(decoder.Issues);
        Assert.Empty(stacked.Issues);
        Assert.Null(((DenseConfig)stacked.Layers[1].Config!).ReadsSequenceOf);
    }

    [Fact]
    public void TimeDistributedRequiresASequence()
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { 8 }, TimeDistributedDense("Output", 2))).Issues);

        Assert.Equal(ProblemKind.UnsupportedInputRank, issue.Kind);
        Assert.Equal("(steps, features) with TimeDistributed = true", issue.Arguments[3]);
    }

    [Fact]
    public void TheRecurrentLayerIsAnAdditionalSite_OnlyWhenEveryReaderTakesOneVector()
    {
        var input = new[] { Input(new object[] { "steps", 3 }) };
        var alone = NetworkAnalysis.Analyze(Define(input, Sequence("Lstm"), Dropout("Drop", 0.1), Dense("Hidden", 8, ActivationKind.ReLU), Dense("Output", 1)));
        var twoPerStepReaders = NetworkAnalysis.Analyze(Define(input, Sequence("Lstm"), Dense("First", 1).AsOutput(), Dense("Second", 1, from: "Lstm").AsOutput()));
        var alsoTimeDistributed = NetworkAnalysis.Analyze(Define(input, Sequence("Lstm"), Dense("Output", 1).AsOutput(), TimeDistributedDense("Tags", 2).With("From", ArgumentValue.String("Lstm")).AsOutput()));
        var alsoPooled = NetworkAnalysis.Analyze(Define(input, Sequence("Lstm"), Dense("Output", 1).AsOutput(), Of(LayerKind.GlobalAveragePooling1D, "Pool", "NetGen.Layers.GlobalAveragePooling1D", ("From", ArgumentValue.String("Lstm"))).AsOutput()));

        Assert.Equal(new[] { Site.LayerAttribute(0) }, Assert.Single(alone.Issues).AdditionalSites);
        Assert.All(twoPerStepReaders.Issues, static issue => Assert.Equal(new[] { Site.LayerAttribute(0) }, issue.AdditionalSites));
        Assert.Equal(2, twoPerStepReaders.Issues.Count);
        Assert.Empty(Assert.Single(alsoTimeDistributed.Issues).AdditionalSites);
        Assert.Empty(Assert.Single(alsoPooled.Issues).AdditionalSites);
    }
}
