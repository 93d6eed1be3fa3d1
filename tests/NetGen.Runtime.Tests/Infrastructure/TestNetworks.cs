using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Infrastructure;

/// <summary>Written the way the generator writes a network: 4 -> Dense(8, relu) -> Dense(1, sigmoid).</summary>
public sealed class TinyNet : Network
{
    private static readonly NetworkDescription s_description = new("TinyNet", "input", new Shape(4),
    [
        new LayerDescription("Hidden", "Dense", new Shape(8), 40, 40, ["input"]),
        new LayerDescription("Output", "Dense", new Shape(1), 9, 9, ["Hidden"]),
    ]);

    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.Linear _output;

    public TinyNet(CompileOptions? options = null)
        : base(nameof(TinyNet), s_description, options ?? new CompileOptions(Loss.BinaryCrossentropy, [Metric.Accuracy], new Adam(learningRate: 0.01)))
    {
        _hidden = nn.Linear(4, 8);
        register_module("Hidden", _hidden);
        _output = nn.Linear(8, 1);
        register_module("Output", _output);
    }

    public TinyNet(Optimizer optimizer, params Metric[] metrics)
        : this(new CompileOptions(Loss.BinaryCrossentropy, metrics.Length == 0 ? [Metric.Accuracy] : metrics, optimizer))
    {
    }

    public override Tensor forward(Tensor input) => nn.functional.sigmoid(_output.forward(nn.functional.relu(_hidden.forward(input))));

    /// <summary>A copy with the same weights (TorchSharp's RNG is global and tests run in parallel).</summary>
    public TinyNet CloneWithOptions(CompileOptions options)
    {
        var copy = new TinyNet(options);
        copy.load_state_dict(state_dict());
        return copy;
    }
}

/// <summary>One weight, no bias: output = w * x. Starts at w = 1.</summary>
public sealed class ScalarNet : Network
{
    private static readonly NetworkDescription s_description = new("ScalarNet", "input", new Shape(1),
        [new LayerDescription("Output", "Dense", new Shape(1), 1, 1, ["input"])]);

    private readonly TorchSharp.Modules.Linear _output;

    public ScalarNet(Optimizer optimizer)
        : base(nameof(ScalarNet), s_description, new CompileOptions(Loss.MeanSquaredError, [], optimizer))
    {
        _output = nn.Linear(1, 1, hasBias: false);
        register_module("Output", _output);
        using (no_grad())
        {
            _output.weight!.fill_(1.0);
        }
    }

    public double Weight => _output.weight!.item<float>();

    public override Tensor forward(Tensor input) => _output.forward(input);
}

/// <summary>No parameters: the output is the input. Lets Predict/PredictClasses be checked on chosen values.</summary>
public sealed class IdentityNet : Network
{
    public IdentityNet(int width, Loss loss = Loss.MeanSquaredError)
        : base(nameof(IdentityNet), new NetworkDescription("IdentityNet", "input", new Shape(width),
            [new LayerDescription("Output", "Activation", new Shape(width), 0, 0, ["input"])]),
            new CompileOptions(loss, [], new Sgd()))
    {
    }

    public override Tensor forward(Tensor input) => input.clone();
}

/// <summary>4 -> Dense(16) -> Dropout(0.5) -> Dense(1).</summary>
public sealed class DropoutNet : Network
{
    private static readonly NetworkDescription s_description = new("DropoutNet", "input", new Shape(4),
    [
        new LayerDescription("Hidden", "Dense", new Shape(16), 80, 80, ["input"]),
        new LayerDescription("Drop", "Dropout", new Shape(16), 0, 0, ["Hidden"]),
        new LayerDescription("Output", "Dense", new Shape(1), 17, 17, ["Drop"]),
    ]);

    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.Dropout _drop;
    private readonly TorchSharp.Modules.Linear _output;

    public DropoutNet()
        : base(nameof(DropoutNet), s_description, new CompileOptions(Loss.MeanSquaredError, [], new Sgd()))
    {
        _hidden = nn.Linear(4, 16);
        register_module("Hidden", _hidden);
        _drop = nn.Dropout(0.5);
        register_module("Drop", _drop);
        _output = nn.Linear(16, 1);
        register_module("Output", _output);
    }

