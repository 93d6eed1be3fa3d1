using NetGen.Optimizers;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

/// <summary>
/// A hand-written network registered the way generated ones are (member names as module names),
/// so its state_dict keys are <c>Hidden.weight</c>, <c>Norm.running_mean</c>, <c>Output.bias</c>...
/// The sizes and the output layer's name vary to make files that do not fit.
/// </summary>
internal sealed class SmallNet : Network
{
    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.BatchNorm1d? _norm;
    private readonly TorchSharp.Modules.Linear _output;

    public SmallNet(int hidden = 8, bool withNorm = true, string outputName = "Output")
        : base(nameof(SmallNet), Describe(hidden, withNorm, outputName), new CompileOptions(Loss.BinaryCrossentropy, [Metric.Accuracy], new Adam()))
    {
        _hidden = nn.Linear(4, hidden);
        register_module("Hidden", _hidden);
        if (withNorm)
        {
            _norm = nn.BatchNorm1d(hidden);
            register_module("Norm", _norm);
        }

        _output = nn.Linear(hidden, 1);
        register_module(outputName, _output);
    }

    public override Tensor forward(Tensor input)
    {
        var hidden = nn.functional.relu(_hidden.forward(input));
        return nn.functional.sigmoid(_output.forward(_norm is null ? hidden : _norm.forward(hidden)));
    }

    private static NetworkDescription Describe(int hidden, bool withNorm, string outputName)
    {
        var dense = new LayerDescription("Hidden", "Dense", new Shape(hidden), (4 * hidden) + hidden, (4 * hidden) + hidden, ["input"]);
        var output = new LayerDescription(outputName, "Dense", new Shape(1), hidden + 1, hidden + 1, [withNorm ? "Norm" : "Hidden"]);
        return withNorm
            ? new NetworkDescription("SmallNet", "input", new Shape(4),
                [dense, new LayerDescription("Norm", "BatchNormalization", new Shape(hidden), 4 * hidden, 2 * hidden, ["Hidden"]), output])
            : new NetworkDescription("SmallNet", "input", new Shape(4), [dense, output]);
    }
}
