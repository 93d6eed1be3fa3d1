using System.IO;
using System.Linq;
using NetGen.Runtime.Tests.Infrastructure;

namespace NetGen.Runtime.Tests.SummarySpecs;

/// <summary>The Keras-style summary table from the live module.</summary>
public sealed class SummaryTests
{
    private static readonly string Rule = new('_', 65);
    private static readonly string Double = new('=', 65);

    [Fact]
    public void TinyNetTable()
    {
        using var model = new TinyNet();

        var expected = string.Join('\n',
            "Model: \"TinyNet\"",
            Rule,
            " Layer (type)                Output Shape              Param #",
            Double,
            " Hidden (Dense)              (None, 8)                 40",
            " Output (Dense)              (None, 1)                 9",
            Double,
            "Total params: 49",
            "Trainable params: 49",
            "Non-trainable params: 0",
            Rule);
        Assert.Equal(expected, model.Summary());

        var output = new StringWriter();
        model.PrintSummary(output);
        Assert.Equal(expected + output.NewLine, output.ToString());
    }

    [Fact]
    public void GraphNetworkHasTheInputRowAndConnections()
    {
        using var model = new BranchNet();
        Assert.True(model.Description.IsGraph);
        Assert.False(new TinyNet().Description.IsGraph);

        var rule = new string('_', 85);
        var expected = string.Join('\n',
            "Model: \"BranchNet\"",
            rule,
            " Layer (type)                Output Shape              Param #   Connected to",
            new string('=', 85),
            " features (InputLayer)       (None, 4)                 0",
            " Left (Dense)                (None, 3)                 15        features",
            " Right (Dense)               (None, 3)                 15        features",
            " Merged (Add)                (None, 3)                 0         Left, Right",
            " Output (Dense)              (None, 1)                 4         Merged",
            new string('=', 85),
            "Total params: 34",
            "Trainable params: 34",
            "Non-trainable params: 0",
            rule);
        Assert.Equal(expected, model.Summary());
    }

    [Fact]
    public void EveryInputHasItsRowInANetworkWithSeveral()
    {
        using var model = new TwoHeadNet();

        var rule = new string('_', 85);
        var expected = string.Join('\n',
            "Model: \"TwoHeadNet\"",
            rule,
            " Layer (type)                Output Shape              Param #   Connected to",
            new string('=', 85),
            " wide (InputLayer)           (None, 3)                 0",
            " deep (InputLayer)           (None, 2)                 0",
            " Joined (Concatenate)        (None, 5)                 0         wide, deep",
            " Price (Dense)               (None, 1)                 6         Joined",
            " Kind (Dense)                (None, 1)                 6         Joined",
            new string('=', 85),
            "Total params: 12",
            "Trainable params: 12",
            "Non-trainable params: 0",
            rule);
        Assert.Equal(expected, model.Summary());
    }

    [Fact]
    public void FrozenLayersAreNonTrainable()
    {
        using var model = new TinyNet();
        foreach (var (name, parameter) in model.named_parameters().Where(pair => pair.name.StartsWith("Hidden.")))
        {
            parameter.requires_grad = false;
        }

        var summary = model.Summary().Split('\n');
        Assert.Contains(" Hidden (Dense)              (None, 8)                 40", summary);
        Assert.Contains("Total params: 49", summary);
        Assert.Contains("Trainable params: 9", summary);
        Assert.Contains("Non-trainable params: 40", summary);
    }

    [Fact]
    public void BatchNormStatisticsAreNonTrainable()
    {
        using var model = new NormalizedNet();

        var summary = model.Summary().Split('\n');

        // 8 gamma + 8 beta trainable, 8 moving mean + 8 moving variance not; num_batches_tracked is not counted.
        Assert.Contains(" Norm (BatchNormalization)   (None, 8)                 32", summary);
        Assert.Contains("Total params: 81", summary);
        Assert.Contains("Trainable params: 65", summary);
        Assert.Contains("Non-trainable params: 16", summary);
        Assert.Equal(81, model.Description.ParameterCount);
        Assert.Equal(65, model.Description.TrainableParameterCount);
    }

    [Fact]
    public void LongNamesWidenTheColumns()
    {
        using var model = new IdentityNet(1234567);
        var lines = model.Summary().Split('\n');
        // "(None, 1234567)" fits the default width; the rule stays 65 wide.
        Assert.Equal(65, lines[1].Length);
        Assert.Equal(" Output (Activation)         (None, 1234567)           0", lines[4]);
    }

    [Fact]
    public void ThousandsAreGroupedInvariantly()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            using var model = new WideNet();
            var summary = model.Summary();
            Assert.Contains("Total params: 4,100", summary);
            Assert.Contains(" Output (Dense)              (None, 100)               4,100", summary);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    private sealed class WideNet : Network<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>
    {
        private readonly TorchSharp.Modules.Linear _output;

        public WideNet()
            : base(nameof(WideNet), Describe.Stack("WideNet", 40, [Describe.Dense("Output", 40, 100, "input")]),
                () => new CompileOptions(new NetGen.Optimizers.Sgd(), [new OutputOptions("Output", Loss.MeanSquaredError)]))
        {
            _output = TorchSharp.torch.nn.Linear(40, 100);
            register_module("Output", _output);
        }

        public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor input) => _output.call(input);
    }
}
