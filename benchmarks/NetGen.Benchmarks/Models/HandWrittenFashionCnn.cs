using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// <see cref="FashionCnn"/> as a competent TorchSharp user writes it: <c>forward</c> returns the
/// logits (the caller applies the softmax when it wants probabilities, and trains with the fused
/// <c>cross_entropy</c>, as NetGen does), the convolutions pad with <c>padding: 1</c> where the
/// declaration says <c>Same</c> (a 3x3 kernel at stride 1 pads one pixel on each side in both
/// conventions), and a dispose scope frees the intermediates. Modules are registered under the
/// generated network's names, so one <c>state_dict</c> fits both.
/// </summary>
public sealed class HandWrittenFashionCnn : Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1 = Conv2d(1, 32, 3, padding: 1);
    private readonly Conv2d _conv2 = Conv2d(32, 32, 3);
    private readonly MaxPool2d _pool1 = MaxPool2d(2);
    private readonly Dropout _drop1 = Dropout(0.25);
    private readonly Conv2d _conv3 = Conv2d(32, 64, 3, padding: 1);
    private readonly Conv2d _conv4 = Conv2d(64, 64, 3);
    private readonly MaxPool2d _pool2 = MaxPool2d(2);
    private readonly Dropout _drop2 = Dropout(0.25);
    private readonly Flatten _flat = Flatten();
    private readonly Linear _fc = Linear(64 * 5 * 5, 512);
    private readonly Dropout _drop3 = Dropout(0.5);
    private readonly Linear _output = Linear(512, 10);

    public HandWrittenFashionCnn()
        : base(nameof(HandWrittenFashionCnn))
    {
        register_module("Conv1", _conv1);
        register_module("Conv2", _conv2);
        register_module("Pool1", _pool1);
        register_module("Drop1", _drop1);
        register_module("Conv3", _conv3);
        register_module("Conv4", _conv4);
        register_module("Pool2", _pool2);
        register_module("Drop2", _drop2);
        register_module("Flat", _flat);
        register_module("Fc", _fc);
        register_module("Drop3", _drop3);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(_conv1.call(input));
        x = _drop1.call(_pool1.call(functional.relu(_conv2.call(x))));
        x = functional.relu(_conv3.call(x));
        x = _drop2.call(_pool2.call(functional.relu(_conv4.call(x))));
        x = _drop3.call(functional.relu(_fc.call(_flat.call(x))));
        return _output.call(x).MoveToOuterDisposeScope();
    }
}
