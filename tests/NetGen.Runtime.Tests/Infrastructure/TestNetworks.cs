using System.Collections.Generic;
using NetGen.Optimizers;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Infrastructure;

// The one set of hand-written networks the runtime tests use. Each is written the way the
// generator writes networks: modules registered under member names, a description of the layers,
// and, for a sigmoid or softmax output, a ForwardLogits that leaves the activation out.

/// <summary>Builds the descriptions of hand-written test networks.</summary>
internal static class Describe
{
    public static InputDescription Input(int features, string name = "input") => new(name, ElementType.Float32, new Shape(features));

    public static LayerDescription Dense(string name, int inputs, int units, string from) =>
        new(name, "Dense", new Shape(units), (inputs * units) + units, (inputs * units) + units, [from]);

    public static NetworkDescription Stack(string name, int features, IReadOnlyList<LayerDescription> layers, Activation outputActivation = Activation.Linear) =>
        new(name, [Input(features)], layers, [new OutputDescription(layers[^1].Name, layers[^1].OutputShape, outputActivation)]);

    public static CompileOptions Options(Optimizer optimizer, NetGen.Losses.LossFunction? loss, params NetGen.Metrics.MetricAccumulator[] metrics) =>
        new(optimizer, [new OutputOptions("Output", loss, 1.0, metrics)]);

    /// <summary>
    /// As a generated constructor given a seed: Glorot-uniform kernels and zero biases drawn from a
    /// generator of that seed alone. Without a seed the layers keep TorchSharp's initialization.
    /// </summary>
    public static void Initialize(long? seed, params TorchSharp.Modules.Linear[] layers)
    {
        if (seed is null)
        {
            return;
        }

        using var generator = Initializers.Generator(seed);
        foreach (var layer in layers)
        {
            Initializers.Apply(layer.weight, Initializer.GlorotUniform, generator);
            Initializers.Apply(layer.bias, Initializer.Zeros, generator);
        }
    }
}

/// <summary>
/// 4 -> Dense(8, relu) -> Dense(1, sigmoid), trained from logits like a generated network. Not
/// sealed: tests derive from it to override TrainStep and TestStep, as users do.
/// </summary>
public class TinyNet : Network<Tensor, Tensor>
{
    private static readonly NetworkDescription s_description = Describe.Stack("TinyNet", 4,
        [Describe.Dense("Hidden", 4, 8, "input"), Describe.Dense("Output", 8, 1, "Hidden")], Activation.Sigmoid);

    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.Linear _output;

    public TinyNet(CompileOptions? options = null, long? seed = null)
        : base(nameof(TinyNet), s_description, () => options ?? Describe.Options(new Adam(learningRate: 0.01), Loss.BinaryCrossentropy, Metric.Accuracy))
    {
        _hidden = nn.Linear(4, 8);
        register_module("Hidden", _hidden);
        _output = nn.Linear(8, 1);
        register_module("Output", _output);
        Describe.Initialize(seed, _hidden, _output);
    }

    public TinyNet(Optimizer optimizer, params NetGen.Metrics.MetricAccumulator[] metrics)
        : this(Describe.Options(optimizer, Loss.BinaryCrossentropy, metrics.Length == 0 ? [Metric.Accuracy] : metrics))
    {
    }

    public TorchSharp.Modules.Linear Hidden => _hidden;

    public TorchSharp.Modules.Linear Output => _output;

    public override Tensor forward(Tensor input) => nn.functional.sigmoid(Logits(input));

    /// <summary>A copy with the same weights (TorchSharp's generator is global and tests run in parallel).</summary>
    public TinyNet CloneWithOptions(CompileOptions options)
    {
        var copy = new TinyNet(options);
        copy.load_state_dict(state_dict());
        return copy;
    }

    protected override Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => [Logits(inputs[0])];

    private Tensor Logits(Tensor input) => _output.call(nn.functional.relu(_hidden.call(input)));
}

