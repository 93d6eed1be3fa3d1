using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Samples.Tests.HandBuilt;

/// <summary>
/// <see cref="ClassicArchitectures.VggNet"/> written directly in TorchSharp, its modules registered
/// under the declared members' names so that one <c>state_dict</c> fits both.
/// </summary>
internal sealed class HandBuiltVggNet : Module<Tensor, Tensor>
{
    private readonly Conv2d[] _convolutions =
    [
        Conv2d(3, 32, 3, padding: 1), Conv2d(32, 32, 3, padding: 1),
        Conv2d(32, 64, 3, padding: 1), Conv2d(64, 64, 3, padding: 1),
        Conv2d(64, 128, 3, padding: 1), Conv2d(128, 128, 3, padding: 1),
    ];

    private readonly MaxPool2d[] _pools = [MaxPool2d(2), MaxPool2d(2), MaxPool2d(2)];
    private readonly Flatten _flat = Flatten();
    private readonly Linear _fc = Linear(128 * 4 * 4, 128);
    private readonly Dropout _fcDropout = Dropout(0.5);
    private readonly Linear _output = Linear(128, 10);

    public HandBuiltVggNet()
        : base(nameof(HandBuiltVggNet))
    {
        for (var block = 0; block < 3; block++)
        {
            register_module($"Block{block + 1}Conv1", _convolutions[2 * block]);
            register_module($"Block{block + 1}Conv2", _convolutions[(2 * block) + 1]);
            register_module($"Block{block + 1}Pool", _pools[block]);
        }

        register_module("Flat", _flat);
        register_module("Fc", _fc);
        register_module("FcDropout", _fcDropout);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        for (var block = 0; block < 3; block++)
        {
            x = functional.relu(_convolutions[2 * block].call(x));
            x = functional.relu(_convolutions[(2 * block) + 1].call(x));
            x = _pools[block].call(x);
        }

        x = _fcDropout.call(functional.relu(_fc.call(_flat.call(x))));
        return functional.softmax(_output.call(x), 1).MoveToOuterDisposeScope();
    }
}
