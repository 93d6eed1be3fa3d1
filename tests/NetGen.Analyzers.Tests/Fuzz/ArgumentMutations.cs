using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Mutations of attribute arguments, found by syntax shape (a <c>nameof</c>, a <c>Type.Member</c>,
/// a collection, an argument list) rather than by attribute or parameter name.
/// </summary>
internal static class ArgumentMutations
{
    public static Mutation? ReplaceNameofTarget(MutationContext c)
    {
        var nameof = c.PickOrNull(c.Nodes<InvocationExpressionSyntax>().Where(IsNameof));
        if (nameof is null)
        {
            return null;
        }

        return c.Random.Chance(7, 10)
            ? new Mutation(MutationKind.ReplaceNameofTarget, nameof.ArgumentList.Arguments[0].Span, c.Name())
            : new Mutation(MutationKind.ReplaceNameofTarget, nameof.Span, c.StringValue());
    }

    public static Mutation? ReplaceEnumValue(MutationContext c)
    {
        var access = c.PickOrNull(c.Nodes<MemberAccessExpressionSyntax>().Where(static m =>
            m.Expression is IdentifierNameSyntax
            && m.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not null
            && !m.Ancestors().OfType<InvocationExpressionSyntax>().Any(IsNameof)));
        if (access is null)
        {
            return null;
        }

        var type = access.Expression.ToString();
        var siblings = c.Vocabulary.EnumMembers.Where(m => MutationContext.EnumType(m) == type).ToList();
        var sibling = siblings.Count > 0 ? c.Pick(siblings) : access.ToString();
        IReadOnlyList<string> choices =
        [
            $"({type})99", $"({type})(-1)", $"({type})0", $"({type})int.MaxValue", "default", $"default({type})", "0", "1",
            $"{access} | {sibling}", $"~{access}", $"({type})1e3", $"{type}.Missing", "null", sibling, sibling,
            c.Vocabulary.EnumMembers.Count > 0 ? c.Pick(c.Vocabulary.EnumMembers) : sibling,
        ];
        return new Mutation(MutationKind.ReplaceEnumValue, access.Span, c.Pick(choices));
    }

    public static Mutation? ReplaceCollection(MutationContext c)
    {
        var collection = c.PickOrNull(c.Nodes<ExpressionSyntax>().Where(static e =>
            e is CollectionExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
            && e.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not null));
        if (collection is null)
        {
            return null;
        }

        // The element type is read from the first Type.Member inside, e.g. Metric in [Metric.Mae].
        var element = collection.DescendantNodes().OfType<MemberAccessExpressionSyntax>().FirstOrDefault(static m => m.Expression is IdentifierNameSyntax);
        var elementType = element is null
            ? (collection as ArrayCreationExpressionSyntax)?.Type.ElementType.ToString() ?? "int"
            : element.Expression.ToString();
        return new Mutation(MutationKind.ReplaceCollection, collection.Span, c.Collection(elementType));
    }

    public static Mutation? AddNamedArgument(MutationContext c)
    {
        var attribute = c.PickOrNull(c.Nodes<AttributeSyntax>());
        if (attribute is null)
        {
            return null;
        }

        var argument = c.Random.Next(10) switch
        {
            < 5 when c.Vocabulary.NamedArguments.Count > 0 => c.Pick(c.Vocabulary.NamedArguments),
            < 9 when c.Vocabulary.ArgumentNames.Count > 0 => c.Pick(c.Vocabulary.ArgumentNames) + " = " + c.AnyValue(),
            _ => c.Name() + " = " + c.AnyValue(),
        };

        if (attribute.ArgumentList is not { } list)
        {
            return new Mutation(MutationKind.AddNamedArgument, new TextSpan(attribute.Name.Span.End, 0), "(" + argument + ")");
        }

        var separator = list.Arguments.Count == 0 ? "" : ", ";
        return new Mutation(MutationKind.AddNamedArgument, new TextSpan(list.CloseParenToken.SpanStart, 0), separator + argument);
    }

    private static bool IsNameof(InvocationExpressionSyntax invocation) =>
        invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" } && invocation.ArgumentList.Arguments.Count == 1;
}
