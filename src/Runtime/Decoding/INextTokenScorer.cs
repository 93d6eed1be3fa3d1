using static TorchSharp.torch;

namespace NetGen.Decoding;

/// <summary>
/// Scores the next token of a batch of partial output sequences: what <see cref="GreedyDecoder"/>
/// and <see cref="BeamSearchDecoder"/> ask at every step. <see cref="NetworkScorer"/> answers it
/// with a seq2seq network trained with teacher forcing; tests and custom models implement it directly.
/// </summary>
public interface INextTokenScorer
{
    /// <summary>
    /// The log-probability of every token of the vocabulary being the next one, for each row.
    /// </summary>
    /// <param name="sources">The source of each row, batch first (one row per prefix; a source
    /// decoded with several beams appears once per beam).</param>
    /// <param name="prefixes">(rows, t) int64 on the CPU: the start token, then the t - 1 tokens chosen so far.</param>
    /// <returns>(rows, vocabulary) floating-point log-probabilities, on any device. The decoders
    /// read them within their own dispose scope, so the tensor may be left to it.</returns>
    Tensor ScoreNext(Tensor sources, Tensor prefixes);
}
