using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// Severities are the user's to choose (.editorconfig, project options, pragmas), except for an
/// error that leaves no module to generate.
/// </summary>
public sealed class SeverityConfigurationTests
{
    private const string SoftmaxOnOneUnit = """
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        public partial class Net
        {
            [{|NG0201:Dense(1, Activation.Softmax)|}] public partial Linear Output { get; }
        }
        """;

    [Fact]
    public async Task WithoutConfiguration_WarningIsReported()
    {
        var diagnostics = await VerifyAsync(SoftmaxOnOneUnit);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public Task EditorConfigSeverityNone_TurnsTheWarningOff() => VerifyAsync(
        new[] { Unmarked(SoftmaxOnOneUnit) },
        new AnalyzerTestOptions
        {
            EditorConfig = """
                root = true

                [*.cs]
                dotnet_diagnostic.NG0201.severity = none
                """,
        });

    [Fact]
    public Task EditorConfigSectionForOtherFiles_LeavesTheWarningOn() => VerifyAsync(
        new[] { SoftmaxOnOneUnit },
        new AnalyzerTestOptions
        {
            EditorConfig = """
                root = true

                [*.generated.cs]
                dotnet_diagnostic.NG0201.severity = none
                """,
        });

    /// <summary>A practice rule (over the user's code, not a declaration): validation on the test split.</summary>
    private static string ValidationOnTest(string open, string close) => NetGen.Analyzers.Tests.Practice.PracticeSources.With($$"""
        public static class Training
        {
            public static void Run(Net model, FashionMnistData data)
            {
                model.Fit(data.Train.Images, data.Train.Labels, validationData: {{open}}(data.Test.Images, data.Test.Labels){{close}});
            }
        }
        """);

    [Theory]
    [InlineData("none", null)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public async Task EditorConfig_SetsAPracticeRulesSeverity(string configured, DiagnosticSeverity? expected)
    {
        var source = expected is null ? ValidationOnTest("", "") : ValidationOnTest("{|NG0301:", "|}");
        var diagnostics = await VerifyAsync(
            new[] { source },
            new AnalyzerTestOptions
            {
                EditorConfig = $"""
                    root = true

                    [*.cs]
                    dotnet_diagnostic.NG0301.severity = {configured}
                    """,
            });

        Assert.Equal(expected, diagnostics.SingleOrDefault()?.Severity);
    }

    [Fact]
    public async Task EditorConfigSeverityError_RaisesAnInfo()
    {
        var diagnostics = await VerifyAsync(
            new[]
            {
                """
                using NetGen;
                using TorchSharp.Modules;

                [Network(Loss = {|NG0206:Loss.MeanSquaredError|})]
                [Input(10)]
                public partial class Net
                {
                    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
                }
                """,
            },
            new AnalyzerTestOptions
            {
                EditorConfig = """
                    root = true

                    [*.cs]
                    dotnet_diagnostic.NG0206.severity = error
                    """,
            });

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public Task ProjectNoWarn_TurnsTheWarningOff() => VerifyAsync(
        new[] { Unmarked(SoftmaxOnOneUnit) },
        new AnalyzerTestOptions { SpecificDiagnosticOptions = new Dictionary<string, ReportDiagnostic> { ["NG0201"] = ReportDiagnostic.Suppress } });

    [Fact]
    public Task SuppressingOneRule_LeavesTheOthers() => VerifyAsync(
        new[]
        {
            """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(30)]
            public partial class Net
            {
                [Dense(4)] public partial Linear {|NG0011:Unused|} { get; }
                [Dense(1, Activation.Softmax, From = "input")] public partial Linear Output { get; }
            }
            """,
        },
        new AnalyzerTestOptions { SpecificDiagnosticOptions = new Dictionary<string, ReportDiagnostic> { ["NG0201"] = ReportDiagnostic.Suppress } });

    [Fact]
    public Task PragmaWarningDisable_SuppressesAtTheSpan() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        public partial class Net
        {
        #pragma warning disable NG0201 // a single-unit softmax on purpose: this network is a test fixture
            [Dense(1, Activation.Softmax)] public partial Linear Output { get; }
        #pragma warning restore NG0201
        }
        """);

    [Fact]
    public Task SuppressMessageOnTheClass_SuppressesTheRule() => VerifyAsync("""
        using System.Diagnostics.CodeAnalysis;
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        [SuppressMessage("NetGen.Configuration", "NG0201", Justification = "A test fixture")]
        public partial class Net
        {
            [Dense(1, Activation.Softmax)] public partial Linear Output { get; }
        }
        """);

    private const string NotPartial = """
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
        #pragma warning disable
            [Dense(2)] public Linear {|NG0005:Output|} { get; } = null!;
        #pragma warning restore
        }
        """;

    [Fact]
    public async Task PragmaWarningDisable_CannotHideAnErrorThatBlocksGeneration()
    {
        // Silenced, NG0005 would leave a build that succeeds with a placeholder throwing at run time.
        var diagnostics = await VerifyAsync(NotPartial);
        Assert.False(Assert.Single(diagnostics).IsSuppressed);
    }

    [Fact]
    public async Task EditorConfigAndNoWarn_CannotHideAnErrorThatBlocksGeneration()
    {
        var fromEditorConfig = await VerifyAsync(
            new[] { NotPartial },
            new AnalyzerTestOptions
            {
                EditorConfig = """
                    root = true

                    [*.cs]
                    dotnet_diagnostic.NG0005.severity = none
                    """,
            });
        var fromNoWarn = await VerifyAsync(
            new[] { NotPartial },
            new AnalyzerTestOptions { SpecificDiagnosticOptions = new Dictionary<string, ReportDiagnostic> { ["NG0005"] = ReportDiagnostic.Suppress } });

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(fromEditorConfig).Severity);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(fromNoWarn).Severity);
    }

    [Fact]
    public Task ConfigurationErrors_CanBeSuppressed() => VerifyAsync(
        // The module is generated; training throws with NG0209 until Compile gives a valid rate.
        new[]
        {
            Unmarked("""
                using NetGen;
                using TorchSharp.Modules;

                [Network(Loss = Loss.MeanSquaredError, LearningRate = {|NG0209:-1|})]
                [Input(4)]
                public partial class Net
                {
                    [Dense(1)] public partial Linear Output { get; }
                }
                """),
        },
        new AnalyzerTestOptions { SpecificDiagnosticOptions = new Dictionary<string, ReportDiagnostic> { ["NG0209"] = ReportDiagnostic.Suppress } });

    private static string Unmarked(string markup) => Markup.Parse(markup, null).Source;
}
