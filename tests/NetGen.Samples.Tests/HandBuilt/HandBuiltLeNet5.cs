using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Samples.Tests.HandBuilt;

/// <summary>
/// <see cref="ClassicArchitectures.LeNet5"/> written directly in TorchSharp, its modules registered
/// under the declared members' names so that one <c>state_dict</c> fits both.
/// </summary>
internal sealed class HandBuiltLeNet5 : Module<Tensor, Tensor>
{
    private readonly Conv2d _c1 = Conv2d(1, 6, 5, padding: 2);
    private readonly AvgPool2d _s2 = AvgPool2d(2);
    private readonly Conv2d _c3 = Conv2d(6, 16, 5);
    private readonly AvgPool2d _s4 = AvgPool2d(2);
    private readonly Conv2d _c5 = Conv2d(16, 120, 5);
    private readonly Flatten _flat = Flatten();
    private readonly Linear _f6 = Linear(120, 84);
    private readonly Linear _output = Linear(84, 10);

    public HandBuiltLeNet5()
        : base(nameof(HandBuiltLeNet5))
    {
        register_module("C1", _c1);
        register_module("S2", _s2);
        register_module("C3", _c3);
        register_module("S4", _s4);
        register_module("C5", _c5);
        register_module("Flat", _flat);
        register_module("F6", _f6);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _s2.call(functional.tanh(_c1.call(input)));
        x = _s4.call(functional.tanh(_c3.call(x)));
        x = _flat.call(functional.tanh(_c5.call(x)));
        x = functional.tanh(_f6.call(x));
        return functional.softmax(_output.call(x), 1).MoveToOuterDisposeScope();
    }
}
