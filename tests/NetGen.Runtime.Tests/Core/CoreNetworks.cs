using NetGen.Optimizers;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Core;

/// <summary>A network written the way the generator writes one: 4 -> 8 (relu) -> 1 (sigmoid).</summary>
internal sealed class BinaryNet : Network
{
    private static readonly NetworkDescription s_description = new("BinaryNet", "input", new Shape(4),
    [
        new LayerDescription("Hidden", "Dense", new Shape(8), 40, 40, ["input"]),
        new LayerDescription("Output", "Dense", new Shape(1), 9, 9, ["Hidden"]),
    ]);

    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.Linear _output;

    public BinaryNet(Optimizer? optimizer = null, Metric[]? metrics = null)
        : base(nameof(BinaryNet), s_description, new CompileOptions(Loss.BinaryCrossentropy, metrics ?? [Metric.Accuracy], optimizer ?? new Adam(learningRate: 0.01)))
    {
        _hidden = nn.Linear(4, 8);
        register_module("Hidden", _hidden);
        _output = nn.Linear(8, 1);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input) => nn.functional.sigmoid(_output.forward(nn.functional.relu(_hidden.forward(input))));

    /// <summary>A separable problem: the label is whether the features sum above zero.</summary>
    public static (Tensor X, Tensor Y) Data(int count, int seed)
    {
        manual_seed(seed);
        var x = randn(count, 4);
        return (x, x.sum(1, keepdim: true).gt(0).to_type(ScalarType.Float32));
    }
}
