using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using static TorchSharp.torch;

namespace NetGen.Decoding;

/// <summary>
/// Beam search: at every step each source keeps its <see cref="BeamWidth"/> best unfinished
/// prefixes (beams) and collects the hypotheses that end. All beams of all sources are scored in
/// one call per step; sources do not affect each other, so decoding several at once gives what
/// decoding each alone gives.
/// </summary>
/// <remarks>
/// <para>At each step the candidates of a source are its beams extended by every token, ranked by
/// log-probability. Going down the ranking, a candidate ending with the end token becomes a
/// finished hypothesis when it ranks among the first <see cref="BeamWidth"/>; any other fills the
/// next beam, until there are <see cref="BeamWidth"/> beams (as in Hugging Face's
/// <c>BeamSearchScorer</c>). At <see cref="MaxLength"/> the remaining beams are cut and become hypotheses too.</para>
/// <para>Hypotheses are ranked by <see cref="LengthPenalty"/>'s score. A source stops early once it
/// has <see cref="BeamWidth"/> hypotheses and no beam could beat the worst of them: no
/// continuation scores more than the beam's log-probability scored at <see cref="MaxLength"/>, so
/// stopping never loses a better hypothesis.</para>
/// <para>Each step scores every prefix from its start (see <see cref="NetworkScorer"/>): O(T²)
/// work for outputs of T tokens, exact for causal decoders, fine for short outputs.</para>
/// </remarks>
public sealed class BeamSearchDecoder
{
    private readonly INextTokenScorer _scorer;

