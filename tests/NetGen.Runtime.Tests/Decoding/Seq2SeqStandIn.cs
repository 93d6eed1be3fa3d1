using System.Collections.Generic;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Decoding;

/// <summary>
/// An encoder-decoder written as the generator writes networks: source tokens (3) and decoder
/// input tokens (steps, named or fixed) → Embedding and LSTM encoder, whose final states start the
/// decoder's LSTM over the embedded decoder input → Dropout → Dense(vocabulary) with a softmax,
/// left out by ForwardLogits. The input element types and the output's activation can be changed
/// to make networks a scorer must refuse.
/// </summary>
internal sealed class Seq2SeqStandIn : Network<Tensor, Tensor, Tensor>
{
    public const int Vocabulary = 7;
    private const int Hidden = 6;

    private readonly TorchSharp.Modules.Embedding _encoderEmbedding;
    private readonly TorchSharp.Modules.LSTM _encoder;
    private readonly TorchSharp.Modules.Embedding _decoderEmbedding;
    private readonly TorchSharp.Modules.LSTM _decoder;
    private readonly TorchSharp.Modules.Dropout _drop;
    private readonly TorchSharp.Modules.Linear _output;
    private readonly Activation _activation;

    public Seq2SeqStandIn(Dimension decoderSteps, Activation activation = Activation.Softmax, ElementType sourceType = ElementType.Int64, string sourceName = "source", string decoderName = "target")
        : base(nameof(Seq2SeqStandIn), Layout(decoderSteps, activation, sourceType, sourceName, decoderName), static () => Describe.Options(new Adam(), Loss.SparseCategoricalCrossentropy))
    {
        _activation = activation;
        _encoderEmbedding = nn.Embedding(Vocabulary, 4);
        register_module("EncoderEmbedding", _encoderEmbedding);
        _encoder = nn.LSTM(4, Hidden, batchFirst: true);
        register_module("Encoder", _encoder);
        _decoderEmbedding = nn.Embedding(Vocabulary, 4);
        register_module("DecoderEmbedding", _decoderEmbedding);
        _decoder = nn.LSTM(4, Hidden, batchFirst: true);
        register_module("Decoder", _decoder);
        _drop = nn.Dropout(0.5);
        register_module("Drop", _drop);
        _output = nn.Linear(Hidden, Vocabulary);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor source, Tensor target)
    {
        var logits = Logits(source, target);
        return _activation == Activation.Softmax ? nn.functional.softmax(logits, -1) : logits;
    }

    protected override Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => [Logits(inputs[0], inputs[1])];

    private Tensor Logits(Tensor source, Tensor target)
    {
        var (_, h, c) = _encoder.call(_encoderEmbedding.call(source), null);
        var (steps, _, _) = _decoder.call(_decoderEmbedding.call(target), (h, c));
        return _output.call(_drop.call(steps));
    }

    private static NetworkDescription Layout(Dimension decoderSteps, Activation activation, ElementType sourceType, string sourceName, string decoderName)
    {
        var steps = new Shape(decoderSteps);
        return new NetworkDescription(
            nameof(Seq2SeqStandIn),
            [new InputDescription(sourceName, sourceType, new Shape(3)), new InputDescription(decoderName, ElementType.Int64, steps)],
            [
                new LayerDescription("EncoderEmbedding", "Embedding", new Shape(3, 4), Vocabulary * 4, Vocabulary * 4, [sourceName]),
                new LayerDescription("Encoder", "LSTM", new Shape(Hidden), 4 * Hidden * (4 + Hidden + 2), 4 * Hidden * (4 + Hidden + 2), ["EncoderEmbedding"]),
                new LayerDescription("DecoderEmbedding", "Embedding", new Shape(decoderSteps, 4), Vocabulary * 4, Vocabulary * 4, [decoderName]),
                new LayerDescription("Decoder", "LSTM", new Shape(decoderSteps, Hidden), 4 * Hidden * (4 + Hidden + 2), 4 * Hidden * (4 + Hidden + 2), ["DecoderEmbedding"]),
                new LayerDescription("Drop", "Dropout", new Shape(decoderSteps, Hidden), 0, 0, ["Decoder"]),
                new LayerDescription("Output", "Dense", new Shape(decoderSteps, Vocabulary), (Hidden + 1) * Vocabulary, (Hidden + 1) * Vocabulary, ["Drop"]),
            ],
            [new OutputDescription("Output", new Shape(decoderSteps, Vocabulary), activation)]);
    }
}
