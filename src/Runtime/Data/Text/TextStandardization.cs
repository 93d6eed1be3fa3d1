using System;
using System.Collections.Generic;
using System.Text;

namespace NetGen.Data.Text;

/// <summary>
/// How a text becomes tokens: lower-casing, removing punctuation, then splitting (Keras
/// <c>TextVectorization</c>'s <c>standardize</c> and <c>split</c>, or the <c>lower</c>, <c>filters</c>
/// and <c>split</c> of the older <c>Tokenizer</c>). A vocabulary keeps the standardization it was
/// built with, and saves it, so texts are always cut the same way for training and prediction.
/// </summary>
/// <remarks>
/// The default lower-cases with the invariant culture (the result never depends on the machine's
/// language), replaces each character of <see cref="KerasPunctuation"/> by a space, as
/// <c>Tokenizer</c>'s default <c>filters</c> do (so <c>"free!!!click"</c> gives two words, and the
/// apostrophe of <c>"don't"</c> stays), and splits on white space.
/// </remarks>
public sealed record TextStandardization
{
    /// <summary>
    /// The punctuation Keras's <c>Tokenizer</c> filters by default: ASCII punctuation and symbols
    /// except the apostrophe.
    /// </summary>
    public const string KerasPunctuation = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>Lower-case, <see cref="KerasPunctuation"/> replaced by spaces, split on white space.</summary>
    public static TextStandardization Default { get; } = new();

    /// <summary>Whether letters are lower-cased (invariant culture) before splitting. Default true.</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>
    /// Characters replaced by a space before splitting; empty keeps every character.
    /// Default <see cref="KerasPunctuation"/>.
    /// </summary>
    public string Punctuation
    {
        get => _punctuation;
        init => _punctuation = value ?? throw new ArgumentNullException(nameof(Punctuation), "Use an empty string to keep every character.");
    }

    /// <summary>How the standardized text is cut into tokens. Default <see cref="TokenSplit.Whitespace"/>.</summary>
    public TokenSplit Split
    {
        get => _split;
        init => _split = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Split), value, "Not a TokenSplit value.");
    }

    private readonly string _punctuation = KerasPunctuation;
    private readonly TokenSplit _split = TokenSplit.Whitespace;

    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var standardized = Standardize(text);
        var tokens = new List<string>();
        if (Split == TokenSplit.Character)
        {
            foreach (var rune in standardized.EnumerateRunes())
            {
                tokens.Add(rune.ToString());
            }

            return tokens;
        }

        var start = -1;
        for (var i = 0; i <= standardized.Length; i++)
        {
            var boundary = i == standardized.Length || char.IsWhiteSpace(standardized[i]);
            if (boundary && start >= 0)
            {
                tokens.Add(standardized[start..i]);
                start = -1;
            }
            else if (!boundary && start < 0)
            {
                start = i;
            }
        }

        return tokens;
    }

    /// <summary><paramref name="text"/> lower-cased and with <see cref="Punctuation"/> replaced by spaces, as configured.</summary>
    public string Standardize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lowered = Lowercase ? text.ToLowerInvariant() : text;
        if (Punctuation.Length == 0)
        {
            return lowered;
        }

        var builder = new StringBuilder(lowered.Length);
        foreach (var c in lowered)
        {
            builder.Append(Punctuation.Contains(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
