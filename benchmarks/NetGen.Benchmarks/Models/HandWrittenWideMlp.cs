using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary><see cref="WideNet"/> by hand, returning logits for <c>cross_entropy</c> (the memory comparison's large case).</summary>
public sealed class HandWrittenWideMlp : Module<Tensor, Tensor>
{
    private readonly Linear _hidden1;
    private readonly Linear _hidden2;
    private readonly Linear _output;

    public HandWrittenWideMlp()
        : base(nameof(HandWrittenWideMlp))
    {
        _hidden1 = Linear(784, 512);
        _hidden2 = Linear(512, 512);
        _output = Linear(512, 10);
        register_module("Hidden1", _hidden1);
        register_module("Hidden2", _hidden2);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        var hidden1 = functional.relu(_hidden1.call(input));
        var hidden2 = functional.relu(_hidden2.call(hidden1));
        return _output.call(hidden2);
    }
}
