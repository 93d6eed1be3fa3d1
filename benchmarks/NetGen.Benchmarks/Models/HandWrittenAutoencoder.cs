using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// <see cref="ImageAutoencoder"/> as a PyTorch user writes it: an encoder and a decoder, each a
/// <c>Sequential</c> of <c>Linear</c> and <c>ReLU</c>, and a <c>forward</c> that returns the
/// decoder's logits (the caller trains with <c>binary_cross_entropy_with_logits</c> and applies
/// the sigmoid when it wants pixels). The layers carry the generated network's names, so one
/// <c>state_dict</c> fits both.
/// </summary>
public sealed class HandWrittenAutoencoder : Module<Tensor, Tensor>
{
    private readonly Sequential _encode = Sequential(
        ("Hidden", Linear(784, 256)),
        ("HiddenRelu", ReLU()),
        ("Code", Linear(256, 64)),
        ("CodeRelu", ReLU()));

    private readonly Sequential _decode = Sequential(
        ("Hidden", Linear(64, 256)),
        ("HiddenRelu", ReLU()),
        ("Pixels", Linear(256, 784)));

    public HandWrittenAutoencoder()
        : base(nameof(HandWrittenAutoencoder))
    {
        register_module("Encode", _encode);
        register_module("Decode", _decode);
    }

    public override Tensor forward(Tensor input)
    {
        using var code = _encode.call(input);
        return _decode.call(code);
    }
}
