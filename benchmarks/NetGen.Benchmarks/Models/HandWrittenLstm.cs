using System;
using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// The benchmarked recurrent models as a competent TorchSharp user writes them: an optional
/// <c>Embedding</c>, TorchSharp's fused <c>LSTM</c> (batch first, zero initial state left to
/// libtorch), the last step's hidden state (<c>h_n[-1]</c>) into a <c>Linear</c> that returns
/// the logits (the caller trains with the fused loss, as NetGen does). With
/// <c>packPadding</c>, each sequence's length is its count of non-zero ids and the embedded
/// sequences are packed (<c>pack_padded_sequence</c>, <c>enforce_sorted: false</c>), so the LSTM
/// reads only the real steps: the usual PyTorch way to skip padding, which expects the padding
/// after the real steps. Modules are registered under the generated network's names (the LSTM's
/// weights without NetGen's <c>rnn.</c> level; <see cref="LoadFrom"/> maps them).
/// </summary>
public sealed class HandWrittenLstm : Module<Tensor, Tensor>
{
    private readonly Embedding? _words;
    private readonly LSTM _memory;
    private readonly Linear _output;
    private readonly bool _packPadding;

    /// <param name="vocabulary">Token ids the embedding takes; null for float sequences without an embedding.</param>
    /// <param name="features">Features per step: the embedding's size, or the input's.</param>
    /// <param name="units">The LSTM's units.</param>
    /// <param name="paddingIndex">Whether id 0's vector stays zero (as NetGen's <c>MaskZero</c> keeps it).</param>
    /// <param name="packPadding">Whether the padded steps are skipped by packing.</param>
    public HandWrittenLstm(long? vocabulary, long features, long units, bool paddingIndex = false, bool packPadding = false)
        : base(nameof(HandWrittenLstm))
    {
        if (vocabulary is long size)
        {
            _words = Embedding(size, features, padding_idx: paddingIndex ? 0 : null);
            register_module("Words", _words);
        }

        _memory = LSTM(features, units, batchFirst: true);
        _output = Linear(units, 1);
        _packPadding = packPadding;
        register_module("Memory", _memory);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _words is null ? input : _words.call(input);
        Tensor h;
        if (_packPadding)
        {
            var lengths = input.ne(0).sum(1).cpu();
            using var packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first: true, enforce_sorted: false);
            var (output, hn, _) = _memory.call(packed, null);
            output.Dispose();
            h = hn[-1];
        }
        else
        {
            var (_, hn, _) = _memory.call(x, null);
            h = hn[-1];
        }

        return _output.call(h).MoveToOuterDisposeScope();
    }

    /// <summary>Copies a generated network's weights: <c>Memory.rnn.weight_ih_l0</c> becomes <c>Memory.weight_ih_l0</c>.</summary>
    public void LoadFrom(Module generated)
    {
        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in generated.state_dict())
        {
            weights[name.Replace("Memory.rnn.", "Memory.", StringComparison.Ordinal)] = tensor;
        }

        var (missing, unexpected) = load_state_dict(weights, strict: true);
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new InvalidOperationException($"The hand-written model's weights do not match the generated network's (missing {string.Join(", ", missing)}; unexpected {string.Join(", ", unexpected)}).");
        }
    }
}
