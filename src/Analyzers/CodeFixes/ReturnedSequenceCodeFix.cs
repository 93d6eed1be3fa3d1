using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0121 and NG0122, a Dense mapping every step of a recurrent layer's returned sequence: either
/// the recurrent layer returns its last output (<c>ReturnSequences = false</c> on its attribute,
/// offered when the diagnostic points at it, which the analysis does only when every layer reading
/// that output would take one vector as well), or the Dense says per-step outputs are meant
/// (<c>TimeDistributed = true</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnedSequenceCodeFix))]
[Shared]
public sealed class ReturnedSequenceCodeFix : CodeFixProvider
{
    /// <summary>A hidden Dense reads a returned sequence (NetGen.Analyzers' <c>DenseOnReturnedSequence</c>).</summary>
    public const string HiddenDenseId = "NG0121";

    /// <summary>An output Dense reads a returned sequence (NetGen.Analyzers' <c>SequenceOutputFromReturnedSequence</c>).</summary>
    public const string OutputDenseId = "NG0122";

    /// <summary>Equivalence key of the fix that edits the recurrent layer (fix-all applies it to every diagnostic).</summary>
    public const string LastOutputKey = "NetGen.ReturnSequencesFalse";

    /// <summary>Equivalence key of the fix that edits the Dense.</summary>
    public const string PerStepKey = "NetGen.TimeDistributedTrue";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(HiddenDenseId, OutputDenseId);

    // Each fix edits one attribute (the Dense's, or a recurrent layer's, possibly in another part of
    // the partial class); the batch fixer merges them, and two Dense layers reading one recurrent
    // layer make the same edit there.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (NamedArguments.AttributeAt(root, diagnostic.Location.SourceSpan) is not { } dense || NamedArguments.LayerName(dense) is not { } denseName)
            {
                continue;
            }

            if (await RecurrentAttributeAsync(context.Document.Project.Solution, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } recurrent
                && NamedArguments.LayerName(recurrent.Attribute) is { } recurrentName)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Set ReturnSequences = false on '" + recurrentName + "'",
                        cancellationToken => ReturnLastOutputAsync(context.Document.Project.Solution, diagnostic, cancellationToken),
                        equivalenceKey: LastOutputKey),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark '" + denseName + "' TimeDistributed = true",
                    cancellationToken => MapEachStepAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken),
                    equivalenceKey: PerStepKey),
                diagnostic);
        }
    }

    // [LSTM(32, ReturnSequences = true)] -> [LSTM(32, ReturnSequences = false)]
    private static async Task<Solution> ReturnLastOutputAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await RecurrentAttributeAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false) is not { } recurrent)
        {
            return solution;
        }

        var fixedRoot = recurrent.Root.ReplaceNode(recurrent.Attribute, NamedArguments.With(recurrent.Attribute, "ReturnSequences", value: false));
        return solution.WithDocumentSyntaxRoot(recurrent.Document.Id, fixedRoot);
    }

    // [Dense(1)] -> [Dense(1, TimeDistributed = true)]
    private static async Task<Document> MapEachStepAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || NamedArguments.AttributeAt(root, span) is not { } dense)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(dense, NamedArguments.With(dense, "TimeDistributed", value: true)));
    }

    /// <summary>
    /// The recurrent layer's attribute, the diagnostic's additional location, in whichever document
    /// of the solution holds it; null when the analysis did not point at it or it no longer sets
    /// <c>ReturnSequences</c>.
    /// </summary>
    private static async Task<(Document Document, SyntaxNode Root, Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax Attribute)?> RecurrentAttributeAsync(
        Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.FirstOrDefault() is not { IsInSource: true, SourceTree: { } tree } location
            || (solution.GetDocument(tree) ?? DocumentAt(solution, tree.FilePath)) is not { } document
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || NamedArguments.AttributeAt(root, location.SourceSpan) is not { } attribute
            || NamedArguments.ValueOf(attribute, "ReturnSequences") is null)
        {
            return null;
        }

        return (document, root, attribute);
    }

    /// <summary>The document with this path, for a diagnostic computed over another snapshot of the solution.</summary>
    private static Document? DocumentAt(Solution solution, string path) =>
        string.IsNullOrEmpty(path) ? null : solution.GetDocumentIdsWithFilePath(path).Select(solution.GetDocument).FirstOrDefault(static document => document is not null);
}
