using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>Mutations of the raw token stream and characters: they know nothing about C# syntax beyond the lexer.</summary>
internal static class TokenMutations
{
    public static Mutation? DeleteToken(MutationContext c) =>
        c.Tokens.Count == 0 ? null : new Mutation(MutationKind.DeleteToken, c.Pick(c.Tokens).Span, "");

    public static Mutation? DuplicateToken(MutationContext c)
    {
        if (c.Tokens.Count == 0)
        {
            return null;
        }

        var token = c.Pick(c.Tokens);
        return new Mutation(MutationKind.DuplicateToken, new TextSpan(token.Span.End, 0), " " + token.Text);
    }

    public static Mutation? SwapTokens(MutationContext c)
    {
        if (c.Tokens.Count < 2)
        {
            return null;
        }

        var first = c.Random.Next(c.Tokens.Count - 1);
        var second = System.Math.Min(c.Tokens.Count - 1, first + 1 + c.Random.Next(3));
        var (a, b) = (c.Tokens[first], c.Tokens[second]);
        return new Mutation(MutationKind.SwapTokens, ImmutableArray.Create(new TextChange(a.Span, b.Text), new TextChange(b.Span, a.Text)));
    }

    public static Mutation? ReplaceNumber(MutationContext c)
    {
        var numbers = c.Tokens.Where(static t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        var number = c.Pick(numbers);
        string replacement;
        if (c.Random.Chance(1, 4) && double.TryParse(number.ValueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // Near the original: off by one, negated, a thousand times larger.
            var near = c.Random.Next(4) switch { 0 => value + 1, 1 => value - 1, 2 => -value, _ => value * 1000 };
            replacement = number.Value is int && near == System.Math.Floor(near) && System.Math.Abs(near) < 1e15
                ? near.ToString("0", CultureInfo.InvariantCulture)
                : near.ToString("R", CultureInfo.InvariantCulture);
        }
        else
        {
            replacement = c.Pick(MutationVocabulary.Numbers);
        }

        return new Mutation(MutationKind.ReplaceNumber, number.Span, replacement);
    }

    public static Mutation? ReplaceString(MutationContext c)
    {
        var literals = c.Tokens.Where(static t => t.IsKind(SyntaxKind.StringLiteralToken)).ToList();
        return literals.Count == 0 ? null : new Mutation(MutationKind.ReplaceString, c.Pick(literals).Span, c.StringValue());
    }

    public static Mutation InsertJunk(MutationContext c) =>
        new(MutationKind.InsertJunk, new TextSpan(c.Random.Next(c.Text.Length + 1), 0), c.Pick(MutationVocabulary.Junk));

    public static Mutation? Truncate(MutationContext c)
    {
        if (c.Text.Length == 0)
        {
            return null;
        }

        var cut = c.Random.Next(c.Text.Length);
        return new Mutation(MutationKind.Truncate, TextSpan.FromBounds(cut, c.Text.Length), "");
    }
}
