using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen.Decoding;

/// <summary>
/// What greedy decoding and beam search share: their argument checks, and one scoring call for a
/// set of rows (a source and a prefix each), checked before the decoders read it.
/// </summary>
internal static class DecodingSteps
{
    public static void CheckTokens(long startToken, long endToken, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startToken);
        ArgumentOutOfRangeException.ThrowIfNegative(endToken);
        if (startToken == endToken)
        {
            throw new ArgumentException($"startToken and endToken are both {startToken}; a decoder could not tell where an output ends.", nameof(endToken));
        }

        if (maxLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength, the most tokens a decoder generates per sequence (the end token included), must be at least 1.");
        }
    }

    /// <summary>The number of sources: <paramref name="sources"/> must have a batch axis and at least one row.</summary>
    public static int SourceCount(Tensor sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.dim() == 0 || sources.size(0) == 0)
        {
            throw new ArgumentException($"sources needs one row per source, batch first; got a tensor shaped {Shape.Format(sources.shape)}.", nameof(sources));
        }

        return checked((int)sources.size(0));
    }

    /// <summary>
    /// Scores the rows: row r is source <paramref name="rowSources"/>[r] (all sources in order
    /// when null) followed by the start token and <paramref name="prefixes"/>[r].
    /// </summary>
    /// <returns>The log-probabilities, (rows, vocabulary) float64 on the CPU, in the caller's dispose scope.</returns>
    public static Tensor Score(INextTokenScorer scorer, Tensor sources, IReadOnlyList<int>? rowSources, IReadOnlyList<IReadOnlyList<long>> prefixes, long startToken, long endToken)
    {
        var rows = prefixes.Count;
        var width = prefixes[0].Count + 1;
        var values = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            values[r * width] = startToken;
            for (var i = 1; i < width; i++)
            {
                values[(r * width) + i] = prefixes[r][i - 1];
            }
        }

        var prefixTensor = tensor(values, [rows, width]);
        var rowSourceTensor = rowSources is null ? sources : sources.index_select(0, IndexOn(rowSources, sources.device));
        var scores = scorer.ScoreNext(rowSourceTensor, prefixTensor)
            ?? throw new InvalidOperationException($"The scorer {scorer.GetType().Name} returned null instead of (rows, vocabulary) log-probabilities.");
        if (scores.dim() != 2 || scores.size(0) != rows || !scores.is_floating_point())
        {
            throw new InvalidOperationException(
                $"The scorer {scorer.GetType().Name} must return ({rows}, vocabulary) floating-point log-probabilities for {rows} prefixes; it returned {scores.dtype} shaped {Shape.Format(scores.shape)}.");
        }

        if (scores.size(1) <= endToken)
        {
            throw new InvalidOperationException(
                $"The scorer {scorer.GetType().Name} scores {scores.size(1)} tokens, so it can never choose the end token {endToken}.");
        }

        return scores.detach().to(CPU).to_type(ScalarType.Float64);
    }

    private static Tensor IndexOn(IReadOnlyList<int> rows, Device device)
    {
        var index = new long[rows.Count];
        for (var i = 0; i < index.Length; i++)
        {
            index[i] = rows[i];
        }

        var onCpu = tensor(index);
        return device.type == TorchSharp.DeviceType.CPU ? onCpu : onCpu.to(device);
    }
}
