using NetGen.Optimizers;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

/// <summary>Hand-written networks shaped like generated ones, for weight files.</summary>
internal sealed class SmallNet : Network
{
    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.BatchNorm1d _norm;
    private readonly TorchSharp.Modules.Linear _output;

    public SmallNet(int hidden = 8)
        : base(
            nameof(SmallNet),
            new NetworkDescription("SmallNet", "input", new Shape(4),
            [
                new LayerDescription("Hidden", "Dense", new Shape(hidden), (4 * hidden) + hidden, (4 * hidden) + hidden, ["input"]),
                new LayerDescription("Norm", "BatchNormalization", new Shape(hidden), 4 * hidden, 2 * hidden, ["Hidden"]),
                new LayerDescription("Output", "Dense", new Shape(1), hidden + 1, hidden + 1, ["Norm"]),
            ]),
            new CompileOptions(Loss.BinaryCrossentropy, [Metric.Accuracy], new Adam()))
    {
        _hidden = nn.Linear(4, hidden);
        register_module("Hidden", _hidden);
        _norm = nn.BatchNorm1d(hidden);
        register_module("Norm", _norm);
        _output = nn.Linear(hidden, 1);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input) => nn.functional.sigmoid(_output.forward(_norm.forward(_hidden.forward(input))));
}
