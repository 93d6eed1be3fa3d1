using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Samples.Tests.HandBuilt;

/// <summary>
/// <see cref="ClassicArchitectures.InceptionNet"/> written directly in TorchSharp, its modules
/// registered under the declared members' names so that one <c>state_dict</c> fits both.
/// </summary>
internal sealed class HandBuiltInceptionNet : Module<Tensor, Tensor>
{
    private readonly Conv2d _stem = Conv2d(3, 192, 3, padding: 1);
    private readonly MaxPool2d _stemPool = MaxPool2d(2);
    private readonly Conv2d _branch1x1 = Conv2d(192, 64, 1);
    private readonly Conv2d _branch3x3Reduce = Conv2d(192, 96, 1);
    private readonly Conv2d _branch3x3 = Conv2d(96, 128, 3, padding: 1);
    private readonly Conv2d _branch5x5Reduce = Conv2d(192, 16, 1);
    private readonly Conv2d _branch5x5 = Conv2d(16, 32, 5, padding: 2);
    private readonly MaxPool2d _branchPool = MaxPool2d(3, stride: 1, padding: 1);
    private readonly Conv2d _branchPoolProjection = Conv2d(192, 32, 1);
    private readonly AdaptiveAvgPool2d _pool = AdaptiveAvgPool2d(1);
    private readonly Linear _output = Linear(256, 10);

    public HandBuiltInceptionNet()
        : base(nameof(HandBuiltInceptionNet))
    {
        register_module("Stem", _stem);
        register_module("StemPool", _stemPool);
        register_module("Branch1x1", _branch1x1);
        register_module("Branch3x3Reduce", _branch3x3Reduce);
        register_module("Branch3x3", _branch3x3);
        register_module("Branch5x5Reduce", _branch5x5Reduce);
        register_module("Branch5x5", _branch5x5);
        register_module("BranchPool", _branchPool);
        register_module("BranchPoolProjection", _branchPoolProjection);
        register_module("Pool", _pool);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var stem = _stemPool.call(functional.relu(_stem.call(input)));
        var branch1 = functional.relu(_branch1x1.call(stem));
        var branch3 = functional.relu(_branch3x3.call(functional.relu(_branch3x3Reduce.call(stem))));
        var branch5 = functional.relu(_branch5x5.call(functional.relu(_branch5x5Reduce.call(stem))));
        var branchPool = functional.relu(_branchPoolProjection.call(_branchPool.call(stem)));
        var joined = cat([branch1, branch3, branch5, branchPool], 1);
        return functional.softmax(_output.call(_pool.call(joined).flatten(1)), 1).MoveToOuterDisposeScope();
    }
}
