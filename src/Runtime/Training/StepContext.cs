using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// What a training or evaluation step works with: the network, its compile options and
/// optimizer, and the building blocks of the default step, so an overridden
/// <see cref="INetwork.TrainStep"/> can reuse them (Keras's <c>compute_loss</c>, <c>apply_gradients</c>,
/// metric updates) and log values of its own.
/// </summary>
public sealed class StepContext
{
    private readonly RunLogs _logs;
    private readonly optim.Optimizer? _optimizer;
    private readonly bool _isTraining;

    // The optimizers of a composite network's parts, fetched once per Fit: the first call checks the
    // part's parameters, which a step may then freeze for a while (a GAN's frozen discriminator).
    private readonly Dictionary<INetwork, optim.Optimizer> _partOptimizers = new(ReferenceEqualityComparer.Instance);

    // Per output: the activation still to apply when the network runs for logits, and whether
    // the output's loss is computed from those logits.
    private readonly Activation[] _pending;
    private readonly bool[] _fused;
    private readonly bool _runForLogits;

    internal StepContext(INetwork network, CompileOptions options, optim.Optimizer? optimizer, RunLogs logs, bool isTraining)
    {
        Network = network;
        CompileOptions = options;
        _optimizer = optimizer;
        _isTraining = isTraining;
        _logs = logs;

        var outputs = network.Description.Outputs;
        _fused = outputs.Select((output, i) => options.Outputs[i].Loss is { } loss && loss.HasLogitsForm(output.Activation)).ToArray();
        _runForLogits = _fused.Any(static fused => fused);
        _pending = outputs.Select(output => _runForLogits && output.Activation is Activation.Sigmoid or Activation.Softmax ? output.Activation : Activation.Linear).ToArray();
        // A composite network's step trains its parts with their own losses.
        if (network.Core.Parts.Count == 0 && !options.Outputs.Any(static output => output.Loss is not null) && network.Description.LossTerms.Count == 0)
        {
            throw new InvalidOperationException(
                $"{network.Description.Name} has no loss: declare Loss on [Network] or [Output], mark a method [LossTerm], or call Compile(loss: ...) before training or evaluating.");
        }
    }

    /// <summary>The network being trained or evaluated.</summary>
    public INetwork Network { get; }

    /// <summary>The optimizer and the losses and metrics of each output.</summary>
    public CompileOptions CompileOptions { get; }

    /// <summary>Whether this is a training step (gradients on, dropout active).</summary>
    public bool IsTraining => _isTraining;

    /// <summary>The TorchSharp optimizer over the trainable parameters.</summary>
    /// <exception cref="InvalidOperationException">An evaluation step has no optimizer, nor has a composite network (a GAN): see <see cref="OptimizerOf"/>.</exception>
    public optim.Optimizer Optimizer => _optimizer ?? throw new InvalidOperationException(
        _isTraining
            ? $"{Network.Description.Name} has no optimizer of its own: each of its parts trains with its own; use OptimizerOf(part)."
            : "An evaluation step has no optimizer.");

    /// <summary>
    /// The optimizer of one part of a composite network (a GAN's generator or discriminator): the
    /// one the part's compile options describe, kept by the part across <c>Fit</c> calls as its
    /// own <c>Fit</c> would keep it (Keras's <c>compile(d_optimizer=..., g_optimizer=...)</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="part"/> is not one of the network's parts.</exception>
    /// <exception cref="InvalidOperationException">This is an evaluation step.</exception>
    public optim.Optimizer OptimizerOf(INetwork part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (!_isTraining)
        {
            throw new InvalidOperationException("An evaluation step has no optimizer.");
        }

        if (_partOptimizers.TryGetValue(part, out var known))
        {
            return known;
        }

        if (!Network.Core.Parts.Any(p => ReferenceEquals(p, part)))
        {
            throw new ArgumentException(
                $"{part.Description.Name} is not a part of {Network.Description.Name}"
                + (Network.Core.Parts.Count == 0 ? ", which has none: use Optimizer." : $" (its parts are {string.Join(", ", Network.Core.Parts.Select(static p => p.Description.Name))})."),
                nameof(part));
        }

        var created = part.Core.Optimizer(part.CompileOptions.Optimizer);
        _partOptimizers[part] = created;
        return created;
    }

    /// <summary>Samples in the batch being processed.</summary>
    public long BatchSize { get; internal set; }

    /// <summary>
    /// Runs the network on the batch's inputs. Outputs whose loss has a fused form are computed as
    /// logits, and their probabilities only when asked for (<see cref="StepOutputs.Prediction"/>).
    /// </summary>
    public StepOutputs Forward(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Network.Description.LossTerms.Count == 0)
        {
            return new StepOutputs(_runForLogits ? Network.RunLogits(batch.Inputs) : Network.Run(batch.Inputs), _pending);
        }

