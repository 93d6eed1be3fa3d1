using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using NetGen.Model;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0201 at an output: a single softmax unit becomes a sigmoid (<c>Activation.Softmax</c> ->
/// <c>Activation.Sigmoid</c>); when the output's loss is categorical cross-entropy, a second fix
/// also switches it to <c>Loss.BinaryCrossentropy</c>. A hidden layer of one unit gets no fix: it
/// wants more units or another activation, which only its author can choose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SoftmaxOnSingleUnitCodeFix))]
[Shared]
public sealed class SoftmaxOnSingleUnitCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic this fix repairs (NetGen.Analyzers' <c>SoftmaxOnSingleUnit</c>).</summary>
    public const string DiagnosticId = "NG0201";

    /// <summary>Equivalence key of the fix that changes the activation only.</summary>
    public const string SigmoidKey = "NetGen.SoftmaxToSigmoid";

    /// <summary>Equivalence key of the fix that changes the activation and the categorical loss.</summary>
    public const string SigmoidAndBinaryLossKey = "NetGen.SoftmaxToSigmoidWithBinaryCrossentropy";

    private static readonly string[] CategoricalLosses = ["CategoricalCrossentropy", "SparseCategoricalCrossentropy"];

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
            if (!diagnostic.Properties.ContainsKey(FixProperties.BinaryOutput)
                || NamedArguments.AttributeAt(root, diagnostic.Location.SourceSpan) is not { } attribute
                || EnumArguments.ActivationIn(attribute, "Softmax") is null
                || NamedArguments.LayerName(attribute) is not { } layer)
            {
                continue;
            }

            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use a sigmoid on '" + layer + "'",
                    cancellationToken => EnumArguments.RenameAsync(context.Document, span, ("Softmax", "Sigmoid"), null, cancellationToken),
                    equivalenceKey: SigmoidKey),
                diagnostic);

            // The loss is the diagnostic's additional location when it is categorical.
            foreach (var location in diagnostic.AdditionalLocations)
            {
                foreach (var loss in CategoricalLosses)
                {
                    if (await EnumArguments.LossAtAsync(context.Document.Project.Solution, location, loss, context.CancellationToken).ConfigureAwait(false) is not null)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                "Use a sigmoid on '" + layer + "' and BinaryCrossentropy",
                                cancellationToken => EnumArguments.RenameAsync(context.Document, span, ("Softmax", "Sigmoid"), (location, loss, "BinaryCrossentropy"), cancellationToken),
                                equivalenceKey: SigmoidAndBinaryLossKey),
                            diagnostic);
                    }
                }
            }
        }
    }
}
