using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.CodeFixes;

namespace NetGen.Analyzers.Tests.CodeFixes;

/// <summary>NG0001's code fix: <c>partial</c> on the network and the types around it, in every file.</summary>
public sealed class PartialNetworkCodeFixTests
{
    [Fact]
    public Task TheNetworkBecomesPartialAndTheErrorsGo() => new NetGenCodeFixTest<PartialNetworkCodeFix>
    {
        TestCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public sealed class {|NG0001:Net|}
            {
                [Dense(2)] public partial Linear {|CS0751:{|CS9248:Output|}|} { get; }
            }
            """,
        FixedCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public sealed partial class Net
            {
                [Dense(2)] public partial Linear Output { get; }
            }
            """,
        CodeActionEquivalenceKey = PartialNetworkCodeFix.EquivalenceKey,
    }.RunAsync();

    [Fact]
    public Task AContainingClassWithoutModifiersBecomesPartialToo() => new NetGenCodeFixTest<PartialNetworkCodeFix>
    {
        TestCode = """
            using NetGen;
            using TorchSharp.Modules;

            class Models
            {
                [Network]
                [Input(4)]
                public partial class {|NG0001:Net|}
                {
                    [Dense(2)] public partial Linear {|CS9248:Output|} { get; }
                }
            }
            """,
        FixedCode = """
            using NetGen;
            using TorchSharp.Modules;

            partial class Models
            {
                [Network]
                [Input(4)]
                public partial class Net
                {
                    [Dense(2)] public partial Linear Output { get; }
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task FixAllMakesEveryNetworkInEveryFilePartial()
    {
        var test = new NetGenCodeFixTest<PartialNetworkCodeFix>
        {
            CodeActionEquivalenceKey = PartialNetworkCodeFix.EquivalenceKey,
            // Both networks make the same edit to their container; fix-all keeps one. Fix-all in a
            // document repairs one file per iteration; in the project or the solution, both at once.
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("/0/Models.cs", """
            using NetGen;
            using TorchSharp.Modules;

            public static class Models
            {
                [Network]
                [Input(4)]
                public partial class {|NG0001:Classifier|}
                {
                    [Dense(2)] public partial Linear {|CS9248:Output|} { get; }
                }

                [Network]
                [Input(4)]
                public partial class {|NG0001:Regressor|}
                {
                    [Dense(1)] public partial Linear {|CS9248:Output|} { get; }
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Tabular.cs", """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            internal class {|NG0001:TabularNet|}
            {
                [Dense(1)] public partial Linear {|CS0751:{|CS9248:Output|}|} { get; }
            }
            """));
        test.FixedState.Sources.Add(("/0/Models.cs", """
            using NetGen;
            using TorchSharp.Modules;

            public static partial class Models
            {
                [Network]
                [Input(4)]
                public partial class Classifier
                {
                    [Dense(2)] public partial Linear Output { get; }
                }

                [Network]
                [Input(4)]
                public partial class Regressor
                {
                    [Dense(1)] public partial Linear Output { get; }
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Tabular.cs", """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            internal partial class TabularNet
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task EveryPartMissingPartialIsFixedInItsOwnFile()
    {
        var test = new NetGenCodeFixTest<PartialNetworkCodeFix>();
        test.TestState.Sources.Add(("/0/Net.cs", """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class {|NG0001:Net|}
            {
                [Dense(2)] public partial Linear {|CS9248:Output|} { get; }
            }
            """));
        test.TestState.Sources.Add(("/0/Net.Helpers.cs", """
            public class {|CS0260:Net|}
            {
                public int Seed => 42;
            }
            """));
        test.FixedState.Sources.Add(("/0/Net.cs", """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial Linear Output { get; }
            }
            """));
        test.FixedState.Sources.Add(("/0/Net.Helpers.cs", """
            public partial class Net
            {
                public int Seed => 42;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public void TheFixRepairsTheAnalyzersDiagnostic() =>
        Assert.Equal(DiagnosticDescriptors.NetworkMustBePartial.Id, Assert.Single(new PartialNetworkCodeFix().FixableDiagnosticIds));
}
