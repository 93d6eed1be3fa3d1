using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>
/// NG0215-NG0222 and NG0205's ROC-AUC: declarations that compile and train, but not as meant
/// (scores given to a probability loss, activations in the wrong place, implausible hyperparameters).
/// </summary>
public sealed class PlausibilityRuleTests
{
    [Fact]
    public async Task NG0215_LinearOutputWithBinaryCrossentropy_ReportedOnTheOutputLayer()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
                [{|NG0215:Dense(1)|}] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Output layer 'Output' ends in no activation, so its values are not probabilities, but BinaryCrossentropy expects probabilities; add Activation.Sigmoid to 'Output' (NetGen then trains from its logits)",
            MessageOf(diagnostics, "NG0215"));
    }

    [Fact]
    public async Task NG0215_ReLUScoresThroughDropoutWithSparseCategorical_ReportedOnTheLayerWithTheActivation()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.SparseCategoricalCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [{|NG0215:Dense(10, Activation.ReLU)|}] public partial Linear Scores { get; }
                [{|NG0208:Dropout(0.5)|}] public partial Dropout Output { get; }
            }
            """);

        Assert.Equal(
            "Output layer 'Output' ends in ReLU, so its values are not probabilities, but SparseCategoricalCrossentropy expects probabilities; add Activation.Softmax to 'Scores' (NetGen then trains from its logits)",
            MessageOf(diagnostics, "NG0215"));
    }

    [Fact]
    public Task NG0215_TanhActivationLayerWithCategoricalOnTheOutput_Reported() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(30)]
        public partial class Net
        {
            [Dense(10)] public partial Linear Scores { get; }
            [Output(Loss = Loss.CategoricalCrossentropy)]
            [{|NG0215:Activation(Activation.Tanh)|}] public partial Tanh Output { get; }
        }
        """);

    [Fact]
    public Task NG0215_ProbabilityOutputsRegressionOrALayerWithoutActivation_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(30)]
        public partial class Net
        {
            [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
            [Output(Loss = Loss.BinaryCrossentropy)]
            [Dense(1, Activation.Sigmoid)] public partial Linear Binary { get; }
            [Output(Loss = Loss.CategoricalCrossentropy)]
            [Dense(3, Activation.Softmax, From = nameof(Hidden))] public partial Linear Classes { get; }
            [Output(Loss = Loss.MeanSquaredError)]
            [Dense(1, From = nameof(Hidden))] public partial Linear Value { get; }
            [Output(Loss = Loss.BinaryCrossentropy)]
            [Reshape(12, From = nameof(Hidden))] public partial NetGen.Layers.Reshape Unknown { get; }
        }
        """);

    [Fact]
    public Task NG0215_CategoricalOnOneLinearUnit_OnlyNG0202() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = {|NG0202:Loss.CategoricalCrossentropy|})]
        [Input(30)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0205_RocAucOnRegression_NamesTheMetric()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError, Metrics = {|NG0205:[Metric.Mae, Metric.RocAuc]|})]
            [Input(8)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("'Net' reports RocAuc, but its loss MeanSquaredError is a regression loss; report Mae or Mse instead", MessageOf(diagnostics, "NG0205"));
    }

    [Fact]
    public async Task NG0205_AccuracyAndRocAucOnRegression_NamesBoth()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanAbsoluteError, Metrics = {|NG0205:[Metric.RocAuc, Metric.Accuracy]|})]
            [Input(8)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("'Net' reports RocAuc and Accuracy, but its loss MeanAbsoluteError is a regression loss; report Mae or Mse instead", MessageOf(diagnostics, "NG0205"));
    }

    [Fact]
    public Task NG0205_RocAucOnBinaryClassifier_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy, Metric.RocAuc])]
        [Input(8)]
        public partial class Net
        {
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0216_IntegerDivision_NamesTheExpression()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(64, Activation.ReLU)] public partial Linear Hidden { get; }
                [Dropout({|NG0216:1 / 2|})] public partial Dropout Drop { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Dropout rate of 'Drop' is 0: '1 / 2' divides integers, which gives 0, so the layer drops nothing; write 1.0 / 2 or the decimal rate",
            MessageOf(diagnostics, "NG0216"));
    }

    [Fact]
    public async Task NG0216_KeepProbabilityOnSpatialDropout_ReportedOnTheRate()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 8)]
            public partial class Net
            {
                [Conv2D(4, 3)] public partial Conv2d Conv { get; }
                [SpatialDropout2D(rate: {|NG0216:0.9|})] public partial Dropout2d Drop { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Dropout rate of 'Drop' is 0.9: it drops 90% of the values in training; the rate is the fraction dropped, not kept (a keep probability of 0.9 is a rate of 0.1)",
            MessageOf(diagnostics, "NG0216"));
    }

    [Fact]
    public Task NG0216_UsualRatesAndADecimalDivision_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(10)]
        public partial class Net
        {
            [Dropout(0.1)] public partial Dropout Low { get; }
            [Dropout(1.0 / 2)] public partial Dropout Half { get; }
            [Dropout(0.89)] public partial Dropout High { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0217_AdamAtHalf_ReportedOnTheRate()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError, LearningRate = {|NG0217:0.5|})]
            [Input(10)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Learning rate 0.5 is far above Adam's usual range (up to 0.01); training is likely to diverge", MessageOf(diagnostics, "NG0217"));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public Task NG0217_SgdAboveOneOnTheOptimizer_Reported() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Optimizer(OptimizerKind.Sgd, LearningRate = {|NG0217:5|})]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0217_UsualRatesPerOptimizer_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Optimizer(OptimizerKind.Adadelta, LearningRate = 1.0)]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }

        [Network(Loss = Loss.MeanSquaredError, Optimizer = OptimizerKind.Sgd, LearningRate = 0.1)]
        [Input(10)]
        public partial class Other
        {
            [Dense(1)] public partial Linear Output { get; }
        }

        [Network(Loss = Loss.MeanSquaredError, LearningRate = 0.1)]
        [Input(10)]
        public partial class AdamAtTheLimit
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0218_SoftmaxActivationAfterSoftmaxDense_ReportedOnTheSecond()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.CategoricalCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(10, Activation.Softmax)] public partial Linear Scores { get; }
                [Dropout(0.2)] public partial Dropout Drop { get; }
                [{|NG0218:Activation(Activation.Softmax)|}] public partial Softmax Output { get; }
            }
            """);

        Assert.Equal("Layer 'Output' applies softmax to the output of 'Scores', which already applies softmax: the values are squashed twice; keep one activation", MessageOf(diagnostics, "NG0218"));
    }

    [Fact]
    public Task NG0218_SigmoidAfterSoftmax_Reported() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        public partial class Net
        {
            [Dense(10)] public partial Linear Scores { get; }
            [Activation(Activation.Softmax)] public partial Softmax Probabilities { get; }
            [{|NG0218:Activation(Activation.Sigmoid)|}] public partial Sigmoid Output { get; }
        }
        """);

    [Fact]
    public Task NG0218_DenseReadingSoftmaxAndSoftmaxAfterLinear_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.CategoricalCrossentropy)]
        [Input(30)]
        public partial class Net
        {
            [Dense(16, Activation.Softmax)] public partial Linear Weights { get; }
            [Output, Dense(10, Activation.Softmax)] public partial Linear Scores { get; }
            [Dense(10, From = nameof(Weights))] public partial Linear Logits { get; }
            [Output, Activation(Activation.Softmax)] public partial Softmax Output { get; }
        }
        """);

    [Fact]
    public async Task NG0219_BatchNormalizationAfterSigmoidOutput_ReportedOnTheNormalization()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(1, Activation.Sigmoid)] public partial Linear Scores { get; }
                [{|NG0219:BatchNormalization|}] public partial BatchNorm1d Output { get; }
            }
            """);

        Assert.Equal(
            "BatchNormalization layer 'Output' comes after the sigmoid of 'Scores' and changes its range, so the output no longer holds probabilities; apply sigmoid last",
            MessageOf(diagnostics, "NG0219"));
    }

    [Fact]
    public Task NG0219_LayerNormalizationThroughDropoutAfterSoftmax_Reported() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(30)]
        public partial class Net
        {
            [Dense(4, Activation.Softmax)] public partial Linear Scores { get; }
            [Dropout(0.1)] public partial Dropout Drop { get; }
            [{|NG0219:LayerNormalization|}] public partial LayerNorm Output { get; }
        }
        """);

    [Fact]
    public Task NG0219_NormalizationBeforeTheOutputActivation_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        public partial class Net
        {
            [Dense(16, Activation.Sigmoid)] public partial Linear Hidden { get; }
            [BatchNormalization] public partial BatchNorm1d Norm { get; }
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0220_TwoLinearDense_ReportedOnTheLowerOne()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(8)]
            public partial class Net
            {
                [{|NG0220:Dense(32)|}] public partial Linear Hidden { get; }
                [Dropout(0.2)] public partial Dropout Drop { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Dense layer 'Output' has no activation and reads Dense layer 'Hidden', which has none either: the two compose into one linear map; give 'Hidden' an activation such as ReLU",
            MessageOf(diagnostics, "NG0220"));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public Task NG0220_LinearCodeReadByADecoderWithAnActivation_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(64)]
        public partial class Net
        {
            [Dense(8)] public partial Linear Code { get; }
            [Output, Dense(64, Activation.Sigmoid)] public partial Linear Decoded { get; }
            [Dense(4, Activation.ReLU, From = "input")] public partial Linear Side { get; }
            [Output, Dense(1, From = nameof(Side))] public partial Linear Value { get; }
        }
        """);

    [Fact]
    public async Task NG0221_PyTorchMomentum_ReportedOnTheArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(16, Activation.ReLU)] public partial Linear Hidden { get; }
                [BatchNormalization(Momentum = {|NG0221:0.1|})] public partial BatchNorm1d Norm { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Momentum 0.1 of 'Norm' looks like PyTorch's convention; NetGen follows Keras, where the moving statistics keep 0.1 of their value each step; PyTorch's momentum 0.1 is Momentum = 0.9 here",
            MessageOf(diagnostics, "NG0221"));
    }

    [Fact]
    public Task NG0221_KerasMomentumAndZero_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        public partial class Net
        {
            [Dense(16, Activation.ReLU)] public partial Linear Hidden { get; }
            [BatchNormalization(Momentum = 0.9)] public partial BatchNorm1d Norm { get; }
            [BatchNormalization(Momentum = 0.5)] public partial BatchNorm1d Half { get; }
            [BatchNormalization(Momentum = 0)] public partial BatchNorm1d Batch { get; }
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0222_DifferentRatesOnNetworkAndOptimizer_ReportedOnTheNetworksRate()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy, LearningRate = {|NG0222:0.01|})]
            [Optimizer(OptimizerKind.Adam, LearningRate = 0.001)]
            [Input(30)]
            public partial class Net
            {
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Network 'Net' declares learning rate 0.01 on [Network] and 0.001 on [Optimizer]; only the optimizer's 0.001 is used", MessageOf(diagnostics, "NG0222"));
    }

    [Fact]
    public Task NG0222_SameRateOrOneRate_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy, LearningRate = 0.001)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.001)]
        [Input(30)]
        public partial class Net
        {
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }

        [Network(Loss = Loss.BinaryCrossentropy, LearningRate = 0.001)]
        [Optimizer(OptimizerKind.Adam, Beta1 = 0.5)]
        [Input(30)]
        public partial class Other
        {
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """);
}
