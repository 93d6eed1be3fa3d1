using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// <see cref="FashionCnn"/> as a competent TorchSharp user writes it: <c>forward</c> returns the
/// logits (the caller applies the softmax when it wants probabilities, and trains with the fused
/// <c>cross_entropy</c>, as NetGen does), the convolutions pad with <c>padding: 1</c> where the
/// declaration says <c>Same</c> (a 3x3 kernel at stride 1 pads one pixel on each side in both
/// conventions). By default a dispose scope frees the intermediates when <c>forward</c> returns;
/// with <c>freeEachIntermediate</c>, each is disposed right after its last use, as the generated
/// <c>forward</c> does, so libtorch's allocator can reuse a 6 MB feature map for the next one.
/// Modules are registered under the generated network's names, so one <c>state_dict</c> fits both.
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

    private readonly bool _freeEachIntermediate;

    public HandWrittenFashionCnn(bool freeEachIntermediate = false)
        : base(nameof(HandWrittenFashionCnn))
    {
        _freeEachIntermediate = freeEachIntermediate;
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

    public override Tensor forward(Tensor input) => _freeEachIntermediate ? ForwardFreeingEachIntermediate(input) : ForwardInScope(input);

    private Tensor ForwardInScope(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(_conv1.call(input));
        x = _drop1.call(_pool1.call(functional.relu(_conv2.call(x))));
        x = functional.relu(_conv3.call(x));
        x = _drop2.call(_pool2.call(functional.relu(_conv4.call(x))));
        x = _drop3.call(functional.relu(_fc.call(_flat.call(x))));
        return _output.call(x).MoveToOuterDisposeScope();
    }

    private Tensor ForwardFreeingEachIntermediate(Tensor input)
    {
        var x = Step(input, _conv1.call, dispose: false);
        x = Step(x, static t => functional.relu(t));
        x = Step(x, _conv2.call);
        x = Step(x, static t => functional.relu(t));
        x = Step(x, _pool1.call);
        x = Step(x, _drop1.call);
        x = Step(x, _conv3.call);
        x = Step(x, static t => functional.relu(t));
        x = Step(x, _conv4.call);
        x = Step(x, static t => functional.relu(t));
        x = Step(x, _pool2.call);
        x = Step(x, _drop2.call);
        x = Step(x, _flat.call);
        x = Step(x, _fc.call);
        x = Step(x, static t => functional.relu(t));
        x = Step(x, _drop3.call);
        return Step(x, _output.call);
    }

    /// <summary>Applies one layer and frees its input unless it is the caller's (or the layer returned it unchanged, as dropout does in eval mode).</summary>
    private static Tensor Step(Tensor input, System.Func<Tensor, Tensor> layer, bool dispose = true)
    {
        var output = layer(input);
        if (dispose && !ReferenceEquals(output, input) && output.Handle != input.Handle)
        {
            input.Dispose();
        }

        return output;
    }
}
