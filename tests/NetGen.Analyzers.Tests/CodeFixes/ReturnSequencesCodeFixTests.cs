using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.CodeFixes;

namespace NetGen.Analyzers.Tests.CodeFixes;

/// <summary>NG0117's code fix, applied in a workspace as an IDE applies it, then checked by the analyzer again.</summary>
public sealed class ReturnSequencesCodeFixTests
{
    private const string Network = """
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input("steps", 8)]
        public partial class Net
        {
            [LOWER] public partial Recurrent Lower { get; }
            [GRU(16)] public partial Recurrent Upper { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """;

    [Theory]
    [InlineData("LSTM(32)", "LSTM(32, ReturnSequences = true)")]
    [InlineData("LSTM(32, Bidirectional = true)", "LSTM(32, Bidirectional = true, ReturnSequences = true)")]
    [InlineData("SimpleRNN(32, ReturnSequences = false)", "SimpleRNN(32, ReturnSequences = true)")]
    public async Task TheFixReturnsTheSequenceAndTheErrorGoes(string written, string expected)
    {
        var source = Network.Replace("LOWER", written);

        var (document, diagnostic) = await DiagnosedAsync(source);
        var actions = new List<CodeAction>();
        await new ReturnSequencesCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var action = Assert.Single(actions);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();

        Assert.Equal(source.Replace("[" + written + "]", "[" + expected + "]"), text);
        var after = await AnalyzerTestHelper.RunAsync(new[] { CSharpSyntaxTree.ParseText(text, AnalyzerTestHelper.ParseOptions, AnalyzerTestHelper.PathOf(0)) }, new AnalyzerTestOptions());
        Assert.Empty(after);
    }

    [Fact]
    public void TheFixRepairsTheAnalyzersDiagnostic() =>
        Assert.Equal(DiagnosticDescriptors.StackedOnLastOutput.Id, Assert.Single(new ReturnSequencesCodeFix().FixableDiagnosticIds));

    private static async Task<(Document Document, Diagnostic Diagnostic)> DiagnosedAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source), AnalyzerTestHelper.ParseOptions, AnalyzerTestHelper.PathOf(0));
        var diagnostics = await AnalyzerTestHelper.RunAsync(new[] { tree }, new AnalyzerTestOptions());
        var diagnostic = Assert.Single(diagnostics, static d => d.Id == ReturnSequencesCodeFix.DiagnosticId);

        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "User",
            "User",
            LanguageNames.CSharp,
            parseOptions: AnalyzerTestHelper.ParseOptions,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: AnalyzerTestHelper.NetGenReferences));
        var document = workspace.AddDocument(project.Id, "Source0.cs", SourceText.From(source));
        return (document, diagnostic);
    }
}
