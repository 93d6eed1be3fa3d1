using System.Threading.Tasks;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.CodeFixes;

namespace NetGen.Analyzers.Tests.CodeFixes;

/// <summary>NG0201's code fix: one softmax unit at an output becomes a sigmoid, with binary cross-entropy when the loss was categorical.</summary>
public sealed class SoftmaxOnSingleUnitCodeFixTests
{
    private const string WithBinaryLoss = """
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])]
        [Input(30)]
        public partial class CancerNet
        {
            [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
            [ACTIVATION] public partial Linear Output { get; }
        }
        """;

    private const string WithCategoricalLoss = """
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = LOSS)]
        [Input(30)]
        public partial class CancerNet
        {
            [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
            [ACTIVATION] public partial Linear Output { get; }
        }
        """;

    [Theory]
    [InlineData("Dense(1, Activation.Softmax)", "Dense(1, Activation.Sigmoid)")]
    [InlineData("Dense(1, activation: global::NetGen.Activation.Softmax)", "Dense(1, activation: global::NetGen.Activation.Sigmoid)")]
    public Task TheSoftmaxBecomesASigmoid(string written, string expected) => new NetGenCodeFixTest<SoftmaxOnSingleUnitCodeFix>
    {
        TestCode = WithBinaryLoss.Replace("ACTIVATION", "{|NG0201:" + written + "|}"),
        FixedCode = WithBinaryLoss.Replace("ACTIVATION", expected),
        CodeActionEquivalenceKey = SoftmaxOnSingleUnitCodeFix.SigmoidKey,
    }.RunAsync();

    [Fact]
    public async Task WithABinaryLossOnlyTheSigmoidIsOffered()
    {
        var offered = await OfferedCodeActions.ForAsync(new SoftmaxOnSingleUnitCodeFix(), WithBinaryLoss.Replace("ACTIVATION", "Dense(1, Activation.Softmax)"), "NG0201");

        Assert.Equal([("Use a sigmoid on 'Output'", SoftmaxOnSingleUnitCodeFix.SigmoidKey)], offered);
    }

    [Fact]
    public async Task WithACategoricalLossBothFixesAreOffered()
    {
        var offered = await OfferedCodeActions.ForAsync(
            new SoftmaxOnSingleUnitCodeFix(),
            WithCategoricalLoss.Replace("LOSS", "Loss.CategoricalCrossentropy").Replace("ACTIVATION", "Dense(1, Activation.Softmax)"),
            "NG0201");

        Assert.Equal(
            [
                ("Use a sigmoid on 'Output'", SoftmaxOnSingleUnitCodeFix.SigmoidKey),
                ("Use a sigmoid on 'Output' and BinaryCrossentropy", SoftmaxOnSingleUnitCodeFix.SigmoidAndBinaryLossKey),
            ],
            offered);
    }

    [Theory]
    [InlineData("Loss.CategoricalCrossentropy")]
    [InlineData("Loss.SparseCategoricalCrossentropy")]
    public Task TheCategoricalLossBecomesBinaryWithTheSigmoid(string loss) => new NetGenCodeFixTest<SoftmaxOnSingleUnitCodeFix>
    {
        TestCode = WithCategoricalLoss.Replace("LOSS", "{|NG0202:" + loss + "|}").Replace("ACTIVATION", "{|NG0201:Dense(1, Activation.Softmax)|}"),
        FixedCode = WithCategoricalLoss.Replace("LOSS", "Loss.BinaryCrossentropy").Replace("ACTIVATION", "Dense(1, Activation.Sigmoid)"),
        CodeActionEquivalenceKey = SoftmaxOnSingleUnitCodeFix.SigmoidAndBinaryLossKey,
    }.RunAsync();

    [Fact]
    public Task TheLossOnTheOutputAttributeIsTheOneSwitched() => new NetGenCodeFixTest<SoftmaxOnSingleUnitCodeFix>
    {
        TestCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(30)]
            public partial class CancerNet
            {
                [Output(Loss = {|NG0202:Loss.CategoricalCrossentropy|})] [{|NG0201:Dense(1, Activation.Softmax)|}] public partial Linear Output { get; }
            }
            """,
        FixedCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(30)]
            public partial class CancerNet
            {
                [Output(Loss = Loss.BinaryCrossentropy)] [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """,
        CodeActionEquivalenceKey = SoftmaxOnSingleUnitCodeFix.SigmoidAndBinaryLossKey,
    }.RunAsync();

    [Fact]
    public async Task AHiddenLayerOfOneUnitGetsNoFix()
    {
        // A sigmoid there would still squeeze the network through one unit: more units or another activation is the author's choice.
        var offered = await OfferedCodeActions.ForAsync(new SoftmaxOnSingleUnitCodeFix(), """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(1, Activation.Softmax)] public partial Linear Hidden { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """, "NG0201");

        Assert.Empty(offered);
    }

    [Fact]
    public Task FixAllTurnsEverySingleSoftmaxOutputIntoASigmoid() => new NetGenCodeFixTest<SoftmaxOnSingleUnitCodeFix>
    {
        TestCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
                [Output] [{|NG0201:Dense(1, Activation.Softmax)|}] public partial Linear Malignant { get; }
                [Output] [{|NG0201:Dense(1, Activation.Softmax, From = nameof(Hidden))|}] public partial Linear Recurs { get; }
            }
            """,
        FixedCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
                [Output] [Dense(1, Activation.Sigmoid)] public partial Linear Malignant { get; }
                [Output] [Dense(1, Activation.Sigmoid, From = nameof(Hidden))] public partial Linear Recurs { get; }
            }
            """,
        CodeActionEquivalenceKey = SoftmaxOnSingleUnitCodeFix.SigmoidKey,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public void TheFixRepairsTheAnalyzersDiagnostic() =>
        Assert.Equal(DiagnosticDescriptors.SoftmaxOnSingleUnit.Id, Assert.Single(new SoftmaxOnSingleUnitCodeFix().FixableDiagnosticIds));
}
