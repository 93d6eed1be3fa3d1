using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>
/// Shape rules, parameter counts and links of Embedding, SimpleRNN, LSTM and GRU, without Roslyn.
/// </summary>
public sealed class RecurrentLayerTests
{
    private static LayerDefinition Recurrent(LayerKind kind, string name, int units, params (string Name, ArgumentValue Value)[] arguments) =>
        Of(kind, name, "NetGen.Layers.Recurrent", new[] { ("units", ArgumentValue.Int(units)) }.Concat(arguments).ToArray());

    private static LayerDefinition Embedding(string name, int inputDim, int outputDim, bool maskZero) =>
        Of(LayerKind.Embedding, name, "TorchSharp.Modules.Embedding", ("inputDim", ArgumentValue.Int(inputDim)), ("outputDim", ArgumentValue.Int(outputDim)), ("MaskZero", ArgumentValue.Bool(maskZero)));

    private static InputDefinition Tokens(params object[] shape) => Input(shape, "tokens", ElementKind.Int64);

    // Keras's counts (keras/src/layers/rnn): SimpleRNN units * (features + units) + units; LSTM
    // 4 * (units * (features + units) + units); GRU (reset_after) 3 * (units * (features + units) + 2 * units).
    // PyTorch's cells have an input and a recurrent bias vector: gates * units more for SimpleRNN
    // and LSTM, the same for GRU. The summary states PyTorch's, the module's real count.
    [Theory]
    [InlineData("SimpleRNN", false, true, 45, 50)]
    [InlineData("LSTM", false, true, 180, 200)]
    [InlineData("GRU", false, true, 150, 150)]
    [InlineData("SimpleRNN", true, true, 90, 100)]
    [InlineData("LSTM", true, true, 360, 400)]
    [InlineData("GRU", true, true, 300, 300)]
    [InlineData("SimpleRNN", false, false, 40, 40)]
    [InlineData("LSTM", false, false, 160, 160)]
    public void CountsArePyTorchsAndDifferFromKerasByOneBiasVector(string kind, bool bidirectional, bool useBias, long keras, long pytorch)
    {
        var cell = System.Enum.Parse<LayerKind>(kind);
        var layer = Recurrent(cell, "R", 5, ("Bidirectional", ArgumentValue.Bool(bidirectional)), ("UseBias", ArgumentValue.Bool(useBias)));

        var result = NetworkAnalysis.Analyze(Define(new[] { 7, 3 }, layer));

        Assert.Empty(result.Issues);
        Assert.Equal(pytorch, result.Layers[0].Parameters.Total);
        Assert.Equal(pytorch, result.Layers[0].Parameters.Trainable);
        var gates = cell switch { LayerKind.LSTM => 4, LayerKind.GRU => 3, _ => 1 };
        var kerasBiases = cell == LayerKind.GRU ? 2 * gates * 5 : gates * 5;
        var directions = bidirectional ? 2 : 1;
        Assert.Equal(keras, directions * ((gates * 5 * (3 + 5)) + (useBias ? kerasBiases : 0)));
        Assert.Equal(pytorch - keras, useBias && cell != LayerKind.GRU ? directions * gates * 5 : 0);
    }

