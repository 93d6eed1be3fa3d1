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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using NetGen.Model;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0006: declares a layer property as the module type its layer creates
/// (<c>public partial Dropout Output</c> -> <c>public partial Linear Output</c>), adding the
/// <c>using</c> the name needs; a nullable annotation stays.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModuleTypeCodeFix))]
[Shared]
public sealed class ModuleTypeCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic this fix repairs (NetGen.Analyzers' <c>LayerTypeMismatch</c>).</summary>
    public const string DiagnosticId = "NG0006";

    /// <summary>Equivalence key: fix-all declares every reported layer as its module type.</summary>
    public const string EquivalenceKey = "NetGen.DeclareModuleType";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    // One document at a time: every property's type changes, then the usings they need are added once.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        static async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var types = diagnostics
                .Select(diagnostic => (Type: TypeAt(root, diagnostic), Name: ModuleTypeOf(diagnostic)))
                .Where(static fix => fix.Type is not null && fix.Name is not null)
                .GroupBy(static fix => fix.Type!)
                .ToDictionary(static group => group.Key, static group => group.First().Name!);
            return await DeclareAsync(document, root, types, context.CancellationToken).ConfigureAwait(false);
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // A sub-network's member wants any [Network] class: no single type to write, so no fix.
            if (TypeAt(root, diagnostic) is not { } type || ModuleTypeOf(diagnostic) is not { } moduleType)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Declare as '" + moduleType.Substring(moduleType.LastIndexOf('.') + 1) + "'",
                    cancellationToken => DeclareAsync(context.Document, root, new System.Collections.Generic.Dictionary<TypeSyntax, string> { [type] = moduleType }, cancellationToken),
                    equivalenceKey: EquivalenceKey),
                diagnostic);
        }
    }

    private static string? ModuleTypeOf(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixProperties.ModuleType, out var name) && !string.IsNullOrEmpty(name) ? name : null;

    /// <summary>The written module type of the property the diagnostic is on, inside any <c>?</c>.</summary>
    private static TypeSyntax? TypeAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<PropertyDeclarationSyntax>()?.Type switch
        {
            NullableTypeSyntax nullable => nullable.ElementType,
            { } type => type,
            null => null,
        };

    private static async Task<Document> DeclareAsync(Document document, SyntaxNode root, System.Collections.Generic.IReadOnlyDictionary<TypeSyntax, string> types, CancellationToken cancellationToken)
    {
        // global::TorchSharp.Modules.Linear, then the using it needs and the shortest name that means it.
        var fixedRoot = root.ReplaceNodes(
            types.Keys,
            (original, _) => SyntaxFactory.ParseTypeName("global::" + types[original])
                .WithTriviaFrom(original)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        var withImports = await ImportAdder.AddImportsAsync(document.WithSyntaxRoot(fixedRoot), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(withImports, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
