using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// A three-layer ReLU MLP as a competent TorchSharp user writes it for training with a fused
/// loss (<c>binary_cross_entropy_with_logits</c>, <c>cross_entropy</c>): <c>forward</c> returns
/// the logits and the caller applies the sigmoid or softmax when it wants probabilities. NetGen
/// trains its sigmoid and softmax outputs the same way (fused loss on logits), so both sides run
/// the same kernels. Layers are registered under the generated modules' names, so one
/// <c>state_dict</c> fits both.
/// </summary>
public sealed class HandWrittenLogitsMlp : Module<Tensor, Tensor>
{
    private readonly Linear _hidden1;
    private readonly Linear _hidden2;
    private readonly Linear _output;

    private HandWrittenLogitsMlp(int inputs, int hidden, int outputs)
        : base(nameof(HandWrittenLogitsMlp))
    {
        _hidden1 = Linear(inputs, hidden);
        _hidden2 = Linear(hidden, hidden);
        _output = Linear(hidden, outputs);
        register_module("Hidden1", _hidden1);
        register_module("Hidden2", _hidden2);
        register_module("Output", _output);
    }

    /// <summary><see cref="TabularNet"/> by hand: 30-12-12-1.</summary>
    public static HandWrittenLogitsMlp Tabular() => new(30, 12, 1);

    /// <summary><see cref="WideNet"/> by hand: 784-512-512-10 (the memory comparison's large case).</summary>
    public static HandWrittenLogitsMlp Wide() => new(784, 512, 10);

    public override Tensor forward(Tensor input)
    {
        var hidden1 = functional.relu(_hidden1.call(input));
        var hidden2 = functional.relu(_hidden2.call(hidden1));
        return _output.call(hidden2);
    }
}
