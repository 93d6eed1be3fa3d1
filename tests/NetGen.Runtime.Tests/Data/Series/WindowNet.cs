using System.Collections.Generic;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Series;

/// <summary>
/// Input (steps, 1) -> Flatten -> Dense(1), as the generator writes <c>[Input(12, 1)]</c> with a
/// Flatten and a Dense(1): one weight per step of the window. Chosen weights make a forecaster
/// whose exact output is known (copy a step, extrapolate a line).
/// </summary>
public sealed class WindowNet : Network<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear _output;

    public WindowNet(int length, Optimizer? optimizer = null, long? seed = null, Dimension? steps = null)
        : base(nameof(WindowNet), DescriptionFor(length, steps), () => Describe.Options(optimizer ?? new Sgd(), Loss.MeanSquaredError))
    {
        _output = nn.Linear(length, 1);
        register_module("Output", _output);
        Describe.Initialize(seed, _output);
    }

    /// <summary>A window net computing <c>sum(weights[k] * window[k]) + bias</c>.</summary>
    public static WindowNet WithWeights(double[] weights, double bias = 0)
    {
        var net = new WindowNet(weights.Length);
        using (no_grad())
        {
            net._output.weight!.copy_(tensor(weights, [1, weights.Length], ScalarType.Float32));
            net._output.bias!.fill_(bias);
        }

        return net;
    }

    public override Tensor forward(Tensor input) => _output.call(input.flatten(1));

    private static NetworkDescription DescriptionFor(int length, Dimension? steps) => new(
        nameof(WindowNet),
        [new InputDescription("input", ElementType.Float32, new Shape(steps ?? length, 1))],
        [
            new LayerDescription("Flat", "Flatten", new Shape(length), 0, 0, ["input"]),
            new LayerDescription("Output", "Dense", new Shape(1), length + 1, length + 1, ["Flat"]),
        ],
        [new OutputDescription("Output", new Shape(1), Activation.Linear)]);
}
