using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.CodeFixes;

namespace NetGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// NG0121's and NG0122's two code fixes (ReturnSequences = false on the recurrent layer,
/// TimeDistributed = true on the Dense), applied in a workspace as an IDE applies them, the
/// analyzer run again on the result.
/// </summary>
public sealed class ReturnedSequenceCodeFixTests
{
    private const string Hidden = """
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input("steps", 8)]
        public partial class Net
        {
            [LSTM(32, ReturnSequences = true)] public partial Recurrent Lstm { get; }
            [Dropout(0.2)] public partial Dropout Drop { get; }
            [Dense(16, Activation.ReLU)] public partial Linear Hidden { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """;

    private const string Output = """
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(100, ElementType = ElementType.Int64, Name = "tokens")]
        public partial class Net
        {
            [Embedding(10000, 32, MaskZero = true)] public partial Embedding Words { get; }
            [GRU(32, Bidirectional = true, ReturnSequences = true)] public partial Recurrent Gru { get; }
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """;

    [Theory]
    [InlineData(Hidden, "NG0121", "Lstm", "[LSTM(32, ReturnSequences = true)]", "[LSTM(32, ReturnSequences = false)]")]
    [InlineData(Output, "NG0122", "Gru", "[GRU(32, Bidirectional = true, ReturnSequences = true)]", "[GRU(32, Bidirectional = true, ReturnSequences = false)]")]
    public async Task ReturnSequencesFalse_EditsTheRecurrentLayer_AndTheDiagnosticGoes(string source, string id, string recurrent, string written, string expected)
    {
        var document = Document(source);
        var diagnostic = Assert.Single(await DiagnosticsAsync(document.Project), d => d.Id == id);
        var actions = await ActionsAsync(document, diagnostic);

        Assert.Equal(new[] { "Set ReturnSequences = false on '" + recurrent + "'", "Mark '" + NameAt(source, diagnostic) + "' TimeDistributed = true" }, actions.Select(static a => a.Title));
        var text = await ApplyAsync(actions[0], document);

        Assert.Equal(source.Replace(written, expected), text);
        Assert.Empty(await DiagnosticsAsync(document.WithText(SourceText.From(text)).Project));
    }

    [Theory]
    [InlineData(Hidden, "NG0121", "[Dense(16, Activation.ReLU)]", "[Dense(16, Activation.ReLU, TimeDistributed = true)]")]
    [InlineData(Output, "NG0122", "[Dense(1, Activation.Sigmoid)]", "[Dense(1, Activation.Sigmoid, TimeDistributed = true)]")]
    public async Task TimeDistributedTrue_EditsTheDense_AndTheDiagnosticGoes(string source, string id, string written, string expected)
    {
        var document = Document(source);
        var diagnostic = Assert.Single(await DiagnosticsAsync(document.Project), d => d.Id == id);
        var actions = await ActionsAsync(document, diagnostic);

        var text = await ApplyAsync(Assert.Single(actions, static a => a.EquivalenceKey == ReturnedSequenceCodeFix.PerStepKey), document);

        Assert.Equal(source.Replace(written, expected), text);
        Assert.Empty(await DiagnosticsAsync(document.WithText(SourceText.From(text)).Project));
    }

