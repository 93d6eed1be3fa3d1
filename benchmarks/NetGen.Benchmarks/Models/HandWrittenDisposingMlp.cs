using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// <see cref="HandWrittenMlp"/> written by a careful TorchSharp user who frees every intermediate
/// as soon as the next tensor exists, as TorchSharp's <c>Sequential</c> does and as NetGen's
/// generated <c>forward</c> does (autograd keeps what it needs).
/// </summary>
public sealed class HandWrittenDisposingMlp : Module<Tensor, Tensor>
{
    private readonly Linear _hidden1;
    private readonly Linear _hidden2;
    private readonly Linear _output;

    public HandWrittenDisposingMlp()
        : base(nameof(HandWrittenDisposingMlp))
    {
        _hidden1 = Linear(30, 64);
        _hidden2 = Linear(64, 64);
        _output = Linear(64, 1);
        register_module("Hidden1", _hidden1);
        register_module("Hidden2", _hidden2);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        using var linear1 = _hidden1.call(input);
        using var hidden1 = functional.relu(linear1);
        using var linear2 = _hidden2.call(hidden1);
        using var hidden2 = functional.relu(linear2);
        using var output = _output.call(hidden2);
        return functional.sigmoid(output);
    }
}