    [Theory]
    [InlineData(false, false, "Concat", "(None, 6)")]
    [InlineData(true, false, "Concat", "(None, steps, 6)")]
    [InlineData(false, true, "Concat", "(None, 12)")]
    [InlineData(true, true, "Concat", "(None, steps, 12)")]
    [InlineData(true, true, "Sum", "(None, steps, 6)")]
    [InlineData(false, true, "Average", "(None, 6)")]
    public void OutputIsTheLastStepOrTheNamedSequence(bool returnSequences, bool bidirectional, string mergeMode, string expected)
    {
        var layer = Recurrent(LayerKind.GRU, "R", 6,
            ("ReturnSequences", ArgumentValue.Bool(returnSequences)),
            ("Bidirectional", ArgumentValue.Bool(bidirectional)),
            ("MergeMode", ArgumentValue.Enum((int)System.Enum.Parse<MergeModeKind>(mergeMode), "NetGen.MergeMode")));

        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 3 }) }, layer));

        Assert.Empty(result.Issues);
        Assert.Equal(expected, result.Layers[0].Output.ToString());
    }

    [Fact]
    public void EmbeddingTakesTokenIdsAndAddsAVectorAxis()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Tokens("words") }, Embedding("Words", 1000, 16, maskZero: false)));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, words, 16)", result.Layers[0].Output.ToString());
        Assert.Equal(ElementKind.Float32, result.Layers[0].Output.Type!.ElementType);
        Assert.Equal(16000, result.Layers[0].Parameters.Total);
    }

    [Fact]
    public void EmbeddingOfFloatsIsReportedWithTheInputAndItsType()
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "words" }) }, Embedding("Words", 1000, 16, maskZero: false))).Issues);

        Assert.Equal(ProblemKind.FeaturesIntoEmbedding, issue.Kind);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
        Assert.Equal(new[] { "Words", "'input' holds float32 values" }, issue.Arguments);
    }

    [Fact]
    public void MaskedEmbeddingLinksItsTokensToEveryRecurrentLayerItReaches()
    {
        var result = NetworkAnalysis.Analyze(Define(
            new[] { Tokens("words") },
            Embedding("Words", 100, 8, maskZero: true),
            Dropout("Drop", 0.2),
            Dense("PerStep", 8),
            Of(LayerKind.LayerNormalization, "Norm", "TorchSharp.Modules.LayerNorm"),
            Recurrent(LayerKind.LSTM, "Lower", 4, ("ReturnSequences", ArgumentValue.Bool(true))),
            Recurrent(LayerKind.GRU, "Upper", 4),
            Dense("Output", 1)));

        Assert.Empty(result.Issues);
        Assert.Equal(new[] { "tokens" }, result.Layers[4].Links);
        Assert.Equal(new[] { "tokens" }, result.Layers[5].Links);
        Assert.Empty(result.Layers[6].Links);
    }

    [Fact]
    public void UnmaskedEmbeddingOrALayerThatMovesStepsLinksNothing()
    {
        var unmasked = NetworkAnalysis.Analyze(Define(new[] { Tokens("words") }, Embedding("Words", 100, 8, maskZero: false), Recurrent(LayerKind.LSTM, "Lstm", 4)));
        var convolved = NetworkAnalysis.Analyze(Define(
            new[] { Tokens(10) },
            Embedding("Words", 100, 8, maskZero: true),
            Of(LayerKind.Conv1D, "Conv", "TorchSharp.Modules.Conv1d", ("filters", ArgumentValue.Int(4)), ("kernelSize", ArgumentValue.Int(3))),
            Recurrent(LayerKind.LSTM, "Lstm", 4)));

        Assert.Empty(unmasked.Issues);
        Assert.Empty(unmasked.Layers[1].Links);
        Assert.DoesNotContain(convolved.Issues, static i => i.Kind != ProblemKind.WindowDropsEdge);
        Assert.Empty(convolved.Layers[2].Links);
    }

    [Fact]
    public void InitialStateOrdersTheEncoderFirstAndMarksItsState()
    {
        // The decoder is declared first: its link to the encoder still runs the encoder before it.
        var result = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { "s", 3 }, "source"), Input(new object[] { "t", 2 }, "target") },
            Recurrent(LayerKind.GRU, "Decoder", 8, ("ReturnSequences", ArgumentValue.Bool(true)), ("From", ArgumentValue.String("target")), ("InitialState", ArgumentValue.String("Encoder"))),
            Recurrent(LayerKind.GRU, "Encoder", 4, ("Bidirectional", ArgumentValue.Bool(true)), ("From", ArgumentValue.String("source")))));

        Assert.DoesNotContain(result.Issues, static i => i.Kind != ProblemKind.UnusedLayer);
        Assert.Equal(new[] { 1, 0 }, result.ExecutionOrder);
        Assert.True(result.Layers[1].ProvidesState);
        Assert.False(result.Layers[0].ProvidesState);
        Assert.Equal(new[] { "Encoder" }, result.Layers[0].Links);
        Assert.Equal("(None, t, 8)", result.Layers[0].Output.ToString());
    }

    [Fact]
    public void StackedOnALastOutputIsOneProblemAtTheLowerLayer()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 7, 3 }, Recurrent(LayerKind.LSTM, "Lower", 4), Recurrent(LayerKind.LSTM, "Upper", 4), Dense("Output", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.StackedOnLastOutput, issue.Kind);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
        Assert.Equal(ShapeStatus.Failed, result.Layers[1].Output.Status);
    }

    [Fact]
    public void ALowerLayerWithItsOwnProblemGetsOnlyThatOne()
    {
        // The lower layer reads a vector (NG0116); the upper one stays silent rather than adding NG0117.
        var result = NetworkAnalysis.Analyze(Define(new[] { 12 }, Recurrent(LayerKind.LSTM, "Lower", 4), Recurrent(LayerKind.LSTM, "Upper", 4), Dense("Output", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.RecurrentLayerOnVector, issue.Kind);
        Assert.Equal(Site.LayerAttribute(0), issue.Site);
    }

    [Theory]
    [InlineData("Dropout", 1.0)]
    [InlineData("RecurrentDropout", -0.1)]
    public void DropoutRatesAreInZeroToOne(string argument, double rate)
    {
        var issue = Assert.Single(NetworkAnalysis.Analyze(Define(new[] { 7, 3 }, Recurrent(LayerKind.GRU, "R", 4, (argument, ArgumentValue.Double(rate))))).Issues);

        Assert.Equal(ProblemKind.DropoutRateOutOfRange, issue.Kind);
        Assert.Equal(Site.LayerArgument(0, argument), issue.Site);
    }

    [Fact]
    public void SimpleRNNTakesTanhOrReLU()
    {
        var relu = NetworkAnalysis.Analyze(Define(new[] { 7, 3 }, Recurrent(LayerKind.SimpleRNN, "R", 4, ("activation", ArgumentValue.Enum((int)ActivationKind.ReLU, "NetGen.Activation")))));
        var sigmoid = NetworkAnalysis.Analyze(Define(new[] { 7, 3 }, Recurrent(LayerKind.SimpleRNN, "R", 4, ("activation", ArgumentValue.Enum((int)ActivationKind.Sigmoid, "NetGen.Activation")))));

        Assert.Empty(relu.Issues);
        var issue = Assert.Single(sigmoid.Issues);
        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(Site.LayerArgument(0, "activation"), issue.Site);
    }
}
