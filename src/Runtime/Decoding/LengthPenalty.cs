using System;
using System.Globalization;

namespace NetGen.Decoding;

/// <summary>
/// How <see cref="BeamSearchDecoder"/> compares hypotheses of different lengths. A sum of
/// log-probabilities only falls as a sequence grows, so without a penalty beam search favours
/// short outputs; a penalty divides the sum by a function of the length that grows with it.
/// The length counts the generated tokens, the end token included (not the start token).
/// </summary>
public abstract class LengthPenalty
{
    private protected LengthPenalty()
    {
    }

    /// <summary>The sum of log-probabilities, unchanged (the default).</summary>
    public static LengthPenalty None { get; } = new NoPenalty();

    /// <summary>The mean log-probability per token: log p / length.</summary>
    public static LengthPenalty Average { get; } = new AveragePenalty();

    /// <summary>
    /// GNMT's length normalization (Wu et al., 2016, eq. 14): log p / lp, where
    /// lp = ((5 + length) / 6)^<paramref name="alpha"/>. 0 is no penalty and 1 is close to the
    /// average; the paper tunes alpha between 0.6 and 0.7. (Its coverage penalty is not applied.)
    /// </summary>
    /// <param name="alpha">At least 0 and finite.</param>
    public static LengthPenalty Gnmt(double alpha = 0.6) =>
        double.IsFinite(alpha) && alpha >= 0
            ? new GnmtPenalty(alpha)
            : throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "GNMT's length penalty needs a finite alpha of at least 0.");

    /// <summary>The score of a hypothesis of <paramref name="length"/> tokens whose log-probabilities sum to <paramref name="logProbability"/>.</summary>
    /// <remarks>
    /// For a log-probability of at most 0, every penalty here is non-decreasing in both the
    /// log-probability and the length. Beam search relies on it to stop early and still return
    /// the best hypotheses: no continuation of a beam can score more than its log-probability
    /// scored at the maximum length.
    /// </remarks>
    public abstract double Score(double logProbability, int length);

    private sealed class NoPenalty : LengthPenalty
    {
        public override double Score(double logProbability, int length) => logProbability;

        public override string ToString() => "None";
    }

    private sealed class AveragePenalty : LengthPenalty
    {
        public override double Score(double logProbability, int length) => logProbability / Math.Max(length, 1);

        public override string ToString() => "Average";
    }

    private sealed class GnmtPenalty(double alpha) : LengthPenalty
    {
        public override double Score(double logProbability, int length) => logProbability / Math.Pow((5.0 + length) / 6.0, alpha);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Gnmt({alpha})");
    }
}
