using System.Threading.Tasks;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0021-NG0023: layers and loss terms written as methods (<c>[Lambda]</c>, <c>[LossTerm]</c>).</summary>
public sealed class LambdaRuleTests
{
    [Fact]
    public async Task NG0021_ParameterNamingNothing_ReportedOnTheParameter()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial Linear Mean { get; }
                [Dense(2, From = "input")] public partial Linear LogVariance { get; }
                [Lambda(OutputShape = [2])] private Tensor Sample(Tensor mean, Tensor {|NG0021:logVar|}) => mean + exp(0.5 * logVar);
                [Dense(1, From = nameof(Sample))] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Lambda 'Sample' has a parameter 'logVar' that names no layer or input of 'Net'; a parameter takes the output of the layer or input it is named after ('input', 'Mean', 'LogVariance', 'Output')",
            MessageOf(diagnostics, "NG0021"));
    }

    [Fact]
    public Task NG0008_FromALossTerm_ReportedAtFrom() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Hidden { get; }
            [LossTerm("size")] private static Tensor Size(Tensor hidden) => hidden.square().mean();
            [Dense(1, From = {|NG0008:nameof(Size)|})] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0021_ParametersNamedAfterLayersAndInputs_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Mean { get; }
            [Dense(2, From = "input")] public partial Linear LogVariance { get; }
            [Lambda(OutputShape = [2])] private Tensor Sample(Tensor mean, Tensor LogVariance, Tensor input) => mean + exp(0.5 * LogVariance) + input.sum(1, keepdim: true);
            [Dense(1, From = nameof(Sample))] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0022_NonTensorParameterAndResult_ReportedOnTheMethod() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Hidden { get; }
            [Lambda] private Tensor {|NG0022:Scale|}(Tensor hidden, double factor) => hidden * factor;
            [Lambda] private double {|NG0022:Total|}(Tensor hidden) => hidden.sum().item<float>();
            [Lambda] private Tensor {|NG0022:Nothing|}() => zeros(1);
            [Lambda] private Tensor {|NG0022:ByRef|}(ref Tensor hidden) => hidden * 2;
            [Dense(1, From = nameof(Scale))] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0022_TensorsInAndOut_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            private const double Factor = 0.5;

            [Dense(2)] public partial Linear Hidden { get; }
            [Lambda(OutputShape = [2])] private static Tensor Scale(Tensor? hidden) => hidden! * Factor;
            [Dense(1, From = nameof(Scale))] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task DeclaredOutputShape_CheckedDownstream() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Hidden { get; }
            [Lambda(OutputShape = [2])] private Tensor Twice(Tensor hidden) => hidden * 2;
            [Dense(3, From = "input")] public partial Linear Other { get; }
            [{|NG0102:Add(nameof(Twice), nameof(Other))|}] public partial NetGen.Layers.Add Sum { get; }
        }
        """);

    [Fact]
    public Task UndeclaredOutputShape_IsDynamicAndSilencesOnlyWhatNeedsIt() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Hidden { get; }
            [Lambda] private Tensor Twice(Tensor hidden) => hidden * 2;
            [Reshape(2)] public partial NetGen.Layers.Reshape Declared { get; }
            [Dense(3, From = "input")] public partial Linear Other { get; }
            [{|NG0102:Add(nameof(Declared), nameof(Other))|}] public partial NetGen.Layers.Add Sum { get; }
        }
        """);

    [Fact]
    public Task InvalidOutputShape_ReportedOnTheArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Hidden { get; }
            [Lambda(OutputShape = {|NG0012:[0, 2]|})] private Tensor Twice(Tensor hidden) => hidden * 2;
            [Dense(1, From = nameof(Twice))] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0023_LossTermOnInputsAndLambdasOnly_ReportedOnTheMethod()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Lambda(OutputShape = [4])] private static Tensor Doubled(Tensor input) => input * 2;
                [Dense(4, Activation.Sigmoid, From = "input")] public partial Linear Decoded { get; }
                [LossTerm("energy")] private static Tensor {|NG0023:Energy|}(Tensor input, Tensor doubled) => (input * doubled).mean();
                [LossTerm("reconstruction_loss")] private static Tensor Reconstruction(Tensor input, Tensor decoded) => nn.functional.binary_cross_entropy(decoded, input);
            }
            """);

        Assert.Equal(
            "Loss term 'Energy' reads 'input', 'Doubled', which no layer with trainable parameters comes before; adding it to the loss trains nothing",
            MessageOf(diagnostics, "NG0023"));
    }

    [Fact]
    public Task NG0023_LossTermThroughALambdaToADense_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Mean { get; }
            [Lambda(OutputShape = [2])] private static Tensor Doubled(Tensor mean) => mean * 2;
            [Dense(4, Activation.Sigmoid)] public partial Linear Decoded { get; }
            [LossTerm("kl_loss")] private static Tensor Kl(Tensor doubled) => doubled.square().mean();
        }
        """);

    [Fact]
    public Task NG0021_LossTermParameterNamingNothing_ReportedOnTheParameter() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4, Activation.Sigmoid)] public partial Linear Decoded { get; }
            [LossTerm("reconstruction_loss")] private static Tensor Reconstruction(Tensor input, Tensor {|NG0021:decode|}) => nn.functional.binary_cross_entropy(decode, input);
        }
        """);
}
