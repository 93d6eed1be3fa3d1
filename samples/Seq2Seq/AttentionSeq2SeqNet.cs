using NetGen;
using NetGen.Decoding;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.Seq2Seq;

/// <summary>
/// <see cref="Seq2SeqNet"/> with Luong attention: the encoder returns every step, and at each
/// decoder step the decoder's output attends over the encoder's steps; the attended context and
/// the decoder's output together predict the next token. The decoder still starts from the
/// encoder's final states, so the two networks differ only by the attention.
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.003)]
[Input("sourceSteps", ElementType = ElementType.Int64, Name = "source")]
[Input("targetSteps", ElementType = ElementType.Int64, Name = "shifted")]
public partial class AttentionSeq2SeqNet
{
    [Embedding(DigitTokens.Count, 32, MaskZero = true, From = "source")]
    public partial Embedding SourceTokens { get; }

    [LSTM(128, ReturnSequences = true)]
    public partial Recurrent Encoder { get; }

    [Embedding(DigitTokens.Count, 32, From = "shifted")]
    public partial Embedding TargetTokens { get; }

    [LSTM(128, ReturnSequences = true, InitialState = nameof(Encoder))]
    public partial Recurrent Decoder { get; }

    /// <summary>Each decoder step (the query) over the encoder's steps (the value).</summary>
    [Attention(nameof(Decoder), nameof(Encoder))]
    public partial Attention Context { get; }

    [Concatenate(nameof(Context), nameof(Decoder))]
    public partial Concatenate Combined { get; }

    [Dense(DigitTokens.Count, Activation.Softmax)]
    public partial Linear Next { get; }
}