    public override Tensor forward(Tensor input) => _output.forward(_drop.forward(_hidden.forward(input)));
}

/// <summary>A graph: two Dense branches of the input, added, then a Dense output.</summary>
public sealed class BranchNet : Network
{
    private static readonly NetworkDescription s_description = new("BranchNet", "features", new Shape(4),
    [
        new LayerDescription("Left", "Dense", new Shape(3), 15, 15, ["features"]),
        new LayerDescription("Right", "Dense", new Shape(3), 15, 15, ["features"]),
        new LayerDescription("Merged", "Add", new Shape(3), 0, 0, ["Left", "Right"]),
        new LayerDescription("Output", "Dense", new Shape(1), 4, 4, ["Merged"]),
    ]);

    private readonly TorchSharp.Modules.Linear _left;
    private readonly TorchSharp.Modules.Linear _right;
    private readonly Layers.Add _merged;
    private readonly TorchSharp.Modules.Linear _output;

    public BranchNet()
        : base(nameof(BranchNet), s_description, new CompileOptions(Loss.MeanSquaredError, [], new Sgd()))
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

    public override Tensor forward(Tensor input) => _output.forward(_merged.forward([_left.forward(input), _right.forward(input)]));
}

/// <summary>4 -> Dense(8) -> BatchNormalization -> Dense(1).</summary>
public sealed class NormalizedNet : Network
{
    private static readonly NetworkDescription s_description = new("NormalizedNet", "input", new Shape(4),
    [
        new LayerDescription("Hidden", "Dense", new Shape(8), 40, 40, ["input"]),
        new LayerDescription("Norm", "BatchNormalization", new Shape(8), 32, 16, ["Hidden"]),
        new LayerDescription("Output", "Dense", new Shape(1), 9, 9, ["Norm"]),
    ]);

    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.BatchNorm1d _norm;
    private readonly TorchSharp.Modules.Linear _output;

    public NormalizedNet()
        : base(nameof(NormalizedNet), s_description, new CompileOptions(Loss.MeanSquaredError, [], new Sgd()))
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

/// <summary>Deterministic toy data built with System.Random, so parallel tests do not share torch's RNG.</summary>
public static class ToyData
{
    /// <summary>Linearly separable: the label is whether the four features sum above zero.</summary>
    public static (Tensor X, Tensor Y) Separable(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * 4];
        var labels = new float[count];
        for (var i = 0; i < count; i++)
        {
            float sum = 0;
            for (var j = 0; j < 4; j++)
            {
                var value = (float)((random.NextDouble() * 2) - 1);
                values[(i * 4) + j] = value;
                sum += value;
            }

            labels[i] = sum > 0 ? 1 : 0;
        }

        return (tensor(values, [count, 4]), tensor(labels, [count, 1]));
    }

    /// <summary>The values as floats; the intermediate tensors are disposed so memory probes stay exact.</summary>
    public static float[] Floats(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }
}

/// <summary>Records what Fit reports: batches per epoch, logs, live tensors, chosen parameters.</summary>
public sealed class Recorder : Callback
{
    private int _batches;

    public List<int> BatchesPerEpoch { get; } = new();

    public List<Dictionary<string, double>> Logs { get; } = new();

    public List<long> LiveTensors { get; } = new();

    public List<float[]> OutputWeights { get; } = new();

    public Func<int, double>? Score { get; init; }

    public override void OnEpochBegin(Callbacks.TrainingContext context, int epoch) => _batches = 0;

    public override void OnBatchEnd(Callbacks.TrainingContext context, int batch, double loss) => _batches++;

    public override void OnEpochEnd(Callbacks.TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        BatchesPerEpoch.Add(_batches);
        if (Score is { } score)
        {
            // Fit hands callbacks its (mutable) log dictionary: later callbacks see the scripted value.
            ((IDictionary<string, double>)logs)["score"] = score(epoch);
        }

        Logs.Add(new Dictionary<string, double>(logs));
        LiveTensors.Add(DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
        OutputWeights.Add(ToyData.Floats(context.Network.state_dict()["Output.weight"]));
    }
}
