using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0028-NG0030: a user's TorchSharp module as a layer (<c>[CustomLayer]</c>).</summary>
public sealed class CustomLayerRuleTests
{
    private const string Modules = """
        public sealed class Doubler : TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>
        {
            public Doubler() : base(nameof(Doubler)) { }
            public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor input) => input * 2;
        }

        public sealed class Scaled : TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>
        {
            private readonly TorchSharp.Modules.Linear _inner;
            public Scaled(long features) : base(nameof(Scaled)) { _inner = TorchSharp.torch.nn.Linear(features, features); RegisterComponents(); }
            public static long[] ComputeOutputShape(long[] inputShape) => inputShape;
            public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor input) => _inner.call(input);
        }

        public sealed class Averager : TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>
        {
            public Averager() : base(nameof(Averager)) { }
            public long[] ComputeOutputShape(int[] inputShape) => [1];
            public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor input) => input.mean([1], keepdim: true);
        }
        """;

    [Fact]
    public async Task NG0028_TypeThatIsNotATensorModule_ReportedAtTheType()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(4)]
            public partial class Net
            {
                [CustomLayer] public partial {|NG0028:System.Text.StringBuilder|} Block { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Custom layer 'Block' is declared as 'System.Text.StringBuilder', which is not a TorchSharp Module<Tensor, Tensor>; a [CustomLayer] member's type must derive from it",
            MessageOf(diagnostics, "NG0028"));
    }

    [Fact]
    public Task NG0028_ModuleOfAnotherSignature_ReportedAtTheType() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [CustomLayer] public partial {|NG0028:Bilinear|} Block { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0029_NoParameterlessConstructorAndNoFactory_ReportedAtTheType()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(4)]
            public partial class Net
            {
                [CustomLayer(OutputShape = [4])] public partial {|NG0029:Scaled|} Block { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """ + Modules);

        Assert.Equal(
            "Custom layer 'Block' cannot be built: 'Scaled' has no public parameterless constructor; add one, or name a static method of the network class that creates the module with Factory = nameof(...)",
            MessageOf(diagnostics, "NG0029"));
    }

    [Fact]
    public async Task NG0029_FactoryOfTheWrongForm_ReportedAtFactory()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(4)]
            public partial class Net
            {
                [CustomLayer(OutputShape = [4], Factory = {|NG0029:nameof(CreateBlock)|})] public partial Scaled Block { get; }
                [CustomLayer(OutputShape = [4], Factory = {|NG0029:nameof(Wrong)|})] public partial Scaled Second { get; }
                [CustomLayer(OutputShape = [4], Factory = {|NG0029:nameof(Arguments)|})] public partial Scaled Third { get; }
                [CustomLayer(OutputShape = [4], Factory = {|NG0029:"Missing"|})] public partial Scaled Fourth { get; }
                [Dense(1)] public partial Linear Output { get; }

                private Scaled CreateBlock() => new(4);
                private static Doubler Wrong() => new();
                private static Scaled Arguments(int features) => new(features);
            }
            """ + Modules);

        Assert.Equal(
            [
                "Custom layer 'Block' cannot be built: its factory 'CreateBlock' must be static",
                "Custom layer 'Second' cannot be built: its factory 'Wrong' returns Doubler, not a Scaled",
                "Custom layer 'Third' cannot be built: its factory 'Arguments' must take no parameters, or one long[] inputShape",
                "Custom layer 'Fourth' cannot be built: Factory names no method of 'Net'; name a static method of the network class that returns the module (use nameof)",
            ],
            diagnostics.Where(static d => d.Id == "NG0029").OrderBy(static d => d.Location.SourceSpan.Start).Select(static d => d.GetMessage(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public Task NG0029_FactoryTakingAShapeKnownOnlyAtRunTime_ReportedAtFactory() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [Lambda] private static TorchSharp.torch.Tensor Same(TorchSharp.torch.Tensor input) => input * 1;
            [CustomLayer(OutputShape = [4], Factory = {|NG0029:nameof(CreateBlock)|})] public partial Scaled Block { get; }
            [Dense(1)] public partial Linear Output { get; }

            private static Scaled CreateBlock(long[] inputShape) => new(inputShape[0]);
        }
        """ + Modules);

    [Fact]
    public Task NG0029_ParameterlessConstructorOrValidFactories_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [CustomLayer(OutputShape = [4])] public partial Doubler Twice { get; }
            [CustomLayer(OutputShape = [4], Factory = nameof(CreateBlock))] public partial Scaled Block { get; }
            [CustomLayer(OutputShape = [4], Factory = nameof(CreateSized))] public partial Scaled Sized { get; }
            [Dense(1)] public partial Linear Output { get; }

            private static Scaled CreateBlock() => new(4);
            private static Scaled CreateSized(long[] inputShape) => new(inputShape[0]);
        }
        """ + Modules);

    [Fact]
    public async Task NG0030_ShapeFunctionOfAnotherForm_ReportedAtTheType()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(4)]
            public partial class Net
            {
                [CustomLayer] public partial {|NG0030:Averager|} Mean { get; }
                [Reshape(1)] public partial NetGen.Layers.Reshape Flat { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """ + Modules);

        Assert.Equal(
            "Custom layer 'Mean': 'Averager' declares a ComputeOutputShape the summary cannot call; declare it 'public static long[] ComputeOutputShape(long[] inputShape)'",
            MessageOf(diagnostics, "NG0030"));
    }

    [Fact]
    public Task DeclaredOutputShape_CheckedDownstream() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [CustomLayer(OutputShape = [4])] public partial Doubler Twice { get; }
            [Dense(3, From = "input")] public partial Linear Other { get; }
            [{|NG0102:Add(nameof(Twice), nameof(Other))|}] public partial NetGen.Layers.Add Sum { get; }
        }
        """ + Modules);

    [Fact]
    public Task UndeclaredOutputShape_SilentUntilALayerDeclaresOne_ThenChecked() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [CustomLayer] public partial Doubler Twice { get; }
            [Reshape(2, 2)] public partial NetGen.Layers.Reshape Known { get; }
            [Dense(4, From = "input")] public partial Linear Other { get; }
            [{|NG0102:Add(nameof(Known), nameof(Other))|}] public partial NetGen.Layers.Add Sum { get; }
        }
        """ + Modules);

    [Fact]
    public Task InvalidOutputShape_IsNG0012() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [CustomLayer(OutputShape = {|NG0012:[0]|})] public partial Doubler Twice { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """ + Modules);

    [Fact]
    public Task LossTermReadingOnlyACustomLayer_IsNotNG0023() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Net
        {
            [CustomLayer(OutputShape = [4], Factory = nameof(CreateBlock))] public partial Scaled Block { get; }
            [Dense(1, From = "input")] public partial Linear Output { get; }
            [LossTerm("size")] private static TorchSharp.torch.Tensor Size(TorchSharp.torch.Tensor block) => block.square().mean();

            private static Scaled CreateBlock() => new(4);
        }
        """ + Modules);
}
