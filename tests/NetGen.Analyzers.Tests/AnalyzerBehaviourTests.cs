using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests;

/// <summary>What the analyzer looks at, and that it never fails on code being typed.</summary>
public sealed class AnalyzerBehaviourTests
{
    [Fact]
    public Task ProjectWithoutNetGen_IsIgnored() => VerifyAsync(
        new[]
        {
            """
            namespace Other;

            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class NetworkAttribute : System.Attribute
            {
            }

            [Network]
            public class NotPartial
            {
            }
            """,
        },
        new AnalyzerTestOptions { ReferenceNetGen = false });

    [Fact]
    public Task AttributeWithTheSameNameFromAnotherNamespace_IsIgnored() => VerifyAsync("""
        namespace Other;

        [System.AttributeUsage(System.AttributeTargets.Class)]
        public sealed class NetworkAttribute : System.Attribute
        {
        }

        [Network]
        public class NotPartial
        {
        }
        """);

    [Fact]
    public Task ClassesWithoutNetworkAttribute_AreIgnored() => VerifyAsync("""
        using NetGen;

        [Input(0)]
        public class NotANetwork
        {
        }
        """);

    [Fact]
    public Task NetworkSplitAcrossFiles_IsReportedOnceAtTheRightFile() => VerifyAsync(
        new[]
        {
            """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
            }
            """,
            """
            using NetGen;
            using TorchSharp.Modules;

            public partial class Net
            {
                [{|NG0201:Dense(1, Activation.Softmax, From = nameof(Hidden))|}] public partial Linear Output { get; }
            }
            """,
        },
        new AnalyzerTestOptions());

    [Fact]
    public Task SeveralNetworks_AreAnalysedIndependently() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        namespace Models;

        [Network]
        [Input(4)]
        public partial class Clean
        {
            [Dense(2)] public partial Linear Output { get; }
        }

        [Network]
        [Input(4)]
        public partial class WithDropout
        {
            [{|NG0208:Dropout(0.5)|}] public partial Dropout Output { get; }
        }

        public static partial class Container
        {
            [Network]
            [Input(4)]
            internal partial class {|NG0004:Nested|}
            {
            }
        }
        """);

    [Fact]
    public Task GeneratedPartOfTheClass_IsNotAnalysedAgain() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError, Metrics = {|NG0205:[Metric.Accuracy]|})]
        [Input(4)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Theory]
    [InlineData("[Dense(] public partial Linear Output { get; }")]
    [InlineData("[Dense(2, From = )] public partial Linear Output { get; }")]
    [InlineData("[Dense(\"two\")] public partial Linear Output { get; }")]
    [InlineData("[Dense(2)] public partial Output { get; }")]
    [InlineData("[Dense(2)] public partial Linear { get; }")]
    [InlineData("[Dense(2)] public partial UnknownType Output { get; }")]
    [InlineData("[Add(nameof(Missing), 3)] public partial NetGen.Layers.Add Output { get; }")]
    [InlineData("[Concatenate(\"A\", Axis = )] public partial NetGen.Layers.Concatenate Output { get; }")]
    [InlineData("[Dropout] public partial Dropout Output { get; }")]
    [InlineData("[Dense(2)] public partial Linear Output => null!;")]
    [InlineData("[Dense(2)] public partial Linear Output { get; } [Dense(2)] public partial Linear Output { get; }")]
    public async Task IncompleteCode_NeverThrows(string members)
    {
        // RunAsync fails on any analyzer or generator exception; compiler errors are expected here.
        var source = $$"""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy])]
            [Input(4)]
            [Optimizer(OptimizerKind.Sgd, Momentum = 0.9)]
            public partial class Net
            {
                {{members}}
            }
            """;
        var diagnostics = await RunAsync(new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, PathOf(0)) }, new AnalyzerTestOptions());

        // The mistake is the compiler's to report, in the user's code; generated code adds no error of its own.
        Assert.Contains(diagnostics, static d => d.Id.StartsWith("CS", System.StringComparison.Ordinal) && d.Location.SourceTree?.FilePath == PathOf(0));
        Assert.DoesNotContain(diagnostics, static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
    }
}
