using System.Collections.Generic;
using System.Collections.Immutable;
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

/// <summary>NG0110's code fix, applied in a workspace as an IDE applies it, then checked by the analyzer again.</summary>
public sealed class ChannelsLastInputCodeFixTests
{
    private const string Network = """
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(SHAPE)]
        public partial class Net
        {
            [Conv2D(8, 3)] public partial Conv2d C { get; }
            [Flatten] public partial Flatten F { get; }
            [Dense(10)] public partial Linear Output { get; }
        }
        """;

    [Theory]
    [InlineData("28, 28, 1", "1, 28, 28")]
    [InlineData("32, 32, 3, Name = \"image\"", "3, 32, 32, Name = \"image\"")]
    [InlineData("new object[] { 64, 48, 3 }", "new object[] { 3, 64, 48 }")]
    [InlineData("[Side, Side, 4]", "[4, Side, Side]")]
    public async Task TheFixReordersTheShapeAndTheWarningGoes(string written, string expected)
    {
        var source = Network.Replace("SHAPE", written) + "\nstatic class Sizes { }\n";
        if (written.Contains("Side"))
        {
            source = source.Replace("public partial class Net\n{", "public partial class Net\n{\n    private const int Side = 20;");
        }

        var (document, diagnostic) = await DiagnosedAsync(source);
        var actions = new List<CodeAction>();
        var fix = new ChannelsLastInputCodeFix();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var action = Assert.Single(actions);
        Assert.Equal("Reorder the input shape to (channels, height, width): (" + Sizes(expected) + ")", action.Title);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();

        Assert.Contains("[Input(" + expected + ")]", text);
        Assert.Equal(source.Replace("[Input(" + written + ")]", "[Input(" + expected + ")]"), text);
        var after = await AnalyzerTestHelper.RunAsync(new[] { CSharpSyntaxTree.ParseText(text, AnalyzerTestHelper.ParseOptions, AnalyzerTestHelper.PathOf(0)) }, new AnalyzerTestOptions());
        Assert.DoesNotContain(after, static d => d.Id == ChannelsLastInputCodeFix.DiagnosticId);
    }

    [Fact]
    public void TheFixRepairsTheAnalyzersDiagnostic() =>
        Assert.Equal(DiagnosticDescriptors.ChannelsLastInput.Id, Assert.Single(new ChannelsLastInputCodeFix().FixableDiagnosticIds));

    /// <summary>Just the sizes of an argument list: <c>3, 32, 32</c> from <c>3, 32, 32, Name = "image"</c> or <c>new object[] { 3, 32, 32 }</c>.</summary>
    private static string Sizes(string arguments)
    {
        var inner = arguments.Contains('{') ? arguments[(arguments.IndexOf('{') + 1)..arguments.IndexOf('}')] : arguments.Trim('[', ']');
        return string.Join(", ", inner.Split(',').Select(static part => part.Trim()).Where(static part => !part.Contains('=')).Take(3));
    }

    private static async Task<(Document Document, Diagnostic Diagnostic)> DiagnosedAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source), AnalyzerTestHelper.ParseOptions, AnalyzerTestHelper.PathOf(0));
        var diagnostics = await AnalyzerTestHelper.RunAsync(new[] { tree }, new AnalyzerTestOptions());
        var diagnostic = Assert.Single(diagnostics, static d => d.Id == ChannelsLastInputCodeFix.DiagnosticId);

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
