using System.Linq;
using System.Threading.Tasks;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.CodeFixes;

namespace NetGen.Analyzers.Tests.CodeFixes;

/// <summary>NG0203 and NG0204's code fixes: the output's activation or its loss changed so that they agree.</summary>
public sealed class LossActivationCodeFixTests
{
    private const string IrisNet = """
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = LOSS, Metrics = [Metric.Accuracy])]
        [Input(4)]
        public partial class IrisNet
        {
            [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
            [OUTPUT] public partial Linear Output { get; }
        }
        """;

    [Fact]
    public Task SigmoidWithCategoricalLossBecomesSoftmax() => new NetGenCodeFixTest<LossActivationCodeFix>
    {
        TestCode = IrisNet.Replace("LOSS", "Loss.CategoricalCrossentropy").Replace("OUTPUT", "{|NG0203:Dense(3, Activation.Sigmoid)|}"),
        FixedCode = IrisNet.Replace("LOSS", "Loss.CategoricalCrossentropy").Replace("OUTPUT", "Dense(3, Activation.Softmax)"),
        CodeActionEquivalenceKey = LossActivationCodeFix.SoftmaxKey,
    }.RunAsync();

    [Fact]
    public Task SigmoidWithCategoricalLossKeepsTheSigmoidWithBinaryCrossentropy() => new NetGenCodeFixTest<LossActivationCodeFix>
    {
        TestCode = IrisNet.Replace("LOSS", "Loss.CategoricalCrossentropy").Replace("OUTPUT", "{|NG0203:Dense(3, Activation.Sigmoid)|}"),
        FixedCode = IrisNet.Replace("LOSS", "Loss.BinaryCrossentropy").Replace("OUTPUT", "Dense(3, Activation.Sigmoid)"),
        CodeActionEquivalenceKey = LossActivationCodeFix.BinaryLossKey,
    }.RunAsync();

    [Fact]
    public async Task SparseLabelsGetOnlyTheSoftmax()
    {
        // Sparse labels are class indices, which binary cross-entropy cannot read.
        var offered = await OfferedCodeActions.ForAsync(
            new LossActivationCodeFix(),
            IrisNet.Replace("LOSS", "Loss.SparseCategoricalCrossentropy").Replace("OUTPUT", "Dense(3, Activation.Sigmoid)"),
            "NG0203");

        Assert.Equal([("Use softmax on 'Output'", LossActivationCodeFix.SoftmaxKey)], offered);
    }

    [Fact]
    public async Task AnActivationLayerGetsOnlyTheLossSwitch()
    {
        // Its function decides its module type (Sigmoid), so softmax there is a second edit the author should see.
        var offered = await OfferedCodeActions.ForAsync(new LossActivationCodeFix(), """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.CategoricalCrossentropy)]
            [Input(4)]
            public partial class IrisNet
            {
                [Dense(3)] public partial Linear Logits { get; }
                [Activation(Activation.Sigmoid)] public partial Sigmoid Output { get; }
            }
            """, "NG0203");

        Assert.Equal([("Use BinaryCrossentropy as the loss", LossActivationCodeFix.BinaryLossKey)], offered);
    }

    [Fact]
    public Task SoftmaxWithBinaryLossGetsCategoricalCrossentropy() => new NetGenCodeFixTest<LossActivationCodeFix>
    {
        TestCode = IrisNet.Replace("LOSS", "Loss.BinaryCrossentropy").Replace("OUTPUT", "{|NG0204:Dense(3, Activation.Softmax)|}"),
        FixedCode = IrisNet.Replace("LOSS", "Loss.CategoricalCrossentropy").Replace("OUTPUT", "Dense(3, Activation.Softmax)"),
        CodeActionEquivalenceKey = LossActivationCodeFix.CategoricalLossKey,
    }.RunAsync();

    [Fact]
    public async Task SoftmaxWithBinaryLossGetsOnlyTheLossSwitch()
    {
        var offered = await OfferedCodeActions.ForAsync(
            new LossActivationCodeFix(),
            IrisNet.Replace("LOSS", "Loss.BinaryCrossentropy").Replace("OUTPUT", "Dense(3, Activation.Softmax)"),
            "NG0204");

        Assert.Equal([("Use CategoricalCrossentropy as the loss", LossActivationCodeFix.CategoricalLossKey)], offered);
    }

    [Fact]
    public Task FixAllSwitchesTheSharedLossOnceAndEachOutputsOwn() => new NetGenCodeFixTest<LossActivationCodeFix>
    {
        TestCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])]
            [Input(4)]
            public partial class Net
            {
                [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
                [Output] [{|NG0204:Dense(3, Activation.Softmax)|}] public partial Linear Species { get; }
                [Output] [{|NG0204:Dense(2, Activation.Softmax, From = nameof(Hidden))|}] public partial Linear Habitat { get; }
                [Output(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])] [{|NG0204:Dense(4, Activation.Softmax, From = nameof(Hidden))|}] public partial Linear Colour { get; }
            }
            """,
        FixedCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy])]
            [Input(4)]
            public partial class Net
            {
                [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
                [Output] [Dense(3, Activation.Softmax)] public partial Linear Species { get; }
                [Output] [Dense(2, Activation.Softmax, From = nameof(Hidden))] public partial Linear Habitat { get; }
                [Output(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy])] [Dense(4, Activation.Softmax, From = nameof(Hidden))] public partial Linear Colour { get; }
            }
            """,
        CodeActionEquivalenceKey = LossActivationCodeFix.CategoricalLossKey,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public void TheFixRepairsTheAnalyzersDiagnostics() =>
        Assert.Equal(
            [DiagnosticDescriptors.SigmoidWithCategoricalCrossentropy.Id, DiagnosticDescriptors.SoftmaxWithBinaryCrossentropy.Id],
            new LossActivationCodeFix().FixableDiagnosticIds.ToArray());
}