    /// <summary>A beam search over <paramref name="scorer"/>.</summary>
    /// <param name="scorer">Gives the next token's log-probabilities.</param>
    /// <param name="beamWidth">The beams kept per source, and the hypotheses returned per source (k). 1 is greedy decoding.</param>
    /// <param name="startToken">The token every prefix starts with.</param>
    /// <param name="endToken">The token that ends an output.</param>
    /// <param name="maxLength">The most tokens generated per hypothesis, the end token included.</param>
    /// <param name="lengthPenalty">How hypotheses of different lengths compare; <see cref="LengthPenalty.None"/> when null.</param>
    public BeamSearchDecoder(INextTokenScorer scorer, int beamWidth, long startToken, long endToken, int maxLength, LengthPenalty? lengthPenalty = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        if (beamWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beamWidth), beamWidth, "The beam width must be at least 1 (1 is greedy decoding).");
        }

        DecodingSteps.CheckTokens(startToken, endToken, maxLength);
        _scorer = scorer;
        BeamWidth = beamWidth;
        StartToken = startToken;
        EndToken = endToken;
        MaxLength = maxLength;
        LengthPenalty = lengthPenalty ?? LengthPenalty.None;
    }

    /// <summary>The beams kept per source, and the most hypotheses returned per source.</summary>
    public int BeamWidth { get; }

    /// <summary>The token every prefix starts with.</summary>
    public long StartToken { get; }

    /// <summary>The token that ends an output.</summary>
    public long EndToken { get; }

    /// <summary>The most tokens generated per hypothesis, the end token included.</summary>
    public int MaxLength { get; }

    /// <summary>How hypotheses of different lengths compare.</summary>
    public LengthPenalty LengthPenalty { get; }

    /// <summary>The best hypothesis of each source.</summary>
    /// <inheritdoc cref="Decode(Tensor, CancellationToken)"/>
    public IReadOnlyList<DecodedSequence> DecodeBest(Tensor sources, CancellationToken cancellationToken = default) =>
        Decode(sources, cancellationToken).Select(static hypotheses => hypotheses[0]).ToArray();

    /// <summary>The <see cref="BeamWidth"/> best hypotheses of each source (row of <paramref name="sources"/>).</summary>
    /// <param name="sources">The sources, batch first, as the scorer takes them.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>Per source, in order, its hypotheses best first by <see cref="DecodedSequence.Score"/>
    /// (fewer than <see cref="BeamWidth"/> only when fewer distinct outputs exist within <see cref="MaxLength"/>).</returns>
    public IReadOnlyList<IReadOnlyList<DecodedSequence>> Decode(Tensor sources, CancellationToken cancellationToken = default)
    {
        var count = DecodingSteps.SourceCount(sources);
        var beams = new List<Beam>[count];
        var hypotheses = new List<DecodedSequence>[count];
        for (var s = 0; s < count; s++)
        {
            beams[s] = [new Beam([], 0.0)];
            hypotheses[s] = [];
        }

        using var noGrad = no_grad();
        for (var step = 1; step <= MaxLength; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rowSources = new List<int>();
            var prefixes = new List<IReadOnlyList<long>>();
            for (var s = 0; s < count; s++)
            {
                foreach (var beam in beams[s])
                {
                    rowSources.Add(s);
                    prefixes.Add(beam.Tokens);
                }
            }

            if (rowSources.Count == 0)
            {
                break;
            }

            using var scope = NewDisposeScope();
            var identity = rowSources.Count == count && rowSources.Select(static (source, row) => source == row).All(static same => same);
            var scores = DecodingSteps.Score(_scorer, sources, identity ? null : rowSources, prefixes, StartToken, EndToken);

            // A source's best 2k candidates are among the best 2k of each of its rows (a row's
            // candidates all add the same beam log-probability), and 2k leave at least k beams
            // after the end tokens, of which there is one per row.
            var perRow = (int)Math.Min(2L * BeamWidth, scores.size(1));
            var (topScores, topTokens) = scores.topk(perRow, dim: 1, largest: true, sorted: true);
            var rowScores = topScores.data<double>().ToArray();
            var rowTokens = topTokens.data<long>().ToArray();

            var row = 0;
            for (var s = 0; s < count; s++)
            {
                var sourceBeams = beams[s];
                if (sourceBeams.Count == 0)
                {
                    // Done: no rows were scored for it.
                    continue;
                }

                var candidates = new List<Candidate>(sourceBeams.Count * perRow);
                for (var b = 0; b < sourceBeams.Count; b++, row++)
                {
                    for (var j = 0; j < perRow; j++)
                    {
                        var index = (row * perRow) + j;
                        if (double.IsNaN(rowScores[index]))
                        {
                            throw new InvalidOperationException($"The scorer {_scorer.GetType().Name} returned NaN for token {rowTokens[index]} of source {s}.");
                        }

                        // A token of probability 0 is no candidate: it would only fill a beam with an impossible output.
                        if (!double.IsNegativeInfinity(rowScores[index]))
                        {
                            candidates.Add(new Candidate(b, rowTokens[index], sourceBeams[b].LogProbability + rowScores[index]));
                        }
                    }
                }

                if (candidates.Count == 0)
                {
                    throw new InvalidOperationException($"The scorer {_scorer.GetType().Name} gave every token probability 0 (log-probability -infinity) after every prefix of source {s}; it has no output.");
                }

                beams[s] = Extend(sourceBeams, candidates, hypotheses[s], last: step == MaxLength);
            }
        }

        return hypotheses.Select(found => (IReadOnlyList<DecodedSequence>)found
            .OrderByDescending(static h => h.Score)
            .ThenByDescending(static h => h.LogProbability)
            .Take(BeamWidth)
            .ToArray()).ToArray();
    }

    /// <summary>The next beams of one source from its ranked candidates; finished ones go to <paramref name="hypotheses"/>.</summary>
    private List<Beam> Extend(List<Beam> beams, List<Candidate> candidates, List<DecodedSequence> hypotheses, bool last)
    {
        // Highest log-probability first; ties by beam, then by token, so the order is reproducible.
        candidates.Sort(static (a, b) =>
            b.LogProbability.CompareTo(a.LogProbability) is var byScore and not 0 ? byScore
            : a.Beam.CompareTo(b.Beam) is var byBeam and not 0 ? byBeam
            : a.Token.CompareTo(b.Token));

        var next = new List<Beam>(BeamWidth);
        for (var rank = 0; rank < candidates.Count && next.Count < BeamWidth; rank++)
        {
            var candidate = candidates[rank];
            var tokens = beams[candidate.Beam].Tokens;
            if (candidate.Token == EndToken)
            {
                if (rank < BeamWidth)
                {
                    hypotheses.Add(Hypothesis(tokens, candidate.LogProbability, finished: true));
                }
            }
            else
            {
                next.Add(new Beam([.. tokens, candidate.Token], candidate.LogProbability));
            }
        }

        if (last)
        {
            hypotheses.AddRange(next.Select(beam => Hypothesis(beam.Tokens, beam.LogProbability, finished: false)));
            return [];
        }

        return next.Count > 0 && CanStillImprove(next, hypotheses) ? next : [];
    }

    /// <summary>Whether some beam could still end better than the k-th best hypothesis so far.</summary>
    private bool CanStillImprove(List<Beam> beams, List<DecodedSequence> hypotheses)
    {
        if (hypotheses.Count < BeamWidth)
        {
            return true;
        }

        var kthBest = hypotheses.Select(static h => h.Score).OrderByDescending(static score => score).ElementAt(BeamWidth - 1);
        return beams.Any(beam => LengthPenalty.Score(beam.LogProbability, MaxLength) > kthBest);
    }

    private DecodedSequence Hypothesis(long[] tokens, double logProbability, bool finished)
    {
        var length = tokens.Length + (finished ? 1 : 0);
        return new DecodedSequence(tokens, logProbability, LengthPenalty.Score(logProbability, length), finished);
    }

    /// <summary>An unfinished prefix (without the start token) and its log-probability.</summary>
    private sealed record Beam(long[] Tokens, double LogProbability);

    /// <summary>Beam <see cref="Beam"/> of a source extended by <see cref="Token"/>.</summary>
    private readonly record struct Candidate(int Beam, long Token, double LogProbability);
}
