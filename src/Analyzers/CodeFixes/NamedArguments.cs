using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>Finds a layer's attribute under a diagnostic and sets one of its named arguments.</summary>
internal static class NamedArguments
{
    /// <summary>The attribute with an argument list that covers <paramref name="span"/>, or null.</summary>
    public static AttributeSyntax? AttributeAt(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is { ArgumentList: not null } attribute ? attribute : null;

    /// <summary>The identifier of the property the attribute is on (the layer's name), or null.</summary>
    public static string? LayerName(AttributeSyntax attribute) =>
        attribute.FirstAncestorOrSelf<PropertyDeclarationSyntax>()?.Identifier.ValueText;

    /// <summary>The value written for the named argument <paramref name="property"/>, or null when it is not written.</summary>
    public static ExpressionSyntax? ValueOf(AttributeSyntax attribute, string property) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == property)?.Expression;

    /// <summary>
    /// The attribute with <c>property = value</c>: the written value replaced
    /// (<c>[LSTM(32, ReturnSequences = true)]</c> -> <c>[LSTM(32, ReturnSequences = false)]</c>), or the
    /// argument added last (<c>[Dense(1)]</c> -> <c>[Dense(1, TimeDistributed = true)]</c>).
    /// </summary>
    public static AttributeSyntax With(AttributeSyntax attribute, string property, bool value)
    {
        var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var literal = SyntaxFactory.LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
        var fixedArguments = ValueOf(attribute, property) is { } existing
            ? arguments.ReplaceNode(existing, literal.WithTriviaFrom(existing))
            : arguments.AddArguments(SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(property)).WithTrailingTrivia(SyntaxFactory.Space),
                null,
                literal).WithLeadingTrivia(arguments.Arguments.Count > 0 ? SyntaxFactory.Space : default));
        return attribute.WithArgumentList(fixedArguments);
    }
}
