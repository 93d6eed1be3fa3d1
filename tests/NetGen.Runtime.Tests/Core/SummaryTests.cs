using NetGen.Optimizers;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Core;

/// <summary>The Keras-style summary from live parameters.</summary>
public sealed class SummaryTests
{
    [Fact]
    public void PlainStack()
    {
        using var model = new BinaryNet();

        Assert.Equal(
            """
            Model: "BinaryNet"
            _________________________________________________________________
             Layer (type)                Output Shape              Param #
            =================================================================
             Hidden (Dense)              (None, 8)                 40
             Output (Dense)              (None, 1)                 9
            =================================================================
            Total params: 49
            Trainable params: 49
            Non-trainable params: 0
            _________________________________________________________________
            """.Replace("\r\n", "\n"),
            model.Summary());
    }

    [Fact]
    public void FrozenLayerAndBatchNormStatisticsAreNonTrainable()
    {
        using var model = new NormNet();
        foreach (var parameter in model.named_parameters())
        {
            if (parameter.name.StartsWith("Hidden.", System.StringComparison.Ordinal))
            {
                parameter.parameter.requires_grad = false;
            }
        }

        var summary = model.Summary();

        // Hidden 40 frozen; Norm 16 weight/bias trainable + 16 running mean/var; Output 9.
        Assert.Contains(" Norm (BatchNormalization)   (None, 8)                 32", summary);
        Assert.Contains("Total params: 81\nTrainable params: 25\nNon-trainable params: 56", summary);
    }

    [Fact]
    public void GraphHasAnInputRowAndConnections()
    {
        using var model = new NormNet(graph: true);

        var lines = model.Summary().Split('\n');

        Assert.Equal(" Layer (type)                Output Shape              Param #   Connected to", lines[2]);
        Assert.Equal(" input (InputLayer)          (None, 4)                 0", lines[4]);
        Assert.Equal(" Output (Dense)              (None, 1)                 9         Hidden, Norm", lines[7]);
    }

    private sealed class NormNet : Network
    {
        private readonly TorchSharp.Modules.Linear _hidden;
        private readonly TorchSharp.Modules.BatchNorm1d _norm;
        private readonly TorchSharp.Modules.Linear _output;

        public NormNet(bool graph = false)
            : base(nameof(NormNet), new NetworkDescription("NormNet", "input", new Shape(4),
            [
                new LayerDescription("Hidden", "Dense", new Shape(8), 40, 40, ["input"]),
                new LayerDescription("Norm", "BatchNormalization", new Shape(8), 32, 16, ["Hidden"]),
                new LayerDescription("Output", "Dense", new Shape(1), 9, 9, graph ? ["Hidden", "Norm"] : ["Norm"]),
            ]), new CompileOptions(Loss.MeanSquaredError, [], new Adam()))
        {
            _hidden = nn.Linear(4, 8);
            register_module("Hidden", _hidden);
            _norm = nn.BatchNorm1d(8);
            register_module("Norm", _norm);
            _output = nn.Linear(8, 1);
            register_module("Output", _output);
        }

        public override Tensor forward(Tensor input) => _output.forward(_norm.forward(_hidden.forward(input)));
    }
}