/// <summary>4 -> Dense(3, softmax): a classifier trained from its logits with sparse categorical cross-entropy.</summary>
public sealed class ClassifierNet : Network<Tensor, Tensor>
{
    private static readonly NetworkDescription s_description = Describe.Stack("ClassifierNet", 4,
        [Describe.Dense("Output", 4, 3, "input")], Activation.Softmax);

    private readonly TorchSharp.Modules.Linear _output;

    public ClassifierNet(Optimizer optimizer, NetGen.Losses.LossFunction? loss = null, long? seed = null)
        : base(nameof(ClassifierNet), s_description, () => Describe.Options(optimizer, loss ?? Loss.SparseCategoricalCrossentropy, Metric.Accuracy))
    {
        _output = nn.Linear(4, 3);
        register_module("Output", _output);
        Describe.Initialize(seed, _output);
    }

    public TorchSharp.Modules.Linear Output => _output;

    public override Tensor forward(Tensor input) => nn.functional.softmax(_output.call(input), -1);

    protected override Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => [_output.call(inputs[0])];
}

/// <summary>One weight, no bias: output = w * x. Starts at w = 1.</summary>
public sealed class ScalarNet : Network<Tensor, Tensor>
{
    private static readonly NetworkDescription s_description = Describe.Stack("ScalarNet", 1,
        [new LayerDescription("Output", "Dense", new Shape(1), 1, 1, ["input"])]);

    private readonly TorchSharp.Modules.Linear _output;

    public ScalarNet(Optimizer optimizer)
        : base(nameof(ScalarNet), s_description, () => Describe.Options(optimizer, Loss.MeanSquaredError))
    {
        _output = nn.Linear(1, 1, hasBias: false);
        register_module("Output", _output);
        using (no_grad())
        {
            _output.weight!.fill_(1.0);
        }
    }

    public double Weight => _output.weight!.item<float>();

    public override Tensor forward(Tensor input) => _output.call(input);
}

/// <summary>No parameters: the output is the input. Lets Predict, losses and metrics be checked on chosen values.</summary>
public sealed class IdentityNet : Network<Tensor, Tensor>
{
    public IdentityNet(int width, Loss loss = Loss.MeanSquaredError, params NetGen.Metrics.MetricAccumulator[] metrics)
        : base(nameof(IdentityNet), Describe.Stack("IdentityNet", width, [new LayerDescription("Output", "Activation", new Shape(width), 0, 0, ["input"])]),
            () => Describe.Options(new Sgd(), loss == Loss.None ? null : loss, metrics))
    {
    }

    public override Tensor forward(Tensor input) => input.clone();
}

/// <summary>4 -> Dense(16) -> Dropout(0.5) -> Dense(1).</summary>
public sealed class DropoutNet : Network<Tensor, Tensor>
{
    private static readonly NetworkDescription s_description = Describe.Stack("DropoutNet", 4,
    [
        Describe.Dense("Hidden", 4, 16, "input"),
        new LayerDescription("Drop", "Dropout", new Shape(16), 0, 0, ["Hidden"]),
        Describe.Dense("Output", 16, 1, "Drop"),
    ]);

    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.Dropout _drop;
    private readonly TorchSharp.Modules.Linear _output;

    public DropoutNet(long? seed = null)
        : base(nameof(DropoutNet), s_description, () => Describe.Options(new Sgd(), Loss.MeanSquaredError))
    {
        _hidden = nn.Linear(4, 16);
        register_module("Hidden", _hidden);
        _drop = nn.Dropout(0.5);
        register_module("Drop", _drop);
        _output = nn.Linear(16, 1);
        register_module("Output", _output);
        Describe.Initialize(seed, _hidden, _output);
    }

    public override Tensor forward(Tensor input) => _output.call(_drop.call(_hidden.call(input)));
}

