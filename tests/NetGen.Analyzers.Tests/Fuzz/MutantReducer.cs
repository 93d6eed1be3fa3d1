using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Shrinks a failing mutant while it keeps failing the same way (same failure class, same
/// root-cause signature): whole lines first, in halving chunks, then single tokens from the end,
/// then whitespace. Greedy and bounded, not minimal in theory, but small enough to read. A
/// mutant whose own code had no compile error is only reduced to code that has none either.
/// </summary>
internal static class MutantReducer
{
    public static Mutant Reduce(MutantOutcome failing, FailureClass failure, TimeSpan timeout, int budget = 400)
    {
        var signature = failing.Signatures[failure];
        var mayAddUserErrors = (failing.Observations & Observation.UserErrors) != 0;
        bool StillFails(string candidate)
        {
            budget--;
            var outcome = MutantRunner.Run(failing.Mutant with { Text = candidate }, timeout);

            // A repro that compiled stays compiling: a crash on valid code is the bug worth reading.
            return (outcome.Failures & failure) != 0
                && outcome.Signatures.TryGetValue(failure, out var s) && s == signature
                && (mayAddUserErrors || (outcome.Observations & Observation.UserErrors) == 0);
        }

        var lines = failing.Mutant.Text.Split('\n').ToList();
        for (var chunk = Math.Max(1, lines.Count / 2); chunk >= 1 && budget > 0; chunk /= 2)
        {
            for (var start = 0; start < lines.Count && budget > 0;)
            {
                var candidate = lines.Take(start).Concat(lines.Skip(start + chunk)).ToList();
                if (candidate.Count < lines.Count && StillFails(string.Join('\n', candidate)))
                {
                    lines = candidate;
                }
                else
                {
                    start += chunk;
                }
            }
        }

        var text = string.Join('\n', lines);
        var tokens = SyntaxFactory.ParseTokens(text).Where(static t => t.Span.Length > 0).ToList();
        for (var i = tokens.Count - 1; i >= 0 && budget > 0; i--)
        {
            // From the end, so the spans of the tokens still to try stay valid.
            var candidate = text.Remove(tokens[i].SpanStart, tokens[i].Span.Length);
            if (StillFails(candidate))
            {
                text = candidate;
            }
        }

        var collapsed = Regex.Replace(text, @"\s+", " ").Trim();
        if (budget > 0 && collapsed != text && StillFails(collapsed))
        {
            text = collapsed;
        }

        return failing.Mutant with { Text = text, Mutations = [.. failing.Mutant.Mutations, "reduced from " + failing.Mutant.Text.Length + " characters"] };
    }
}
