using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>Mutations of declarations: attributes, modifiers, names, kinds, property types and accessors.</summary>
internal static class DeclarationMutations
{
    public static Mutation? DropAttribute(MutationContext c)
    {
        var attribute = c.PickOrNull(c.Nodes<AttributeSyntax>());
        if (attribute?.Parent is not AttributeListSyntax list)
        {
            return null;
        }

        if (list.Attributes.Count == 1)
        {
            return new Mutation(MutationKind.DropAttribute, list.Span, "");
        }

        // Take a separating comma with it so the rest of the list stays well formed.
        var index = list.Attributes.IndexOf(attribute);
        var span = index < list.Attributes.Count - 1
            ? TextSpan.FromBounds(attribute.SpanStart, list.Attributes.GetSeparator(index).Span.End)
            : TextSpan.FromBounds(list.Attributes.GetSeparator(index - 1).SpanStart, attribute.Span.End);
        return new Mutation(MutationKind.DropAttribute, span, "");
    }

    public static Mutation? AddAttribute(MutationContext c)
    {
        var member = c.PickOrNull(c.Nodes<MemberDeclarationSyntax>().Where(static m => m is not BaseNamespaceDeclarationSyntax));
        if (member is null)
        {
            return null;
        }

        var attribute = c.Pick(c.Vocabulary.Attributes);
        if (member.AttributeLists.Count > 0 && c.Random.Chance(1, 2))
        {
            var list = c.Pick(member.AttributeLists);
            return new Mutation(MutationKind.AddAttribute, new TextSpan(list.CloseBracketToken.SpanStart, 0), ", " + attribute);
        }

        var target = c.Random.Chance(1, 10) ? c.Pick(new[] { "field: ", "property: ", "type: ", "return: " }) : "";
        return new Mutation(MutationKind.AddAttribute, new TextSpan(member.SpanStart, 0), "[" + target + attribute + "] ");
    }

    public static Mutation? DropPartial(MutationContext c)
    {
        var partials = c.Root.DescendantTokens().Where(static t => t.IsKind(SyntaxKind.PartialKeyword)).ToList();
        if (partials.Count == 0)
        {
            return null;
        }

        var token = c.Pick(partials);
        return new Mutation(MutationKind.DropPartial, token.Span, "");
    }

    public static Mutation? ChangePropertyType(MutationContext c)
    {
        var property = c.PickOrNull(c.Nodes<PropertyDeclarationSyntax>());
        return property is null ? null : new Mutation(MutationKind.ChangePropertyType, property.Type.Span, c.Pick(c.Vocabulary.PropertyTypes));
    }

    public static Mutation? RenameMember(MutationContext c)
    {
        var identifiers = c.Nodes<MemberDeclarationSyntax>()
            .SelectMany(static member => member switch
            {
                PropertyDeclarationSyntax property => new[] { property.Identifier },
                MethodDeclarationSyntax method => new[] { method.Identifier },
                BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(static v => v.Identifier).ToArray(),
                _ => [],
            })
            .ToList();
        return identifiers.Count == 0 ? null : Rename(c, MutationKind.RenameMember, c.Pick(identifiers), c.Name());
    }

    public static Mutation? RenameType(MutationContext c)
    {
        var type = c.PickOrNull(c.Nodes<BaseTypeDeclarationSyntax>());
        if (type is null)
        {
            return null;
        }

        var name = c.Random.Chance(1, 2) ? c.Pick(MutationVocabulary.FixedTypeNames) : c.Name();
        if (name.Contains('<', System.StringComparison.Ordinal))
        {
            // A generic name only makes sense at the declaration; uses keep the plain name.
            return new Mutation(MutationKind.RenameType, type.Identifier.Span, name);
        }

        return Rename(c, MutationKind.RenameType, type.Identifier, name);
    }

    public static Mutation? AddModifier(MutationContext c)
    {
        var member = c.PickOrNull(c.Nodes<MemberDeclarationSyntax>().Where(static m => m is not BaseNamespaceDeclarationSyntax));
        if (member is null)
        {
            return null;
        }

        // Mostly at the front, as people write them; sometimes between existing modifiers.
        var position = member.Modifiers.Count > 0 && c.Random.Chance(3, 10)
            ? member.Modifiers[c.Random.Next(member.Modifiers.Count)].SpanStart
            : MutationContext.ModifierStart(member);
        return new Mutation(MutationKind.AddModifier, new TextSpan(position, 0), c.Pick(MutationVocabulary.Modifiers) + " ");
    }

    public static Mutation? DropModifier(MutationContext c)
    {
        var modifiers = c.Nodes<MemberDeclarationSyntax>().SelectMany(static m => m.Modifiers).ToList();
        return modifiers.Count == 0 ? null : new Mutation(MutationKind.DropModifier, c.Pick(modifiers).Span, "");
    }

    public static Mutation? ChangeAccessors(MutationContext c)
    {
        var property = c.PickOrNull(c.Nodes<PropertyDeclarationSyntax>());
        if (property is null)
        {
            return null;
        }

        var start = property.AccessorList?.SpanStart ?? property.ExpressionBody?.SpanStart ?? property.Identifier.Span.End;
        return new Mutation(MutationKind.ChangeAccessors, TextSpan.FromBounds(start, property.Span.End), c.Pick(MutationVocabulary.Accessors));
    }

    public static Mutation? ChangeTypeKind(MutationContext c)
    {
        var type = c.PickOrNull(c.Nodes<TypeDeclarationSyntax>());
        if (type is null)
        {
            return null;
        }

        // The keyword, and for records the optional class/struct after it.
        var keywordSpan = type is RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not 0 } record
            ? TextSpan.FromBounds(record.Keyword.SpanStart, record.ClassOrStructKeyword.Span.End)
            : type.Keyword.Span;
        var kind = c.Pick(MutationVocabulary.TypeKinds);
        if (!kind.EndsWith(" class", System.StringComparison.Ordinal))
        {
            return new Mutation(MutationKind.ChangeTypeKind, keywordSpan, kind);
        }

        // static/abstract/sealed go in front of the other modifiers, where they compile.
        var start = MutationContext.ModifierStart(type);
        var modifiers = c.Text.Substring(start, keywordSpan.Start - start);
        return new Mutation(MutationKind.ChangeTypeKind, TextSpan.FromBounds(start, keywordSpan.End), kind.Split(' ')[0] + " " + modifiers + "class");
    }

    /// <summary>Half the time the declaration alone (uses go stale), half the time every identifier spelled the same (a consistent rename).</summary>
    private static Mutation Rename(MutationContext c, MutationKind kind, SyntaxToken declaration, string name)
    {
        if (c.Random.Chance(1, 2))
        {
            return new Mutation(kind, declaration.Span, name);
        }

        var uses = c.Root.DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == declaration.ValueText)
            .Select(t => new TextChange(t.Span, name))
            .ToImmutableArray();
        return new Mutation(kind, uses);
    }
}
