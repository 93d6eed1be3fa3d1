using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// The text one mutation applies to, its tokens and syntax (parsed on demand), the random
/// generator and the vocabulary, plus the name and value choices several kinds share.
/// </summary>
internal sealed class MutationContext
{
    private IReadOnlyList<SyntaxToken>? _tokens;
    private SyntaxNode? _root;
    private IReadOnlyList<string>? _declaredNames;

    public MutationContext(string text, SplitMix64 random, MutationVocabulary vocabulary)
    {
        Text = text;
        Random = random;
        Vocabulary = vocabulary;
    }

    public string Text { get; }

    public SplitMix64 Random { get; }

    public MutationVocabulary Vocabulary { get; }

    /// <summary>The tokens of Roslyn's lexer, without end-of-file.</summary>
    public IReadOnlyList<SyntaxToken> Tokens => _tokens ??= SyntaxFactory.ParseTokens(Text)
        .Where(static t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0)
        .ToList();

    public SyntaxNode Root => _root ??= CSharpSyntaxTree.ParseText(Text, MutantRunner.ParseOptions).GetRoot();

    public IEnumerable<T> Nodes<T>()
        where T : SyntaxNode => Root.DescendantNodes().OfType<T>();

    /// <summary>Names declared in the text (types and members), the raw material for colliding and derived names.</summary>
    public IReadOnlyList<string> DeclaredNames => _declaredNames ??= Root.DescendantNodes()
        .Select(static node => node switch
        {
            BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
            _ => "",
        })
        .Where(static name => name.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    public T Pick<T>(IReadOnlyList<T> items) => Random.Pick(items);

    /// <summary>A random element, or null when there is none (the kind does not apply to this text).</summary>
    public T? PickOrNull<T>(IEnumerable<T> items)
        where T : class
    {
        var list = items as IReadOnlyList<T> ?? items.ToList();
        return list.Count == 0 ? null : Random.Pick(list);
    }

    /// <summary>
    /// An identifier: half the time derived from a declared name (case variants, a leading
    /// underscore, <c>s_</c>, <c>@</c>, or the same name, to collide), otherwise a reserved or
    /// odd name, or a name the generator emits.
    /// </summary>
    public string Name()
    {
        switch (Random.Next(6))
        {
            case 0:
            case 1:
            case 2 when DeclaredNames.Count > 0:
                return Derive(DeclaredNames.Count > 0 ? Pick(DeclaredNames) : "Hidden");
            case 3 when Vocabulary.GeneratedNames.Count > 0:
            case 4 when Vocabulary.GeneratedNames.Count > 0:
                return Pick(Vocabulary.GeneratedNames);
            default:
                return Pick(MutationVocabulary.FixedNames);
        }
    }

    /// <summary>A string-typed argument value as C# source: a quoted name, a <c>nameof</c>, or a hostile literal.</summary>
    public string StringValue() => Random.Next(5) switch
    {
        0 or 1 => SymbolDisplay.FormatLiteral(Name().TrimStart('@'), quote: true),
        2 when DeclaredNames.Count > 0 => "nameof(" + Pick(DeclaredNames) + ")",
        _ => Pick(MutationVocabulary.FixedStrings),
    };

    /// <summary>Any value: a number, a string, an enum member or a collection.</summary>
    public string AnyValue() => Random.Next(4) switch
    {
        0 => Pick(MutationVocabulary.Numbers),
        1 => StringValue(),
        2 when Vocabulary.EnumMembers.Count > 0 => Pick(Vocabulary.EnumMembers),
        _ => Collection(Vocabulary.EnumMembers.Count > 0 ? EnumType(Pick(Vocabulary.EnumMembers)) : "int"),
    };

    /// <summary>A collection value for element type <paramref name="elementType"/>.</summary>
    public string Collection(string elementType)
    {
        var member = Vocabulary.EnumMembers.Where(m => EnumType(m) == elementType).ToList() is { Count: > 0 } members ? Pick(members) : "default";
        IReadOnlyList<string> choices =
        [
            "null", "[]", "[default]", $"[({elementType})77]", $"[({elementType})(-1)]", $"[{member}, {member}]",
            $"new {elementType}[0]", $"new {elementType}[] {{ default }}", "default", $"new[] {{ {member} }}", $"[{member}, ]", "[null]",
        ];
        return Pick(choices);
    }

    /// <summary><c>Activation</c> for <c>Activation.ReLU</c>.</summary>
    public static string EnumType(string memberAccess) => memberAccess.Substring(0, Math.Max(0, memberAccess.LastIndexOf('.')));

    /// <summary>The position just before a declaration's modifiers, or its keyword or type when it has none.</summary>
    public static int ModifierStart(MemberDeclarationSyntax member)
    {
        if (member.Modifiers.Count > 0)
        {
            return member.Modifiers[0].SpanStart;
        }

        return member.AttributeLists.Count > 0
            ? member.AttributeLists.Last().GetLastToken().GetNextToken().SpanStart
            : member.SpanStart;
    }

    private string Derive(string name)
    {
        var lowerFirst = char.ToLowerInvariant(name[0]) + name.Substring(1);
        var upperFirst = char.ToUpperInvariant(name[0]) + name.Substring(1);
        IReadOnlyList<string> variants =
        [
            name, lowerFirst, upperFirst, name.ToUpperInvariant(), name.ToLowerInvariant(), "_" + lowerFirst, "_" + name,
            "s_" + lowerFirst, "@" + name, name + "_", name + "1", string.Create(CultureInfo.InvariantCulture, $"{name}{Random.Next(3)}"),
        ];
        return Pick(variants);
    }
}
