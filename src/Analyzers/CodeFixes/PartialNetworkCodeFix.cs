using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0001: adds <c>partial</c> to every declaration of the network class, and of each type that
/// contains it, that lacks it, in whichever file the declaration is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PartialNetworkCodeFix))]
[Shared]
public sealed class PartialNetworkCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic this fix repairs (NetGen.Analyzers' <c>NetworkMustBePartial</c>).</summary>
    public const string DiagnosticId = "NG0001";

    /// <summary>Equivalence key: fix-all makes every reported network partial.</summary>
    public const string EquivalenceKey = "NetGen.AddPartial";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    // Two networks nested in one class make the same edit to it; the batch fixer keeps one.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var declarations = await DeclarationsToFixAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (declarations.Count == 0)
            {
                continue;
            }

            var names = declarations.Select(static d => d.Identifier.ValueText).Distinct().ToList();
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add 'partial' to " + string.Join(" and ", names.Select(static name => "'" + name + "'")),
                    cancellationToken => FixAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken),
                    equivalenceKey: EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var declarations = await DeclarationsToFixAsync(document, span, cancellationToken).ConfigureAwait(false);
        foreach (var inTree in declarations.GroupBy(static d => d.SyntaxTree))
        {
            if (solution.GetDocument(inTree.Key) is not { } part)
            {
                continue;
            }

            var root = await inTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            solution = solution.WithDocumentSyntaxRoot(part.Id, root.ReplaceNodes(inTree, static (_, declaration) => WithPartial(declaration)));
        }

        return solution;
    }

    /// <summary>Every declaration of the network's type and of the types around it that is not partial, outermost first.</summary>
    private static async Task<IReadOnlyList<TypeDeclarationSyntax>> DeclarationsToFixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || model?.GetDeclaredSymbol(declaration, cancellationToken) is not { } network)
        {
            return [];
        }

        var declarations = new List<TypeDeclarationSyntax>();
        for (var type = network; type is not null; type = type.ContainingType)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is TypeDeclarationSyntax part
                    && !part.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    declarations.Add(part);
                }
            }
        }

        declarations.Reverse();
        return declarations;
    }

    // "public class Net" -> "public partial class Net"; "class Net" -> "partial class Net" (the keyword's indentation moves to partial).
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count == 0)
        {
            partial = partial.WithLeadingTrivia(declaration.Keyword.LeadingTrivia);
            declaration = declaration.WithKeyword(declaration.Keyword.WithLeadingTrivia());
        }

        return declaration.AddModifiers(partial);
    }
}