/// <summary>A graph: two Dense branches of the input, added, then a Dense output.</summary>
public sealed class BranchNet : Network<Tensor, Tensor>
{
    private static readonly NetworkDescription s_description = new(
        "BranchNet",
        [Describe.Input(4, "features")],
        [
            Describe.Dense("Left", 4, 3, "features"),
            Describe.Dense("Right", 4, 3, "features"),
            new LayerDescription("Merged", "Add", new Shape(3), 0, 0, ["Left", "Right"]),
            Describe.Dense("Output", 3, 1, "Merged"),
        ],
        [new OutputDescription("Output", new Shape(1), Activation.Linear)]);

    private readonly TorchSharp.Modules.Linear _left;
    private readonly TorchSharp.Modules.Linear _right;
    private readonly Layers.Add _merged;
    private readonly TorchSharp.Modules.Linear _output;

    public BranchNet()
        : base(nameof(BranchNet), s_description, () => Describe.Options(new Sgd(), Loss.MeanSquaredError))
    {
        _left = nn.Linear(4, 3);
        register_module("Left", _left);
        _right = nn.Linear(4, 3);
        register_module("Right", _right);
        _merged = new Layers.Add();
        register_module("Merged", _merged);
        _output = nn.Linear(3, 1);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input) => _output.call(_merged.call([_left.call(input), _right.call(input)]));
}

/// <summary>
/// Hidden -> optional Norm (batch normalization) -> Output, with a configurable width and output
/// name, so weight files can be made that do not fit. state_dict keys: Hidden.weight, Norm.running_mean, Output.bias...
/// </summary>
public sealed class NormalizedNet : Network<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.BatchNorm1d? _norm;
    private readonly TorchSharp.Modules.Linear _output;

    public NormalizedNet(int hidden = 8, bool withNorm = true, string outputName = "Output")
        : base(nameof(NormalizedNet), Layout(hidden, withNorm, outputName), () => new CompileOptions(new Sgd(), [new OutputOptions(outputName, Loss.MeanSquaredError)]))
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
        var hidden = nn.functional.relu(_hidden.call(input));
        return _output.call(_norm is null ? hidden : _norm.call(hidden));
    }

    private static NetworkDescription Layout(int hidden, bool withNorm, string outputName)
    {
        var dense = Describe.Dense("Hidden", 4, hidden, "input");
        var output = new LayerDescription(outputName, "Dense", new Shape(1), hidden + 1, hidden + 1, [withNorm ? "Norm" : "Hidden"]);
        return Describe.Stack("NormalizedNet", 4, withNorm
            ? [dense, new LayerDescription("Norm", "BatchNormalization", new Shape(hidden), 4 * hidden, 2 * hidden, ["Hidden"]), output]
            : [dense, output]);
    }
}

/// <summary>
/// Two inputs, two outputs: <c>wide</c> (3 features) and <c>deep</c> (2 features) are joined;
/// <c>Price</c> is a linear regression head, <c>Kind</c> a sigmoid classifier trained from logits.
/// </summary>
public sealed class TwoHeadNet : Network<Tensor, Tensor, TwoHeadNet.Outputs>
{
    private static readonly NetworkDescription s_description = new(
        "TwoHeadNet",
        [Describe.Input(3, "wide"), Describe.Input(2, "deep")],
        [
            new LayerDescription("Joined", "Concatenate", new Shape(5), 0, 0, ["wide", "deep"]),
            Describe.Dense("Price", 5, 1, "Joined"),
            Describe.Dense("Kind", 5, 1, "Joined"),
        ],
        [new OutputDescription("Price", new Shape(1), Activation.Linear), new OutputDescription("Kind", new Shape(1), Activation.Sigmoid)]);

    private readonly Layers.Concatenate _joined;
    private readonly TorchSharp.Modules.Linear _price;
    private readonly TorchSharp.Modules.Linear _kind;

