using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// <see cref="TabularNet"/> as a competent TorchSharp user writes it for training with
/// <c>binary_cross_entropy_with_logits</c>: <c>forward</c> returns the logits and the caller
/// applies the sigmoid when it wants probabilities. NetGen trains its sigmoid outputs the same
/// way (fused loss on logits), so both sides run the same kernels.
/// </summary>
public sealed class HandWrittenTabularMlp : Module<Tensor, Tensor>
{
    private readonly Linear _hidden1;
    private readonly Linear _hidden2;
    private readonly Linear _output;

    public HandWrittenTabularMlp()
        : base(nameof(HandWrittenTabularMlp))
    {
        _hidden1 = Linear(30, 12);
        _hidden2 = Linear(12, 12);
        _output = Linear(12, 1);
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
