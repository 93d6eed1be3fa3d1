using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Samples.Tests.HandBuilt;

/// <summary>
/// <see cref="ClassicArchitectures.SmallResNet"/> written directly in TorchSharp, its modules
/// registered under the declared members' names so that one <c>state_dict</c> fits both. Batch
/// normalization has Keras's epsilon (0.001) and momentum (0.99, PyTorch's 0.01). The strided 3x3
/// convolution pads as Keras's <c>Same</c> does (one row and column after, none before, on an even
/// input); torchvision pads one on each side, which gives the same shapes but other values.
/// </summary>
internal sealed class HandBuiltSmallResNet : Module<Tensor, Tensor>
{
    private readonly Conv2d _stem = Conv2d(3, 64, 3, padding: 1, bias: false);
    private readonly BatchNorm2d _stemNorm = Norm(64);
    private readonly Conv2d _block1Conv1 = Conv2d(64, 64, 3, padding: 1, bias: false);
    private readonly BatchNorm2d _block1Norm1 = Norm(64);
    private readonly Conv2d _block1Conv2 = Conv2d(64, 64, 3, padding: 1, bias: false);
    private readonly BatchNorm2d _block1Norm2 = Norm(64);
    private readonly Conv2d _block2Conv1 = Conv2d(64, 128, 3, stride: 2, bias: false);
    private readonly BatchNorm2d _block2Norm1 = Norm(128);
    private readonly Conv2d _block2Conv2 = Conv2d(128, 128, 3, padding: 1, bias: false);
    private readonly BatchNorm2d _block2Norm2 = Norm(128);
    private readonly Conv2d _block2Shortcut = Conv2d(64, 128, 1, stride: 2, bias: false);
    private readonly BatchNorm2d _block2ShortcutNorm = Norm(128);
    private readonly AdaptiveAvgPool2d _pool = AdaptiveAvgPool2d(1);
    private readonly Linear _output = Linear(128, 10);

    public HandBuiltSmallResNet()
        : base(nameof(HandBuiltSmallResNet))
    {
        register_module("Stem", _stem);
        register_module("StemNorm", _stemNorm);
        register_module("Block1Conv1", _block1Conv1);
        register_module("Block1Norm1", _block1Norm1);
        register_module("Block1Conv2", _block1Conv2);
        register_module("Block1Norm2", _block1Norm2);
        register_module("Block2Conv1", _block2Conv1);
        register_module("Block2Norm1", _block2Norm1);
        register_module("Block2Conv2", _block2Conv2);
        register_module("Block2Norm2", _block2Norm2);
        register_module("Block2Shortcut", _block2Shortcut);
        register_module("Block2ShortcutNorm", _block2ShortcutNorm);
        register_module("Pool", _pool);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var stem = functional.relu(_stemNorm.call(_stem.call(input)));

        var residual1 = functional.relu(_block1Norm1.call(_block1Conv1.call(stem)));
        residual1 = _block1Norm2.call(_block1Conv2.call(residual1));
        var block1 = functional.relu(residual1 + stem);

        var residual2 = functional.relu(_block2Norm1.call(_block2Conv1.call(functional.pad(block1, [0, 1, 0, 1]))));
        residual2 = _block2Norm2.call(_block2Conv2.call(residual2));
        var shortcut = _block2ShortcutNorm.call(_block2Shortcut.call(block1));
        var block2 = functional.relu(residual2 + shortcut);

        var features = _pool.call(block2).flatten(1);
        return functional.softmax(_output.call(features), 1).MoveToOuterDisposeScope();
    }

    private static BatchNorm2d Norm(int channels) => BatchNorm2d(channels, eps: 0.001, momentum: 0.01);
}
