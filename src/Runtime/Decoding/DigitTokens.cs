using System;
using System.Collections.Generic;
using System.Text;

namespace NetGen.Decoding;

/// <summary>
/// The vocabulary of <see cref="DigitTasks"/>: padding, start and end tokens, the ten digits and
/// the plus sign, 14 tokens in all. Padding is 0, the id <c>Embedding</c>'s <c>MaskZero</c> masks.
/// </summary>
public static class DigitTokens
{
    /// <summary>Fills sequences after (targets) or before (sources) their tokens.</summary>
    public const long Padding = 0;

    /// <summary>Starts every decoder input.</summary>
    public const long Start = 1;

    /// <summary>Ends every target.</summary>
    public const long End = 2;

    /// <summary>The digit 0; digit d is <c>Zero + d</c>.</summary>
    public const long Zero = 3;

    /// <summary>The plus sign of the addition task.</summary>
    public const long Plus = 13;

    /// <summary>The number of token ids: the vocabulary size an <c>Embedding</c> and the output layer need.</summary>
    public const int Count = 14;

    /// <summary>The tokens of a text made of digits and plus signs.</summary>
    /// <exception cref="ArgumentException">The text has another character.</exception>
    public static long[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new long[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            tokens[i] = text[i] switch
            {
                >= '0' and <= '9' => Zero + (text[i] - '0'),
                '+' => Plus,
                _ => throw new ArgumentException($"'{text}' has '{text[i]}' at position {i}; the digit tasks' vocabulary is the digits and '+'.", nameof(text)),
            };
        }

        return tokens;
    }

    /// <summary>
    /// The text of tokens: digits and '+', padding and start tokens skipped, stopping at the end
    /// token; any other id reads as '?', so a model's wrong output still prints.
    /// </summary>
    public static string Decode(IEnumerable<long> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token == End)
            {
                break;
            }

            if (token is Padding or Start)
            {
                continue;
            }

            text.Append(token switch
            {
                >= Zero and < Zero + 10 => (char)('0' + (token - Zero)),
                Plus => '+',
                _ => '?',
            });
        }

        return text.ToString();
    }
}
