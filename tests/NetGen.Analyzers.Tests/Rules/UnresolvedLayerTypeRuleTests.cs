using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>
/// NG0034: a layer property whose type does not resolve. The generator reports it (the compiler's
/// CS0246 and CS9248 come with it, and the command-line compiler runs no analyzer after an error).
/// </summary>
public sealed class UnresolvedLayerTypeRuleTests
{
    [Fact]
    public async Task NG0034_MissingUsing_NamesTheUsing()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;

            [Network]
            [Input(8)]
            public partial class Net
            {
                [Dense(4, Activation.ReLU)] public partial TorchSharp.Modules.Linear Hidden { get; }
                [Dense(1)] public partial {|CS0246:{|NG0034:Linear|}|} {|CS9248:Output|} { get; }
            }
            """);

        Assert.Equal(
            "Layer 'Output' is declared as 'Linear', which does not resolve; add 'using TorchSharp.Modules;' to the file, or write 'TorchSharp.Modules.Linear'",
            MessageOf(diagnostics, "NG0034"));
    }

    [Fact]
    public async Task NG0034_MisspeltModuleType_NamesTheTypeTheLayerNeeds()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 8)]
            public partial class Net
            {
                [Conv2D(4, 3)] public partial {|CS0246:{|NG0034:Conv2D|}|} {|CS9248:Conv|} { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Layer 'Conv' is declared as 'Conv2D', which does not resolve; a Conv2D layer is declared as 'TorchSharp.Modules.Conv2d'",
            MessageOf(diagnostics, "NG0034"));
    }

    [Fact]
    public async Task NG0034_CustomLayer_AsksForTheSpellingAndTheUsings()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            public partial class Net
            {
                [CustomLayer] public partial {|CS0246:{|NG0034:MyBlock|}|} {|CS9248:Block|} { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Layer 'Block' is declared as 'MyBlock', which does not resolve; check its spelling and the file's using directives",
            MessageOf(diagnostics, "NG0034"));
    }

    [Fact]
    public Task NG0034_TypesThatResolve_Silent() => VerifyAsync("""
        using NetGen;

        [Network]
        [Input(8)]
        public partial class Net
        {
            [Dense(4, Activation.ReLU)] public partial TorchSharp.Modules.Linear Hidden { get; }
            [Dense(1)] public partial global::TorchSharp.Modules.Linear Output { get; }
        }
        """);
}
