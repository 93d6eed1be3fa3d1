using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0110: rewrites a channels-last image shape, <c>[Input(28, 28, 1)]</c>, as NetGen's
/// channels-first <c>[Input(1, 28, 28)]</c>. The sizes keep their spelling (a constant stays a
/// constant); only their order changes.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(ChannelsLastInputCodeFix))]
[Shared]
public sealed class ChannelsLastInputCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic this fix repairs (NetGen.Analyzers' <c>ChannelsLastInput</c>).</summary>
    public const string DiagnosticId = "NG0110";

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
            if (ShapeSizes(root, diagnostic.Location.SourceSpan) is not { } sizes)
            {
                continue;
            }

            var reordered = "(" + string.Join(", ", Reorder(sizes).Select(static size => size.ToString())) + ")";
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Reorder the input shape to (channels, height, width): " + reordered,
                    cancellationToken => FixAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken),
                    equivalenceKey: DiagnosticId),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || ShapeSizes(root, span) is not { } sizes)
        {
            return document;
        }

        var replacements = sizes.Zip(Reorder(sizes), static (old, replacement) => (old, replacement)).ToDictionary(static p => p.old, static p => p.replacement);
        var fixedRoot = root.ReplaceNodes(
            sizes,
            (original, _) => replacements[original].WithTriviaFrom(original));
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>(height, width, channels) becomes (channels, height, width).</summary>
    private static IReadOnlyList<ExpressionSyntax> Reorder(IReadOnlyList<ExpressionSyntax> sizes) =>
        new[] { sizes[2], sizes[0], sizes[1] };

    /// <summary>
    /// The three size expressions the diagnostic covers: the attribute's positional arguments
    /// (<c>params</c>), or the elements of an array or collection written out as the shape.
    /// </summary>
    private static IReadOnlyList<ExpressionSyntax>? ShapeSizes(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var attribute = node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
        if (attribute?.ArgumentList is null)
        {
            return null;
        }

        var covered = attribute.ArgumentList.Arguments
            .Where(argument => argument.NameEquals is null && span.Contains(argument.Expression.Span))
            .Select(static argument => argument.Expression)
            .ToList();
        if (covered.Count == 1)
        {
            IEnumerable<SyntaxNode>? elements = covered[0] switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer?.Expressions,
                ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
                CollectionExpressionSyntax collection => collection.Elements.Select(static e => e is ExpressionElementSyntax element ? (SyntaxNode)element.Expression : e),
                _ => null,
            };
            covered = elements?.OfType<ExpressionSyntax>().ToList() ?? covered;
        }

        return covered.Count == 3 ? covered : null;
    }
}
