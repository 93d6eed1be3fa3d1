using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0117: lets the lower of two stacked recurrent layers return its sequence, adding
/// <c>ReturnSequences = true</c> to its attribute (or turning <c>ReturnSequences = false</c> into it).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnSequencesCodeFix))]
[Shared]
public sealed class ReturnSequencesCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic this fix repairs (NetGen.Analyzers' <c>StackedOnLastOutput</c>).</summary>
    public const string DiagnosticId = "NG0117";

    private const string Property = "ReturnSequences";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

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
            if (NamedArguments.AttributeAt(root, diagnostic.Location.SourceSpan) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Return the whole sequence (ReturnSequences = true)",
                    cancellationToken => FixAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken),
                    equivalenceKey: DiagnosticId),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || NamedArguments.AttributeAt(root, span) is not { } attribute)
        {
            return document;
        }

        // [LSTM(32, ReturnSequences = false)] -> [LSTM(32, ReturnSequences = true)]; [LSTM(32)] -> [LSTM(32, ReturnSequences = true)]
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, NamedArguments.With(attribute, Property, value: true)));
    }
}
