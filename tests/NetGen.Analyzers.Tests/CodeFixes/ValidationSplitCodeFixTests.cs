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
using NetGen.Generator;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.CodeFixes;

/// <summary>NG0301/NG0302's code fix: validation carved from the training data instead of the test split.</summary>
public sealed class ValidationSplitCodeFixTests
{
    [Theory]
    [InlineData("NG0301", "model.Fit(data.Train.Images, data.Train.Labels, epochs: 3, validationData: (data.Test.Images, data.Test.Labels));")]
    [InlineData("NG0302", "model.Fit(data.Train.Images, data.Train.Labels, validationData: (data.Test.Images, data.Test.Labels), callbacks: [new EarlyStopping(restoreBestWeights: true)]);")]
    public async Task TheFixHoldsOutPartOfTheTrainingDataAndTheDiagnosticGoes(string id, string fit)
    {
        var source = Method(fit);
        var (document, diagnostic) = await DiagnosedAsync(source, id);
        var action = Assert.Single(await ActionsAsync(document, diagnostic));
        Assert.Equal("Hold validation data out of the training data (validationSplit: 0.2)", action.Title);

        var text = await AppliedAsync(document, action);
        var expected = fit.Replace("validationData: (data.Test.Images, data.Test.Labels)", "validationSplit: 0.2");
        Assert.Equal(source.Replace(fit, expected), text);
        var after = await AnalyzerTestHelper.RunAsync(new[] { CSharpSyntaxTree.ParseText(text, AnalyzerTestHelper.ParseOptions, AnalyzerTestHelper.PathOf(0)) }, new AnalyzerTestOptions());
        Assert.Empty(after);
    }

    [Fact]
    public async Task BatchesOrAValidationSplitOrValidationWeightsGiven_NoFix()
    {
        var batches = Method("""
            model.Fit(split.Training.Windows(12), validationData: split.Test.Windows(12));
            """);
        var (document, diagnostic) = await DiagnosedAsync(batches, "NG0301");
        Assert.Empty(await ActionsAsync(document, diagnostic));

        var both = Method("model.Fit(data.Train.Images, data.Train.Labels, validationSplit: 0.1, validationData: (data.Test.Images, data.Test.Labels));");
        (document, diagnostic) = await DiagnosedAsync(both, "NG0301");
        Assert.Empty(await ActionsAsync(document, diagnostic));

        // Validation weights belong to validationData: with a split instead, Fit would reject them.
        var weighted = Method("model.Fit(data.Train.Images, data.Train.Labels, validationData: (data.Test.Images, data.Test.Labels), validationSampleWeight: TorchSharp.torch.ones(10000));");
        (document, diagnostic) = await DiagnosedAsync(weighted, "NG0301");
        Assert.Empty(await ActionsAsync(document, diagnostic));
    }

    [Fact]
    public void TheFixRepairsTheAnalyzersDiagnostics() => Assert.Equal(
        new[] { DiagnosticDescriptors.ValidationOnTestData.Id, DiagnosticDescriptors.ModelSelectedOnTestData.Id },
        new ValidationSplitCodeFix().FixableDiagnosticIds);

    private static string Method(string statement) => With($$"""
        public static class Training
        {
            public static double Run(Net model, FashionMnistData data, TimeSeriesSplit split)
            {
                {{statement}}
                return model.Evaluate(data.Test.Images, data.Test.Labels).Loss;
            }
        }
        """);

    private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await new ValidationSplitCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<string> AppliedAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    /// <summary>The diagnostic, and the source in a workspace beside the generator's output, as an IDE holds them.</summary>
    private static async Task<(Document Document, Diagnostic Diagnostic)> DiagnosedAsync(string source, string id)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source), AnalyzerTestHelper.ParseOptions, AnalyzerTestHelper.PathOf(0));
        var diagnostics = await AnalyzerTestHelper.RunAsync(new[] { tree }, new AnalyzerTestOptions());
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);

        var compilation = CSharpCompilation.Create("User", new[] { tree }, AnalyzerTestHelper.NetGenReferences);
        var generated = CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() }, parseOptions: AnalyzerTestHelper.ParseOptions)
            .RunGenerators(compilation).GetRunResult().GeneratedTrees;

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
        foreach (var (generatedTree, index) in generated.Select(static (t, i) => (t, i)))
        {
            document = document.Project.AddDocument($"Generated{index}.g.cs", generatedTree.GetText()).Project.GetDocument(document.Id)!;
        }

        return (document, diagnostic);
    }
}
