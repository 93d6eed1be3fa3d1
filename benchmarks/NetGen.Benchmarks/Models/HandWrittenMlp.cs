using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// The same MLP as <see cref="GeneratedMlp"/>, written the way a TorchSharp user would without
/// NetGen: the baseline every generated-code overhead is measured against. Layers are run through
/// <c>call</c>, as generated code runs them (hooks fire); intermediates are left to the caller's
/// dispose scope, as most hand-written modules leave them.
/// </summary>
public sealed class HandWrittenMlp : Module<Tensor, Tensor>
{
    private readonly Linear _hidden1;
    private readonly Linear _hidden2;
    private readonly Linear _output;

    public HandWrittenMlp()
        : base(nameof(HandWrittenMlp))
    {
        _hidden1 = Linear(30, 64);
        _hidden2 = Linear(64, 64);
        _output = Linear(64, 1);

        // The generated module's names, so one state_dict fits both and the benchmark can give
        // them identical weights.
        register_module("Hidden1", _hidden1);
        register_module("Hidden2", _hidden2);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input)
    {
        var hidden1 = functional.relu(_hidden1.call(input));
        var hidden2 = functional.relu(_hidden2.call(hidden1));
        return functional.sigmoid(_output.call(hidden2));
    }
}
