using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace NetGen.CodeFixes;

/// <summary>
/// An output's activation and loss that disagree. NG0203 (sigmoid with categorical cross-entropy):
/// softmax on the output, or binary cross-entropy as the loss (offered for
/// <c>CategoricalCrossentropy</c> only: sparse labels are class indices, which binary cross-entropy
/// cannot read). NG0204 (softmax with binary cross-entropy and accuracy): categorical cross-entropy
/// as the loss. The loss is the diagnostic's additional location, in <c>[Network]</c> or the
/// output's <c>[Output]</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LossActivationCodeFix))]
[Shared]
public sealed class LossActivationCodeFix : CodeFixProvider
{
    /// <summary>Sigmoid output with categorical cross-entropy (NetGen.Analyzers' <c>SigmoidWithCategoricalCrossentropy</c>).</summary>
    public const string SigmoidWithCategoricalId = "NG0203";

    /// <summary>Softmax output with binary cross-entropy and accuracy (NetGen.Analyzers' <c>SoftmaxWithBinaryCrossentropy</c>).</summary>
    public const string SoftmaxWithBinaryId = "NG0204";

    /// <summary>Equivalence key of the fix that puts softmax on the output (NG0203).</summary>
    public const string SoftmaxKey = "NetGen.SigmoidToSoftmax";

    /// <summary>Equivalence key of the fix that switches the loss to binary cross-entropy (NG0203).</summary>
    public const string BinaryLossKey = "NetGen.LossToBinaryCrossentropy";

    /// <summary>Equivalence key of the fix that switches the loss to categorical cross-entropy (NG0204).</summary>
    public const string CategoricalLossKey = "NetGen.LossToCategoricalCrossentropy";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(SigmoidWithCategoricalId, SoftmaxWithBinaryId);

    // Outputs sharing the network's loss make the same edit to it; the batch fixer keeps one.
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
            if (NamedArguments.AttributeAt(root, diagnostic.Location.SourceSpan) is not { } attribute || NamedArguments.LayerName(attribute) is not { } layer)
            {
                continue;
            }

            var span = diagnostic.Location.SourceSpan;
            var sigmoidOutput = diagnostic.Id == SigmoidWithCategoricalId;
            if (sigmoidOutput && EnumArguments.ActivationIn(attribute, "Sigmoid") is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use softmax on '" + layer + "'",
                        cancellationToken => EnumArguments.RenameAsync(context.Document, span, ("Sigmoid", "Softmax"), null, cancellationToken),
                        equivalenceKey: SoftmaxKey),
                    diagnostic);
            }

            var (loss, newLoss, key) = sigmoidOutput
                ? ("CategoricalCrossentropy", "BinaryCrossentropy", BinaryLossKey)
                : ("BinaryCrossentropy", "CategoricalCrossentropy", CategoricalLossKey);
            if (diagnostic.AdditionalLocations.FirstOrDefault() is { } location
                && await EnumArguments.LossAtAsync(context.Document.Project.Solution, location, loss, context.CancellationToken).ConfigureAwait(false) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use " + newLoss + " as the loss",
                        cancellationToken => EnumArguments.RenameAsync(context.Document, span, null, (location, loss, newLoss), cancellationToken),
                        equivalenceKey: key),
                    diagnostic);
            }
        }
    }
}
