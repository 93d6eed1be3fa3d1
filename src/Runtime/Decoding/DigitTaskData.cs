using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen.Decoding;

/// <summary>
/// Examples of a digit task for a seq2seq network trained with teacher forcing, in
/// <see cref="DigitTokens"/>: one row per example in each tensor. Disposing it disposes the tensors.
/// </summary>
public sealed class DigitTaskData : IDisposable
{
    internal DigitTaskData(Tensor sources, Tensor decoderInputs, Tensor targets, IReadOnlyList<string> sourceTexts, IReadOnlyList<string> targetTexts)
    {
        Sources = sources;
        DecoderInputs = decoderInputs;
        Targets = targets;
        SourceTexts = sourceTexts;
        TargetTexts = targetTexts;
    }

    /// <summary>(examples, source length) int64: the source tokens, padded to the task's longest source.</summary>
    public Tensor Sources { get; }

    /// <summary>(examples, target length) int64: the start token, then the target's tokens, then padding (the targets shifted right).</summary>
    public Tensor DecoderInputs { get; }

    /// <summary>(examples, target length) int64: the target's tokens, the end token, then padding.</summary>
    public Tensor Targets { get; }

    /// <summary>Each source as text ("123+45", or "1234" for reversal).</summary>
    public IReadOnlyList<string> SourceTexts { get; }

    /// <summary>Each expected output as text ("168", "4321"), for exact-match accuracy.</summary>
    public IReadOnlyList<string> TargetTexts { get; }

    /// <summary>The number of examples.</summary>
    public int Count => SourceTexts.Count;

    /// <summary>The source tokens' length (the source input's declared steps).</summary>
    public int SourceLength => (int)Sources.size(1);

    /// <summary>The decoder input's and targets' length: the longest target plus one (start or end token), and the largest useful <c>maxLength</c> of a decoder.</summary>
    public int TargetLength => (int)Targets.size(1);

    /// <inheritdoc />
    public void Dispose()
    {
        Sources.Dispose();
        DecoderInputs.Dispose();
        Targets.Dispose();
    }
}