    [Fact]
    public async Task ReturnSequencesFalse_EditsTheRecurrentLayerInAnotherPartOfTheClass()
    {
        var layers = """
            using NetGen;
            using NetGen.Layers;

            public partial class Net
            {
                [LSTM(32, ReturnSequences = true, From = "input")] public partial Recurrent Lstm { get; }
            }
            """;
        var head = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input("steps", 8)]
            public partial class Net
            {
                [Dense(1, From = nameof(Lstm)), Output] public partial Linear Output { get; }
            }
            """;
        var document = Document(head, layers);
        var diagnostic = Assert.Single(await DiagnosticsAsync(document.Project));
        Assert.Equal("NG0122", diagnostic.Id);
        var action = (await ActionsAsync(document, diagnostic))[0];

        var operation = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var changes = operation.ChangedSolution.GetChanges(document.Project.Solution).GetProjectChanges().Single();
        var changed = operation.ChangedSolution.GetDocument(Assert.Single(changes.GetChangedDocuments()))!;

        Assert.Equal("Source1.cs", changed.Name);
        Assert.Equal(layers.Replace("ReturnSequences = true", "ReturnSequences = false"), (await changed.GetTextAsync()).ToString());
        Assert.Empty(await DiagnosticsAsync(operation.ChangedSolution.GetProject(document.Project.Id)!));
    }

    [Theory]
    [InlineData("[Attention(nameof(Lstm), nameof(Lstm)), Output] public partial Attention Context { get; }")]
    [InlineData("[GlobalAveragePooling1D(From = nameof(Lstm)), Output] public partial GlobalAveragePooling1D Pool { get; }")]
    [InlineData("[Dense(4, From = nameof(Lstm), TimeDistributed = true), Output] public partial Linear Tags { get; }")]
    public async Task ReturnSequencesFalse_IsNotOffered_WhenAnotherLayerNeedsTheSteps(string otherReader)
    {
        var source = """
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input("steps", 8)]
            public partial class Net
            {
                [LSTM(32, ReturnSequences = true)] public partial Recurrent Lstm { get; }
                [Dense(1, From = nameof(Lstm)), Output] public partial Linear Output { get; }
                OTHER
            }
            """.Replace("OTHER", otherReader);
        var document = Document(source);
        var diagnostic = Assert.Single(await DiagnosticsAsync(document.Project), static d => d.Id == "NG0122");

        Assert.Empty(diagnostic.AdditionalLocations);
        var action = Assert.Single(await ActionsAsync(document, diagnostic));
        Assert.Equal(ReturnedSequenceCodeFix.PerStepKey, action.EquivalenceKey);
    }

    [Theory]
    [InlineData(ReturnedSequenceCodeFix.LastOutputKey, "ReturnSequences = true", "ReturnSequences = false")]
    [InlineData(ReturnedSequenceCodeFix.PerStepKey, "Sigmoid)", "Sigmoid, TimeDistributed = true)", "(Gru))", "(Gru), TimeDistributed = true)")]
    public async Task FixAll_RepairsEveryNetworkInTheDocument(string equivalenceKey, params string[] replacements)
    {
        // Two networks, three diagnostics: one GRU read by two output Dense layers (the same edit twice) and an LSTM read by one.
        var source = """
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(20, 4)]
            public partial class Twice
            {
                [GRU(8, ReturnSequences = true)] public partial Recurrent Gru { get; }
                [Dense(1, Activation.Sigmoid), Output] public partial Linear First { get; }
                [Dense(1, Activation.Sigmoid, From = nameof(Gru)), Output] public partial Linear Second { get; }
            }

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(20, 4)]
            public partial class Once
            {
                [LSTM(8, ReturnSequences = true)] public partial Recurrent Lstm { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """;
        var document = Document(source);
        var diagnostics = await DiagnosticsAsync(document.Project);
        Assert.Equal(new[] { "NG0122", "NG0122", "NG0122" }, diagnostics.Select(static d => d.Id));

        var fix = new ReturnedSequenceCodeFix();
        var context = new FixAllContext(
            document,
            fix,
            FixAllScope.Document,
            equivalenceKey,
            new[] { "NG0122" },
            new Provider(diagnostics),
            CancellationToken.None);
        var fixAll = await fix.GetFixAllProvider().GetFixAsync(context);

        var text = await ApplyAsync(fixAll!, document);
        var expected = source;
        for (var i = 0; i < replacements.Length; i += 2)
        {
            expected = expected.Replace(replacements[i], replacements[i + 1]);
        }

        Assert.Equal(expected, text);
        Assert.Empty(await DiagnosticsAsync(document.WithText(SourceText.From(text)).Project));
    }

    [Fact]
    public void TheFixesRepairTheAnalyzersDiagnostics() =>
        Assert.Equal(
            new[] { DiagnosticDescriptors.DenseOnReturnedSequence.Id, DiagnosticDescriptors.SequenceOutputFromReturnedSequence.Id },
            new ReturnedSequenceCodeFix().FixableDiagnosticIds);

    private static string NameAt(string source, Diagnostic diagnostic)
    {
        var line = source.Split('\n')[diagnostic.Location.GetLineSpan().StartLinePosition.Line];
        return line.Split(" { get; }")[0].Split(' ').Last();
    }

    /// <summary>A workspace project with the sources as Source0.cs, Source1.cs...; returns the first document.</summary>
    private static Document Document(params string[] sources)
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
        var documents = sources.Select((source, i) => workspace.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(project.Id),
            "Source" + i + ".cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)),
            filePath: AnalyzerTestHelper.PathOf(i)))).ToList();
        return workspace.CurrentSolution.GetDocument(documents[0].Id)!;
    }

    /// <summary>The analyzers' diagnostics over the workspace's own compilation, so their locations are the documents' trees (as in an IDE).</summary>
    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(AnalyzerTestHelper.AllAnalyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(static d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await new ReturnedSequenceCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<string> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(Enumerable.Empty<Diagnostic>());
    }
}
