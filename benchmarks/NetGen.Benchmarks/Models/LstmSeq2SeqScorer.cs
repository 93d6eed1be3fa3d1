using NetGen.Decoding;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// A small encoder-decoder written by hand in TorchSharp and scoring next tokens itself: source
/// tokens → Embedding(32) → LSTM(64), whose final states start a decoder LSTM(64) over the embedded
/// prefix → Dense(vocabulary) → log-softmax of the last step. Untrained, seeded weights: decoding
/// cost depends on the shapes and on how long outputs run, not on what the model has learned.
/// </summary>
internal sealed class LstmSeq2SeqScorer : nn.Module, INextTokenScorer
{
    private readonly TorchSharp.Modules.Embedding _sourceEmbedding;
    private readonly TorchSharp.Modules.LSTM _encoder;
    private readonly TorchSharp.Modules.Embedding _targetEmbedding;
    private readonly TorchSharp.Modules.LSTM _decoder;
    private readonly TorchSharp.Modules.Linear _output;

    public LstmSeq2SeqScorer(int vocabulary, int embedding = 32, int hidden = 64)
        : base(nameof(LstmSeq2SeqScorer))
    {
        _sourceEmbedding = nn.Embedding(vocabulary, embedding);
        _encoder = nn.LSTM(embedding, hidden, batchFirst: true);
        _targetEmbedding = nn.Embedding(vocabulary, embedding);
        _decoder = nn.LSTM(embedding, hidden, batchFirst: true);
        _output = nn.Linear(hidden, vocabulary);
        RegisterComponents();
        eval();
    }

    public Tensor ScoreNext(Tensor sources, Tensor prefixes)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (_, h, c) = _encoder.call(_sourceEmbedding.call(sources), null);
        var (steps, _, _) = _decoder.call(_targetEmbedding.call(prefixes), (h, c));
        var last = steps.select(1, steps.size(1) - 1);
        return nn.functional.log_softmax(_output.call(last), -1).MoveToOuterDisposeScope();
    }
}
