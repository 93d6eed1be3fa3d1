using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>
/// One mistake, one diagnostic at the right span (NETGEN.md): whatever cannot be known because
/// of a reported problem stays silent downstream, instead of producing a cascade while the user types.
/// </summary>
public sealed class CascadeTests
{
    [Fact]
    public Task UnknownReference_LayerTheTypoMeantIsNotReportedUnused() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4)] public partial Linear Hidden { get; }
            [Dense(2, From = {|NG0008:"Hiden"|})] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task UnknownMergeInput_LayerTheTypoMeantIsNotReportedUnused() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4)] public partial Linear A { get; }
            [Dense(4, From = "input")] public partial Linear B { get; }
            [Add(nameof(A), {|NG0008:"Bee"|})] public partial NetGen.Layers.Add Sum { get; }
        }
        """);

    [Fact]
    public Task UnsupportedRank_NoModuleTypeAdviceForAnInputThatHasNone() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(2, 3, 4, 5, 6)]
        public partial class Net
        {
            [{|NG0101:BatchNormalization|}] public partial BatchNorm3d Norm { get; }
            [Flatten] public partial Flatten Flat { get; }
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task UnknownReference_LayersDownstreamStaySilent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.CategoricalCrossentropy)]
        [Input(4)]
        public partial class Net
        {
            [Dense(4, From = {|NG0008:"nowhere"|})] public partial Linear Hidden { get; }
            [Dense(1, Activation.Softmax)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task AddMismatch_LayersDownstreamStaySilent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.CategoricalCrossentropy)]
        [Input(8)]
        public partial class Net
        {
            [Dense(4)] public partial Linear A { get; }
            [Dense(5, From = "input")] public partial Linear B { get; }
            [{|NG0102:Add(nameof(A), nameof(B))|}] public partial NetGen.Layers.Add Sum { get; }
            [Dense(1, Activation.Softmax)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task InvalidInputShape_LayersStaySilent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [{|NG0003:Input(-1, 8)|}]
        public partial class Net
        {
            [Dense(4)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task Cycle_LayersDownstreamStaySilent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 8, 8)]
        public partial class Net
        {
            [{|NG0009:Dense(4, From = nameof(B))|}] public partial Linear A { get; }
            [{|NG0009:Dense(4, From = nameof(A))|}] public partial Linear B { get; }
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task InvalidUnits_LayersDownstreamStaySilent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(8)]
        public partial class Net
        {
            [Dense({|NG0012:-4|})] public partial Linear Hidden { get; }
            [Dense(2)] public partial Linear Output { get; }
        }
        """);
}