    public TwoHeadNet(CompileOptions? options = null, long? seed = null)
        : base(nameof(TwoHeadNet), s_description, () => options ?? new CompileOptions(new Adam(learningRate: 0.05),
        [
            new OutputOptions("Price", Loss.MeanSquaredError, 1.0, [Metric.Mae]),
            new OutputOptions("Kind", Loss.BinaryCrossentropy, 0.5, [Metric.Accuracy]),
        ]))
    {
        _joined = new Layers.Concatenate(1);
        register_module("Joined", _joined);
        _price = nn.Linear(5, 1);
        register_module("Price", _price);
        _kind = nn.Linear(5, 1);
        register_module("Kind", _kind);
        Describe.Initialize(seed, _price, _kind);
    }

    public override Outputs forward(Tensor wide, Tensor deep) => Run(wide, deep, logits: false);

    protected override Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs)
    {
        var outputs = Run(inputs[0], inputs[1], logits: true);
        return [outputs.Price, outputs.Kind];
    }

    private Outputs Run(Tensor wide, Tensor deep, bool logits)
    {
        using var joined = _joined.call([wide, deep]);
        var kind = _kind.call(joined);
        return new Outputs(_price.call(joined), logits ? kind : nn.functional.sigmoid(kind));
    }

    /// <summary>The two outputs, as the generator writes the record of a network with several outputs.</summary>
    public sealed class Outputs(Tensor price, Tensor kind) : INetworkOutputs
    {
        public Tensor Price { get; } = price;

        public Tensor Kind { get; } = kind;

        Tensor[] INetworkOutputs.ToArray() => [Price, Kind];
    }
}

/// <summary>
/// One int64 input of two token ids (vocabulary 5) -> Embedding(5, 2) -> Flatten -> Dense(1): a
/// network whose input is not floating-point.
/// </summary>
public sealed class TokenNet : Network<Tensor, Tensor>
{
    private static readonly NetworkDescription s_description = new(
        "TokenNet",
        [new InputDescription("ids", ElementType.Int64, new Shape(2))],
        [
            new LayerDescription("Embed", "Embedding", new Shape(2, 2), 10, 10, ["ids"]),
            new LayerDescription("Flat", "Flatten", new Shape(4), 0, 0, ["Embed"]),
            Describe.Dense("Output", 4, 1, "Flat"),
        ],
        [new OutputDescription("Output", new Shape(1), Activation.Linear)]);

    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _output;

    public TokenNet()
        : base(nameof(TokenNet), s_description, () => Describe.Options(new Sgd(), Loss.MeanSquaredError))
    {
        _embed = nn.Embedding(5, 2);
        register_module("Embed", _embed);
        _output = nn.Linear(4, 1);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor ids)
    {
        using var embedded = _embed.call(ids);
        using var flat = embedded.flatten(1);
        return _output.call(flat);
    }
}

/// <summary>
/// Two sequence inputs of the same symbolic length, <c>left</c> and <c>right</c>, each shaped
/// (steps, 2): their sum, averaged over the steps, feeds a Dense(1).
/// </summary>
public sealed class PairNet : Network<Tensor, Tensor, Tensor>
{
    private static readonly Shape s_sequence = new(Dimension.Named("steps"), 2);

    private static readonly NetworkDescription s_description = new(
        "PairNet",
        [new InputDescription("left", ElementType.Float32, s_sequence), new InputDescription("right", ElementType.Float32, s_sequence)],
        [
            new LayerDescription("Summed", "Add", s_sequence, 0, 0, ["left", "right"]),
            new LayerDescription("Pooled", "GlobalAveragePooling1D", new Shape(2), 0, 0, ["Summed"]),
            Describe.Dense("Output", 2, 1, "Pooled"),
        ],
        [new OutputDescription("Output", new Shape(1), Activation.Linear)]);

    private readonly TorchSharp.Modules.Linear _output;

    public PairNet()
        : base(nameof(PairNet), s_description, () => Describe.Options(new Sgd(), Loss.MeanSquaredError))
    {
        _output = nn.Linear(2, 1);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor left, Tensor right)
    {
        using var summed = left + right;
        using var pooled = summed.mean([1]);
        return _output.call(pooled);
    }
}
