using System;
using System.Collections.Generic;
using System.Threading;
using static TorchSharp.torch;

namespace NetGen.Decoding;

/// <summary>
/// Greedy decoding: at every step, the most probable next token. Sources are decoded together,
/// with one scoring call per step for every source still unfinished.
/// </summary>
/// <remarks>
/// Each step scores the whole prefix again (see <see cref="NetworkScorer"/>): O(T²) work for an
/// output of T tokens, exact for a decoder whose step t sees only tokens before t, and cheap for
/// the short outputs of seq2seq tasks.
/// </remarks>
public sealed class GreedyDecoder
{
    private readonly INextTokenScorer _scorer;

    /// <summary>A greedy decoder over <paramref name="scorer"/>.</summary>
    /// <param name="scorer">Gives the next token's log-probabilities.</param>
    /// <param name="startToken">The token every prefix starts with (the decoder input's first token in training).</param>
    /// <param name="endToken">The token that ends an output.</param>
    /// <param name="maxLength">The most tokens generated per source, the end token included; an
    /// output that has not ended by then is cut (<see cref="DecodedSequence.IsFinished"/> is false).</param>
    public GreedyDecoder(INextTokenScorer scorer, long startToken, long endToken, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        DecodingSteps.CheckTokens(startToken, endToken, maxLength);
        _scorer = scorer;
        StartToken = startToken;
        EndToken = endToken;
        MaxLength = maxLength;
    }

    /// <summary>The token every prefix starts with.</summary>
    public long StartToken { get; }

    /// <summary>The token that ends an output.</summary>
    public long EndToken { get; }

    /// <summary>The most tokens generated per source, the end token included.</summary>
    public int MaxLength { get; }

    /// <summary>Decodes each source (row of <paramref name="sources"/>) independently.</summary>
    /// <param name="sources">The sources, batch first, as the scorer takes them.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>One sequence per source, in order; its <see cref="DecodedSequence.Score"/> is its log-probability.</returns>
    public IReadOnlyList<DecodedSequence> Decode(Tensor sources, CancellationToken cancellationToken = default)
    {
        var count = DecodingSteps.SourceCount(sources);
        var tokens = new List<long>[count];
        var logProbabilities = new double[count];
        var results = new DecodedSequence?[count];
        var active = new List<int>(count);
        for (var s = 0; s < count; s++)
        {
            tokens[s] = [];
            active.Add(s);
        }

        using var noGrad = no_grad();
        for (var step = 1; step <= MaxLength && active.Count > 0; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var prefixes = new IReadOnlyList<long>[active.Count];
            for (var r = 0; r < prefixes.Length; r++)
            {
                prefixes[r] = tokens[active[r]];
            }

            var scores = DecodingSteps.Score(_scorer, sources, active.Count == count ? null : active, prefixes, StartToken, EndToken);
            var (best, chosen) = scores.max(1);
            var bestValues = best.data<double>().ToArray();
            var chosenTokens = chosen.data<long>().ToArray();

            var stillActive = new List<int>(active.Count);
            for (var r = 0; r < active.Count; r++)
            {
                var s = active[r];
                if (double.IsNaN(bestValues[r]))
                {
                    throw new InvalidOperationException($"The scorer {_scorer.GetType().Name} returned NaN for source {s}.");
                }

                if (double.IsNegativeInfinity(bestValues[r]))
                {
                    throw new InvalidOperationException($"The scorer {_scorer.GetType().Name} gave every token probability 0 (log-probability -infinity) after the prefix of source {s}; it has no output.");
                }

                logProbabilities[s] += bestValues[r];
                if (chosenTokens[r] == EndToken)
                {
                    results[s] = new DecodedSequence(tokens[s].ToArray(), logProbabilities[s], logProbabilities[s], IsFinished: true);
                }
                else
                {
                    tokens[s].Add(chosenTokens[r]);
                    stillActive.Add(s);
                }
            }

            active = stillActive;
        }

        foreach (var s in active)
        {
            results[s] = new DecodedSequence(tokens[s].ToArray(), logProbabilities[s], logProbabilities[s], IsFinished: false);
        }

        return Array.ConvertAll(results, static result => result!);
    }
}
