using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.Generator;
using NetGen.Model;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// The problems that come with compiler errors are reported by the generator
/// (<see cref="ProblemReporting.IsReportedByGenerator"/>), every other by the analyzer: in the IDE,
/// where both run, each appears exactly once.
/// </summary>
public sealed class GeneratorReportedDiagnosticsTests
{
    [Theory]
    // Not partial (NG0001), a layer with a setter (NG0005), a static class (NG0013), a missing using (NG0034).
    [InlineData("NG0001", "public class Net { [Dense(1)] public partial Linear Output { get; } }", "using TorchSharp.Modules;")]
    [InlineData("NG0005", "public partial class Net { [Dense(1)] public partial Linear Output { get; set; } }", "using TorchSharp.Modules;")]
    [InlineData("NG0013", "public static partial class Net { [Dense(1)] public static partial Linear Output { get; } }", "using TorchSharp.Modules;")]
    [InlineData("NG0034", "public partial class Net { [Dense(1)] public partial Linear Output { get; } }", "")]
    public async Task EachAppearsOnceWhenTheGeneratorAndTheAnalyzersBothRun(string id, string declaration, string usings)
    {
        var source = $"using NetGen;\n{usings}\n[Network]\n[Input(4)]\n{declaration}\n";
        var tree = CSharpSyntaxTree.ParseText(source, AnalyzerTestHelper.ParseOptions, AnalyzerTestHelper.PathOf(0));
        var compilation = CSharpCompilation.Create("UserCode", new[] { tree }, AnalyzerTestHelper.NetGenReferences, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() }, parseOptions: AnalyzerTestHelper.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var generatorDiagnostics);
        var analyzerDiagnostics = await withGenerated.WithAnalyzers(AnalyzerTestHelper.AllAnalyzers).GetAnalyzerDiagnosticsAsync();

        var reported = generatorDiagnostics.Concat(analyzerDiagnostics).Where(d => d.Id == id).ToList();
        var single = Assert.Single(reported);
        Assert.Contains(single, generatorDiagnostics);

        // In the user's file, in its syntax tree (so the IDE attaches code fixes and #pragma applies).
        Assert.Same(withGenerated.SyntaxTrees.First(), single.Location.SourceTree);

        // The analyzer declares none of the generator's IDs, so it could not report them either.
        Assert.DoesNotContain(AnalyzerTestHelper.AllAnalyzers.SelectMany(static a => a.SupportedDiagnostics), d => d.Id == id);
    }

    [Fact]
    public Task AClassMarkedInTwoPartsIsReportedOnce() => AnalyzerTestHelper.VerifyAsync(new[]
    {
        // The generator parses the class once per [Network] part; its NG0005 is one problem.
        """
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(1)] public partial Linear {|NG0005:{|CS9248:Output|}|} { get; set; }
        }
        """,
        """
        using NetGen;

        [{|CS0579:Network|}]
        public partial class Net
        {
        }
        """,
    }, new AnalyzerTestOptions());

    [Fact]
    public void TheGeneratorReportsOnlyErrorsThatBlockGeneration()
    {
        // Not configurable either way: .editorconfig and NoWarn cannot hide them (DescriptorCatalogueTests checks the tag).
        foreach (var kind in Enum.GetValues<ProblemKind>().Where(ProblemReporting.IsReportedByGenerator))
        {
            Assert.True(ProblemEffects.CanBlockGeneration(kind), kind.ToString());
            Assert.Equal(DiagnosticSeverity.Error, DiagnosticDescriptors.For(kind).DefaultSeverity);
        }
    }
}
