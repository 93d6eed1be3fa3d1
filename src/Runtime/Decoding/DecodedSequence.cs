using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Decoding;

/// <summary>One output sequence found by a decoder, with its scores.</summary>
/// <param name="Tokens">The tokens generated, without the start token and without the end token.</param>
/// <param name="LogProbability">The sum of the log-probabilities of the generated tokens, the end token included when <paramref name="IsFinished"/>.</param>
/// <param name="Score">What the decoder ranked by: <paramref name="LogProbability"/> after the
/// beam search's <see cref="LengthPenalty"/> (equal to it for greedy decoding and <see cref="LengthPenalty.None"/>).</param>
/// <param name="IsFinished">Whether the sequence ended with the end token; false when it was cut at the maximum length.</param>
public sealed record DecodedSequence(IReadOnlyList<long> Tokens, double LogProbability, double Score, bool IsFinished)
{
    /// <summary>The number of tokens the scores count: the tokens, plus the end token when <see cref="IsFinished"/>.</summary>
    public int Length => Tokens.Count + (IsFinished ? 1 : 0);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{string.Join(", ", Tokens)}]{(IsFinished ? "" : " (cut)")} log p = {LogProbability:G6}, score = {Score:G6}");

    /// <summary>Equal when the tokens, the scores and <see cref="IsFinished"/> are.</summary>
    public bool Equals(DecodedSequence? other) =>
        other is not null
        && Tokens.SequenceEqual(other.Tokens)
        && LogProbability.Equals(other.LogProbability)
        && Score.Equals(other.Score)
        && IsFinished == other.IsFinished;

    /// <inheritdoc />
    public override int GetHashCode() => (Tokens.Count, LogProbability, Score, IsFinished).GetHashCode();
}
