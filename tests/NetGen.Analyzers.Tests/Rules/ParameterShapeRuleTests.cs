using System.Threading.Tasks;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0031: the shape a <c>[Lambda]</c> or <c>[LossTerm]</c> parameter declares with <c>[Shape]</c>.</summary>
public sealed class ParameterShapeRuleTests
{
    [Fact]
    public async Task NG0031_RankMismatch_ReportedAtTheParameter()
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
                [Lambda(OutputShape = [2])] private static Tensor Twice([Shape(2, 1)] Tensor {|NG0031:mean|}) => mean * 2;
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Parameter 'mean' of 'Twice' declares the shape (None, 2, 1), but 'Mean' gives (None, 2)", MessageOf(diagnostics, "NG0031"));
    }

    [Fact]
    public async Task NG0031_SizeMismatchInALossTerm_ReportedAtTheParameter()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(4)]
            public partial class Net
            {
                [Dense(2, Activation.ReLU)] public partial Linear Mean { get; }
                [Dense(3, From = "input")] public partial Linear LogVariance { get; }
                [Dense(1, From = nameof(Mean))] public partial Linear Output { get; }
                [LossTerm("kl_loss")]
                private static Tensor Kl([Shape(2)] Tensor mean, [Shape(2)] Tensor {|NG0031:logVariance|}) => (mean.square() + logVariance.exp()).mean();
            }
            """);

        Assert.Equal("Parameter 'logVariance' of 'Kl' declares the shape (None, 2), but 'LogVariance' gives (None, 3)", MessageOf(diagnostics, "NG0031"));
    }

    [Fact]
    public Task NG0031_MatchingShapesAndAnySize_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input("steps", 8)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Mean { get; }
            [Lambda(OutputShape = [2])] private static Tensor Last([Shape(-1, 2)] Tensor mean, [Shape(-1, -1)] Tensor input) => mean[.., -1] + input.sum([1, 2]).unsqueeze(1);
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0031_NamedSizeAgainstAFixedOne_Reported() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input("steps", 8)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Mean { get; }
            [Lambda(OutputShape = [2])] private static Tensor Last([Shape(5, 2)] Tensor {|NG0031:mean|}) => mean[.., -1];
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0031_MemberKnownOnlyAtRunTime_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Lambda] private static Tensor Doubled(Tensor input) => input * 2;
            [Lambda(OutputShape = [4])] private static Tensor Again([Shape(9, 9)] Tensor doubled) => doubled.reshape(-1, 4);
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task InvalidShape_IsNG0012AtTheParameter() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Lambda(OutputShape = [4])] private static Tensor Twice([Shape(0)] Tensor {|NG0012:input|}, [Shape] Tensor {|NG0012:Input|}) => input * 2;
            [Dense(1)] public partial Linear Output { get; }
        }
        """);
}
