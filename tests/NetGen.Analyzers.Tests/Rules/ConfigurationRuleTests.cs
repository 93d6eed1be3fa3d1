using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0201-NG0212: layers, loss, metrics and optimizer that do not fit together.</summary>
public sealed class ConfigurationRuleTests
{
    [Fact]
    public async Task NG0201_SoftmaxDenseOfOneUnit_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
                [{|NG0201:Dense(1, Activation.Softmax)|}] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Layer 'Output' applies softmax to a single unit, so it always outputs 1; use sigmoid for a binary output", MessageOf(diagnostics, "NG0201"));
    }

    [Fact]
    public async Task NG0201_SoftmaxOnAHiddenUnit_AdvisesMoreUnitsNotSigmoid()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [{|NG0201:Dense(1, Activation.Softmax)|}] public partial Linear Hidden { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Layer 'Hidden' applies softmax to a single unit, so it always outputs 1; a hidden layer needs more units or another activation, such as ReLU", MessageOf(diagnostics, "NG0201"));
    }

    [Fact]
    public Task NG0201_SoftmaxActivationLayerAfterOneUnit_ReportedOnAttribute() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(30)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Logit { get; }
            [{|NG0201:Activation(Activation.Softmax)|}] public partial Softmax Output { get; }
        }
        """);

    [Fact]
    public Task NG0201_SoftmaxOverThreeUnits_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy])]
        [Input(30)]
        public partial class Net
        {
            [Dense(3, Activation.Softmax)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0202_CategoricalOnOneUnit_ReportedOnLossArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = {|NG0202:Loss.CategoricalCrossentropy|})]
            [Input(30)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "CategoricalCrossentropy needs one output unit per class, but output layer 'Output' has a single unit; use BinaryCrossentropy with a sigmoid output",
            MessageOf(diagnostics, "NG0202"));
    }

    [Fact]
    public Task NG0202_SparseCategoricalOnOneSigmoidUnit_ReportedOnLossArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = {|NG0202:Loss.SparseCategoricalCrossentropy|})]
        [Input(30)]
        public partial class Net
        {
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0202_BinaryOnOneUnit_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        public partial class Net
        {
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0203_SigmoidWithCategorical_ReportedOnOutputAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.CategoricalCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [{|NG0203:Dense(3, Activation.Sigmoid)|}] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Output layer 'Output' uses sigmoid, but CategoricalCrossentropy expects softmax probabilities that sum to 1", MessageOf(diagnostics, "NG0203"));
    }

    [Fact]
    public Task NG0203_SigmoidHiddenLayerWithSoftmaxOutput_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.SparseCategoricalCrossentropy)]
        [Input(30)]
        public partial class Net
        {
            [Dense(8, Activation.Sigmoid)] public partial Linear Hidden { get; }
            [Dense(3, Activation.Softmax)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0204_SoftmaxWithBinaryAndAccuracy_ReportedOnOutputAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])]
            [Input(30)]
            public partial class Net
            {
                [{|NG0204:Dense(2, Activation.Softmax)|}] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Output layer 'Output' uses softmax with BinaryCrossentropy and Accuracy: accuracy is then computed per unit and overstates the model; use CategoricalCrossentropy",
            MessageOf(diagnostics, "NG0204"));
    }

    [Fact]
    public Task NG0204_SoftmaxWithBinaryWithoutAccuracy_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.RocAuc])]
        [Input(30)]
        public partial class Net
        {
            [Dense(2, Activation.Softmax)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0205_AccuracyWithMse_ReportedOnMetricsArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError, Metrics = {|NG0205:[Metric.Mae, Metric.Accuracy]|})]
            [Input(10)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("'Net' reports Accuracy, but its loss MeanSquaredError is a regression loss; report Mae or Mse instead", MessageOf(diagnostics, "NG0205"));
    }

    [Fact]
    public Task NG0205_AccuracyWithMaeAsArray_ReportedOnMetricsArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanAbsoluteError, Metrics = {|NG0205:new[] { Metric.Accuracy }|})]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0205_RegressionMetrics_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae, Metric.Mse])]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0206_MseOnSigmoid_ReportedOnLossArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = {|NG0206:Loss.MeanSquaredError|})]
            [Input(10)]
            public partial class Net
            {
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Output layer 'Output' uses sigmoid, a classifier's activation, with MeanSquaredError; cross-entropy trains classifiers better", MessageOf(diagnostics, "NG0206"));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public Task NG0206_MseOnLinearOutput_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(10)]
        public partial class Net
        {
            [Dense(8, Activation.Sigmoid)] public partial Linear Hidden { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0207_RateOfOne_ReportedOnRateArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(10)]
            public partial class Net
            {
                [Dropout({|NG0207:1.0|})] public partial Dropout Drop { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Dropout rate of 'Drop' must be in [0, 1); got 1", MessageOf(diagnostics, "NG0207"));
    }

    [Fact]
    public Task NG0207_NegativeRateNamedArgument_ReportedOnRateArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(10)]
        public partial class Net
        {
            [Dropout(rate: {|NG0207:-0.1|})] public partial Dropout Drop { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0207_RatesInRange_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(10)]
        public partial class Net
        {
            [Dropout({|NG0216:0.0|})] public partial Dropout None { get; }
            [Dropout(0.5)] public partial Dropout Half { get; }
            [Dropout({|NG0216:0.999|})] public partial Dropout Most { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0208_DropoutLast_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(10)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Hidden { get; }
                [{|NG0208:Dropout(0.5)|}] public partial Dropout Output { get; }
            }
            """);

        Assert.Equal("Dropout layer 'Output' is the output layer: it drops predictions during training and does nothing at inference", MessageOf(diagnostics, "NG0208"));
    }

    [Fact]
    public Task NG0208_DropoutBeforeOutput_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(10)]
        public partial class Net
        {
            [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
            [Dropout(0.5)] public partial Dropout Drop { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0209_ZeroOnNetwork_ReportedOnLearningRateArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(LearningRate = {|NG0209:0|})]
            [Input(10)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("The learning rate must be a positive, finite number; got 0", MessageOf(diagnostics, "NG0209"));
    }

    [Fact]
    public Task NG0209_NegativeOrInfiniteOnOptimizer_ReportedOnLearningRateArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Optimizer(OptimizerKind.Adam, LearningRate = {|NG0209:-0.01|})]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }

        [Network(Optimizer = OptimizerKind.Sgd, LearningRate = {|NG0209:double.PositiveInfinity|})]
        [Input(10)]
        public partial class Other
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0209_SmallPositiveRate_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(LearningRate = 1e-5)]
        [Optimizer(OptimizerKind.Adam)]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0210_BetaOnSgd_ReportedOnArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Optimizer(OptimizerKind.Sgd, Momentum = 0.9, Beta1 = {|NG0210:0.9|})]
            [Input(10)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Sgd has no hyperparameter Beta1; the value is ignored", MessageOf(diagnostics, "NG0210"));
    }

    [Fact]
    public Task NG0210_BetaOnAdam_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Optimizer(OptimizerKind.Adam, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-8, WeightDecay = 0)]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0211_DifferentOptimizers_ReportedOnOptimizerAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Optimizer = OptimizerKind.Sgd)]
            [{|NG0211:Optimizer(OptimizerKind.Adam)|}]
            [Input(10)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Network 'Net' declares optimizer Sgd on [Network] but Adam on [Optimizer]", MessageOf(diagnostics, "NG0211"));
    }

    [Fact]
    public Task NG0211_SameOptimizerOrOnlyOnOptimizerAttribute_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Optimizer = OptimizerKind.Sgd)]
        [Optimizer(OptimizerKind.Sgd, Momentum = 0.9)]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }

        [Network]
        [Optimizer(OptimizerKind.RmsProp)]
        [Input(10)]
        public partial class Other
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0212_MomentumOutOfRange_ReportedOnArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Optimizer(OptimizerKind.Sgd, Momentum = {|NG0212:1.5|})]
            [Input(10)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Momentum of Sgd must be in [0, 1); got 1.5", MessageOf(diagnostics, "NG0212"));
    }

    [Fact]
    public async Task NG0212_NesterovWithoutMomentum_ReportedOnArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Optimizer(OptimizerKind.Sgd, Nesterov = {|NG0212:true|})]
            [Input(10)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Nesterov of Sgd must be used with a Momentum above 0; got true", MessageOf(diagnostics, "NG0212"));
    }

    [Fact]
    public Task NG0212_NesterovWithMomentum_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Optimizer(OptimizerKind.Sgd, Momentum = 0.9, Nesterov = true, WeightDecay = 1e-4)]
        [Input(10)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);
}
