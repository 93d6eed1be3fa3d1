using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Parsing;

/// <summary>C# identifiers for generated code: escaped keywords, and names that collide with nothing.</summary>
internal static class Identifiers
{
    /// <summary><paramref name="name"/> as an identifier: <c>@class</c> for a keyword, the name itself otherwise.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary><c>hidden1</c> for <c>Hidden1</c>: a local or parameter name derived from a member name.</summary>
    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>
    /// <paramref name="preferred"/>, or <paramref name="preferred"/> followed by 2, 3... until it is
    /// not in <paramref name="taken"/>; the result is added to <paramref name="taken"/>.
    /// </summary>
    public static string Unique(string preferred, ISet<string> taken)
    {
        var candidate = preferred;
        for (var suffix = 2; !taken.Add(candidate); suffix++)
        {
            candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>Whether <paramref name="name"/> can be an identifier (once escaped).</summary>
    public static bool IsValid(string name) => SyntaxFacts.IsValidIdentifier(name);
}
