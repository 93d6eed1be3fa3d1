using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// The code actions a fix offers for one diagnostic, as an IDE's light bulb lists them: for tests
/// that a fix is offered only where it suits (the harness checks what an applied fix writes).
/// </summary>
internal static class OfferedCodeActions
{
    /// <summary>The (title, equivalence key) of every action <paramref name="fix"/> offers for the single <paramref name="id"/> diagnostic in <paramref name="source"/>.</summary>
    public static async Task<IReadOnlyList<(string Title, string? Key)>> ForAsync(CodeFixProvider fix, string source, string id)
    {
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
        var document = workspace.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(project.Id),
            "Source0.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)),
            filePath: AnalyzerTestHelper.PathOf(0)));

        // The analyzer runs on the document's own tree, so the diagnostic's locations (and additional
        // locations, which fixes follow to other places) are in the workspace's solution.
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostics = await AnalyzerTestHelper.RunAsync(new[] { tree }, new AnalyzerTestOptions());
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);

        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions.Select(static action => (action.Title, action.EquivalenceKey)).ToList();
    }
}
