using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>
/// Finds the enum members written in NetGen's attributes, <c>Activation.Softmax</c> in a layer's
/// attribute or <c>Loss = Loss.CategoricalCrossentropy</c> in <c>[Network]</c> or <c>[Output]</c>,
/// and renames them. Only a member written out is changed: a constant or a cast is left to the user.
/// </summary>
internal static class EnumArguments
{
    /// <summary>
    /// The <c>Activation.{name}</c> written in a layer attribute's arguments (positional or
    /// <c>Activation = ...</c>), or null. An <c>[Activation]</c> layer's function also decides its
    /// module type, so changing it there would leave NG0006: it is never returned.
    /// </summary>
    public static MemberAccessExpressionSyntax? ActivationIn(AttributeSyntax attribute, string name) =>
        IsActivationLayer(attribute) ? null : attribute.ArgumentList?.Arguments
            .Select(static argument => argument.Expression)
            .OfType<MemberAccessExpressionSyntax>()
            .FirstOrDefault(access => Is(access, "Activation", name));

    /// <summary>
    /// The <c>Loss.{name}</c> written as the <c>Loss</c> argument at <paramref name="location"/> (a
    /// diagnostic's additional location, possibly in another part of the partial class), or null.
    /// </summary>
    public static async Task<(Document Document, MemberAccessExpressionSyntax Loss)?> LossAtAsync(Solution solution, Location location, string name, CancellationToken cancellationToken)
    {
        if (location.SourceTree is not { } tree || solution.GetDocument(tree) is not { } document)
        {
            return null;
        }

        var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        return root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeArgumentSyntax>() is
            { NameEquals.Name.Identifier.ValueText: "Loss", Expression: MemberAccessExpressionSyntax access } && Is(access, "Loss", name)
            ? (document, access)
            : null;
    }

    /// <summary><c>Activation.Softmax</c> -> <c>Activation.Sigmoid</c>: the member's name replaced, its qualifier and trivia kept.</summary>
    public static MemberAccessExpressionSyntax Renamed(MemberAccessExpressionSyntax access, string name) =>
        access.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(access.Name));

    /// <summary>
    /// The solution with the activation in the attribute at <paramref name="span"/> renamed (unless
    /// <paramref name="activation"/> is null) and, when given, the loss at its location: all edits are
    /// found in the unchanged solution, then made together in each document they touch.
    /// </summary>
    public static async Task<Solution> RenameAsync(
        Document document,
        Microsoft.CodeAnalysis.Text.TextSpan span,
        (string Name, string NewName)? activation,
        (Location Location, string Name, string NewName)? loss,
        CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var edits = new List<(Document Document, MemberAccessExpressionSyntax Old, string NewName)>();
        if (activation is { } renamed
            && await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } root
            && NamedArguments.AttributeAt(root, span) is { } attribute
            && ActivationIn(attribute, renamed.Name) is { } access)
        {
            edits.Add((document, access, renamed.NewName));
        }

        if (loss is { } switched && await LossAtAsync(solution, switched.Location, switched.Name, cancellationToken).ConfigureAwait(false) is { } written)
        {
            edits.Add((written.Document, written.Loss, switched.NewName));
        }

        foreach (var inDocument in edits.GroupBy(static edit => edit.Document.Id))
        {
            var edited = inDocument.First().Document;
            var editedRoot = await edited.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var newNames = inDocument.ToDictionary(static edit => edit.Old, static edit => edit.NewName);
            solution = solution.WithDocumentSyntaxRoot(edited.Id, editedRoot!.ReplaceNodes(newNames.Keys, (original, _) => Renamed(original, newNames[original])));
        }

        return solution;
    }

    // [Activation(...)], [NetGen.Activation(...)], [ActivationAttribute(...)]
    private static bool IsActivationLayer(AttributeSyntax attribute) =>
        (attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        }) is "Activation" or "ActivationAttribute";

    // Activation.Softmax, NetGen.Activation.Softmax, global::NetGen.Activation.Softmax.
    private static bool Is(MemberAccessExpressionSyntax access, string type, string member) =>
        access.Name.Identifier.ValueText == member
        && access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == type,
            MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText == type,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == type,
            _ => false,
        };
}