        // forward hands its loss terms over while the step collects them (Keras's add_loss).
        var core = Network.Core;
        core.CollectedLossTerms = [];
        try
        {
            var raw = _runForLogits ? Network.RunLogits(batch.Inputs) : Network.Run(batch.Inputs);
            return new StepOutputs(raw, _pending, core.CollectedLossTerms);
        }
        finally
        {
            core.CollectedLossTerms = null;
        }
    }

    /// <summary>
    /// The weighted sum of the outputs' losses against the batch's targets, plus the network's loss
    /// terms (Keras's <c>compute_loss</c> with <c>add_loss</c>); logs it as <c>loss</c>, each output's loss
    /// as <c>{output}_loss</c> when there are several, and each loss term under its name.
    /// </summary>
    /// <remarks>
    /// A batch with <see cref="Batch.SampleWeights"/> weights every output's loss by them, as Keras
    /// weights each output's loss: the mean of the weighted per-entry losses
    /// (<see cref="Losses.LossFunction.ComputeUnreduced"/>). Loss terms are added unweighted, as
    /// Keras's <c>add_loss</c> values are: they are already reduced over the batch.
    /// </remarks>
    public Tensor ComputeLoss(Batch batch, StepOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(outputs);
        Tensor? total = null;
        var several = CompileOptions.Outputs.Count > 1;
        for (var i = 0; i < outputs.Count; i++)
        {
            var options = CompileOptions.Outputs[i];
            if (options.Loss is not { } loss)
            {
                continue;
            }

            var target = batch.Targets[i];
            Tensor value;
            if (batch.SampleWeights is { } weights)
            {
                var unreduced = _fused[i]
                    ? loss.ComputeUnreducedFromLogits(outputs.Logits(i)!, Network.Description.Outputs[i].Activation, target)
                    : loss.ComputeUnreduced(outputs.Prediction(i), target);
                value = SampleWeights.WeightedMean(unreduced, weights);
            }
            else
            {
                value = _fused[i]
                    ? loss.ComputeFromLogits(outputs.Logits(i)!, Network.Description.Outputs[i].Activation, target)
                    : loss.Compute(outputs.Prediction(i), target);
            }

            if (several)
            {
                Log(options.Name + "_loss", value);
            }

            Tensor weighted;
            if (options.LossWeight == 1)
            {
                weighted = value;
            }
            else
            {
                using var weight = options.LossWeight.ToScalar();
                weighted = value.mul(weight);
            }

            total = total is null ? weighted : total.add(weighted, Scalars.One);
        }

        foreach (var (name, value) in outputs.LossTerms)
        {
            Log(name, value);
            total = total is null ? value : total.add(value, Scalars.One);
        }

        if (total is null)
        {
            throw new InvalidOperationException($"{Network.Description.Name} computed no loss: its outputs have none and forward added no loss term.");
        }

        Log("loss", total);
        return total;
    }

    /// <summary>Adds the batch to every output's metrics (on the outputs' probabilities, without gradients).</summary>
    public void UpdateMetrics(Batch batch, StepOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(outputs);
        if (!_logs.HasMetrics)
        {
            return;
        }

        using var noGrad = no_grad();
        for (var i = 0; i < outputs.Count; i++)
        {
            var metrics = _logs.MetricsByOutput[i];
            if (metrics.Length == 0 || batch.Targets.Count == 0)
            {
                continue;
            }

            var prediction = outputs.Prediction(i);
            foreach (var metric in metrics)
            {
                metric.Update(prediction, batch.Targets[i]);
            }
        }
    }

    /// <summary>Applies the optimizer's decoupled weight decay, then its step (Keras's <c>apply_gradients</c>).</summary>
    public void ApplyGradients()
    {
        CompileOptions.Optimizer.DecayWeights(Optimizer);
        Optimizer.step();
    }

    /// <summary>As <see cref="ApplyGradients()"/>, with the optimizer of one part of a composite network (<see cref="OptimizerOf"/>).</summary>
    public void ApplyGradients(INetwork part)
    {
        var optimizer = OptimizerOf(part);
        part.CompileOptions.Optimizer.DecayWeights(optimizer);
        optimizer.step();
    }

    /// <summary>
    /// Logs a scalar (a tensor of one element, in any shape) under <paramref name="name"/>: the
    /// epoch's value is its mean over samples, and it appears in the progress line and in
    /// <c>History</c> like the loss.
    /// </summary>
    public void Log(string name, Tensor value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (value.numel() != 1)
        {
            throw new ArgumentException($"Log takes one value; '{name}' has shape {Shape.Format(value.shape)}.", nameof(value));
        }

        _logs.Tracker(name).Add(value, BatchSize);
    }

    /// <summary>The default training step; <see cref="INetwork.TrainStep"/> calls it unless overridden.</summary>
    public void DefaultTrainStep(Batch batch)
    {
        Optimizer.zero_grad();
        var outputs = Forward(batch);
        var loss = ComputeLoss(batch, outputs);
        loss.backward();
        ApplyGradients();
        UpdateMetrics(batch, outputs);
    }

    /// <summary>The default evaluation step; <see cref="INetwork.TestStep"/> calls it unless overridden.</summary>
    public void DefaultTestStep(Batch batch)
    {
        var outputs = Forward(batch);
        ComputeLoss(batch, outputs);
        UpdateMetrics(batch, outputs);
    }
}
