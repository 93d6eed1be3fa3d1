using System.Collections.Generic;
using System.Linq;
using NetGen.Decoding;

namespace NetGen.Runtime.Tests.Decoding;

/// <summary>Every output of up to maxLength tokens, scored: what an unbounded beam search must return.</summary>
internal static class BruteForce
{
    public static List<DecodedSequence> AllOutputs(RowScorer scorer, long[] source, long start, long end, int maxLength, LengthPenalty penalty)
    {
        var found = new List<DecodedSequence>();
        Expand(scorer, source, start, end, maxLength, penalty, [], 0.0, found);
        return found
            .OrderByDescending(static h => h.Score)
            .ThenByDescending(static h => h.LogProbability)
            .ToList();
    }

    private static void Expand(RowScorer scorer, long[] source, long start, long end, int maxLength, LengthPenalty penalty, List<long> tokens, double logProbability, List<DecodedSequence> found)
    {
        var next = scorer.LogProbabilities(source, [start, .. tokens]);
        for (var token = 0; token < next.Length; token++)
        {
            var total = logProbability + next[token];
            if (token == end)
            {
                found.Add(new DecodedSequence(tokens.ToArray(), total, penalty.Score(total, tokens.Count + 1), IsFinished: true));
            }
            else if (tokens.Count + 1 == maxLength)
            {
                found.Add(new DecodedSequence([.. tokens, token], total, penalty.Score(total, tokens.Count + 1), IsFinished: false));
            }
            else
            {
                Expand(scorer, source, start, end, maxLength, penalty, [.. tokens, token], total, found);
            }
        }
    }
}
