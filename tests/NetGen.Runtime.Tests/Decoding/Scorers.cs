using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data;
using NetGen.Decoding;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Decoding;

/// <summary>
/// A scorer written as a function of one row: the source's tokens and the prefix (start token
/// included) to next-token probabilities. Records the number of rows of every call.
/// </summary>
internal abstract class RowScorer : INextTokenScorer
{
    public List<int> RowsPerCall { get; } = [];

    public abstract int VocabularySize { get; }

    public Tensor ScoreNext(Tensor sources, Tensor prefixes)
    {
        var rows = (int)prefixes.size(0);
        RowsPerCall.Add(rows);
        var sourceWidth = (int)sources.size(1);
        var sourceValues = sources.data<long>().ToArray();
        var prefixWidth = (int)prefixes.size(1);
        var prefixValues = prefixes.data<long>().ToArray();
        var scores = new double[rows * VocabularySize];
        for (var r = 0; r < rows; r++)
        {
            var probabilities = Next(sourceValues.AsSpan(r * sourceWidth, sourceWidth).ToArray(), prefixValues.AsSpan(r * prefixWidth, prefixWidth).ToArray());
            for (var v = 0; v < VocabularySize; v++)
            {
                scores[(r * VocabularySize) + v] = Math.Log(probabilities[v]);
            }
        }

        return tensor(scores, [rows, VocabularySize]);
    }

    /// <summary>The log-probabilities the scorer gives, as the decoders read them (for brute force).</summary>
    public double[] LogProbabilities(long[] source, long[] prefix) => Next(source, prefix).Select(static p => Math.Log(p)).ToArray();

    /// <summary>Probabilities of the next token after <paramref name="prefix"/> (which starts with the start token).</summary>
    protected abstract double[] Next(long[] source, long[] prefix);
}

/// <summary>
/// Tokens: 0 padding, 1 start, 2 end, 3 "A", 4 "B". The source is ignored. Greedy decoding takes
/// A (0.6) then ends (0.4): 0.24; the best output is B then end: 0.4 × 0.9 = 0.36.
/// After A: end 0.4, A 0.3, B 0.3. After B: end 0.9, A 0.05, B 0.05. After anything longer: end.
/// </summary>
internal sealed class GreedyTrapScorer : RowScorer
{
    public const long Start = 1;
    public const long End = 2;
    public const long A = 3;
    public const long B = 4;

    public override int VocabularySize => 5;

    protected override double[] Next(long[] source, long[] prefix) => prefix switch
    {
        [Start] => [0, 0, 0, 0.6, 0.4],
        [Start, A] => [0, 0, 0.4, 0.3, 0.3],
        [Start, B] => [0, 0, 0.9, 0.05, 0.05],
        _ => [0, 0, 1, 0, 0],
    };
}

/// <summary>Never ends: the end token (2) has probability 0.001, tokens 3 and 4 share the rest unevenly.</summary>
internal sealed class EndlessScorer : RowScorer
{
    public override int VocabularySize => 5;

    protected override double[] Next(long[] source, long[] prefix) => [0, 0, 0.001, 0.6, 0.399];
}

/// <summary>
/// Distributions that look random but are a fixed function of the source row and the prefix
/// (hashed with SplitMix64), so any decoding order gives the same scores. Token 0 starts
/// prefixes, 1 ends them; every token, the start token included, can be generated.
/// </summary>
internal sealed class HashedScorer(int vocabularySize = 4, double sharpness = 3.0) : RowScorer
{
    public const long Start = 0;
    public const long End = 1;

    public override int VocabularySize => vocabularySize;

    protected override double[] Next(long[] source, long[] prefix)
    {
        var random = new SplitMix64(17, [.. source, -1, .. prefix]);
        var weights = new double[vocabularySize];
        for (var v = 0; v < vocabularySize; v++)
        {
            weights[v] = Math.Exp(sharpness * random.NextDouble());
        }

        var total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }
}

/// <summary>Returns whatever tensor it is given, to test the decoders' checks of a scorer's result.</summary>
internal sealed class FixedScorer(Func<int, Tensor> scores) : INextTokenScorer
{
    public Tensor ScoreNext(Tensor sources, Tensor prefixes) => scores((int)prefixes.size(0));
}
