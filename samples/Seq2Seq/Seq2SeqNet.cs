using NetGen;
using NetGen.Decoding;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.Seq2Seq;

/// <summary>
/// An LSTM encoder-decoder trained with teacher forcing: the encoder reads the source tokens and
/// hands its final hidden and cell states to the decoder, which reads the start token and the
/// target shifted right by one step and predicts, at every step, the next token of the target.
/// Both inputs have named lengths, so the same network takes any task's source and target lengths.
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.003)]
[Input("sourceSteps", ElementType = ElementType.Int64, Name = "source")]
[Input("targetSteps", ElementType = ElementType.Int64, Name = "shifted")]
public partial class Seq2SeqNet
{
    [Embedding(DigitTokens.Count, 32, MaskZero = true, From = "source")]
    public partial Embedding SourceTokens { get; }

    [LSTM(128)]
    public partial Recurrent Encoder { get; }

    [Embedding(DigitTokens.Count, 32, From = "shifted")]
    public partial Embedding TargetTokens { get; }

    [LSTM(128, ReturnSequences = true, InitialState = nameof(Encoder))]
    public partial Recurrent Decoder { get; }

    [Dense(DigitTokens.Count, Activation.Softmax)]
    public partial Linear Next { get; }
}
