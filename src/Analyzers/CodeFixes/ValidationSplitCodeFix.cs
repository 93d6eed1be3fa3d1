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

namespace NetGen.CodeFixes;

/// <summary>
/// NG0301 and NG0302: replaces <c>validationData: test</c> in a <c>Fit</c> call with
/// <c>validationSplit: 0.2</c>, so validation is carved from the training data and the test split is left
/// to the final <c>Evaluate</c>. Offered only for a named <c>validationData</c> argument of a <c>Fit</c>
/// overload that has <c>validationSplit</c> (the tensor overloads, not the one over batches) and does not
/// already give it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ValidationSplitCodeFix))]
[Shared]
public sealed class ValidationSplitCodeFix : CodeFixProvider
{
    /// <summary>The diagnostics this fix repairs (NetGen.Analyzers' <c>ValidationOnTestData</c> and <c>ModelSelectedOnTestData</c>).</summary>
    public static readonly ImmutableArray<string> DiagnosticIds = ImmutableArray.Create("NG0301", "NG0302");

    /// <summary>The fraction of the training data held out, Keras's usual choice.</summary>
    public const string Fraction = "0.2";

    public override ImmutableArray<string> FixableDiagnosticIds => DiagnosticIds;

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Replaceable(root, model, diagnostic.Location.SourceSpan, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Hold validation data out of the training data (validationSplit: {Fraction})",
                    cancellationToken => FixAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken),
                    equivalenceKey: nameof(ValidationSplitCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Replaceable(root, model, span, cancellationToken) is not { } argument)
        {
            return document;
        }

        var replacement = SyntaxFactory.Argument(
                SyntaxFactory.NameColon("validationSplit"),
                default,
                SyntaxFactory.ParseExpression(Fraction))
            .WithTriviaFrom(argument);
        return document.WithSyntaxRoot(root.ReplaceNode(argument, replacement));
    }

    /// <summary>
    /// The <c>validationData:</c> argument the diagnostic is on, when the call can take <c>validationSplit</c> instead:
    /// not with <c>validationSampleWeight</c>, which weights only <c>validationData</c> (the fixed call would throw).
    /// </summary>
    private static ArgumentSyntax? Replaceable(SyntaxNode root, SemanticModel model, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var argument = node as ArgumentSyntax ?? node.Parent as ArgumentSyntax;
        if (argument is not { NameColon.Name.Identifier.ValueText: "validationData" }
            || argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list
            || list.Arguments.Any(static a => a.NameColon?.Name.Identifier.ValueText is "validationSplit" or "validationSampleWeight"))
        {
            return null;
        }

        var info = model.GetSymbolInfo(invocation, cancellationToken);
        var method = info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null);
        return method is { Name: "Fit" } && method.Parameters.Any(static p => p.Name == "validationSplit") ? argument : null;
    }
}
