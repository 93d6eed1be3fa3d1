using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NetGen.Data;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// <c>Evaluate</c>, <c>Predict</c> and <c>PredictClasses</c> for every network. They run in eval
/// mode without gradients, under the network's lock: concurrent calls from several threads get
/// the single-threaded results, and the module's training mode is restored before the lock is
/// released, so they never disturb each other or a <c>Fit</c> in progress (they wait for its step).
/// </summary>
public static class NetworkEvaluation
{
    /// <summary>The loss and the compiled metrics on samples of a network with one input and one output.</summary>
    /// <param name="network">The network.</param>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">Targets, one row per sample.</param>
    /// <param name="batchSize">Samples per forward pass; results are over all samples, not batch means.</param>
    /// <param name="threads">libtorch's thread count during the call; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <param name="sampleWeight">
    /// Keras's <c>sample_weight</c>: one finite, non-negative weight per sample, shape (samples) or (samples, 1),
    /// weighting each output's loss as <c>Fit</c> does (the weighted sum over the number of samples).
    /// Metrics stay unweighted (Keras's <c>metrics</c>, not <c>weighted_metrics</c>).
    /// </param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <exception cref="ArgumentException"><paramref name="sampleWeight"/> has the wrong shape or holds a value that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleWeight"/> holds a negative weight.</exception>
    public static EvaluationResult Evaluate(this INetwork network, Tensor x, Tensor y, int batchSize = 32, ThreadPolicy? threads = null, Tensor? sampleWeight = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        NetworkTraining.Single(network, nameof(x));
        return EvaluateTensors(network, [x], [y], batchSize, threads, sampleWeight, cancellationToken);
    }

    /// <summary>
    /// The loss terms (and their sum, <c>loss</c>) of a network whose losses are all loss terms, such as
    /// a variational autoencoder's KL divergence and reconstruction, on samples without targets:
    /// Keras's <c>evaluate(x)</c>. The terms are computed in eval mode, as every evaluation is.
    /// </summary>
    /// <exception cref="ArgumentException">The network has no loss term, or an output has a loss or metrics that need targets.</exception>
    /// <inheritdoc cref="Evaluate(INetwork, Tensor, Tensor, int, ThreadPolicy?, Tensor?, CancellationToken)"/>
    public static EvaluationResult Evaluate(this INetwork network, Tensor x, int batchSize = 32, ThreadPolicy? threads = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        NetworkTraining.SingleInput(network, nameof(x));
        NetworkTraining.CheckNeedsNoTargets(network, "Evaluate", nameof(x));
        return EvaluateTensors(network, [x], [], batchSize, threads, sampleWeight: null, cancellationToken);
    }

    /// <summary>The losses and metrics on samples given by name (inputs by input name, targets by output name).</summary>
    /// <inheritdoc cref="Evaluate(INetwork, Tensor, Tensor, int, ThreadPolicy?, Tensor?, CancellationToken)"/>
    public static EvaluationResult Evaluate(this INetwork network, IReadOnlyDictionary<string, Tensor> x, IReadOnlyDictionary<string, Tensor> y, int batchSize = 32, ThreadPolicy? threads = null, Tensor? sampleWeight = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var description = network.Description;
        return EvaluateTensors(
            network,
            NetworkTraining.ByName(description.Inputs.Select(static i => i.Name), x, "input", nameof(x)),
            NetworkTraining.ByName(description.Outputs.Select(static o => o.Name), y, "output", nameof(y)),
            batchSize,
            threads,
            sampleWeight,
            cancellationToken);
    }

    /// <summary>The losses and metrics over batches from any source, with targets.</summary>
    /// <param name="network">The network.</param>
    /// <param name="batches">The batches, enumerated once.</param>
    /// <param name="threads">libtorch's thread count during the call; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <remarks>
    /// A batch's <see cref="Batch.SampleWeights"/> weight every output's loss as <c>Evaluate(x, y, sampleWeight:)</c>
    /// weights it: the weighted sum over the number of samples of all batches. Metrics stay unweighted.
    /// </remarks>
    /// <exception cref="ArgumentException">A batch is empty, does not fit the network, or has sample weights of the wrong shape, not finite, or without targets.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A batch holds a negative sample weight.</exception>
    public static EvaluationResult Evaluate(this INetwork network, IEnumerable<Batch> batches, ThreadPolicy? threads = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(batches);
        var source = new EnumeratedBatches(network, new Placement(network), batches, needsTargets: true, nameof(batches));
        var warnings = CheckRoles(network, [batches], nameof(batches));
        using var threadScope = (threads ?? ThreadPolicy.Default).Apply(32 * network.Description.TrainableParameterCount);
        return new EvaluationResult(EvaluateCore(network, network.CompileOptions, source, cancellationToken), warnings);
    }

    /// <summary>The outputs of a network with one input and one output, computed batch by batch.</summary>
    /// <param name="network">The network.</param>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="threads">libtorch's thread count during the call; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>One output row per sample, owned by the caller's dispose scope.</returns>
    public static Tensor Predict(this INetwork network, Tensor x, int batchSize = 32, ThreadPolicy? threads = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        NetworkTraining.Single(network, nameof(x));
        return PredictTensors(network, [x], batchSize, threads, cancellationToken)[0];
    }

    /// <summary>The outputs, by output name, for inputs given by input name.</summary>
    /// <inheritdoc cref="Predict(INetwork, Tensor, int, ThreadPolicy?, CancellationToken)"/>
    public static IReadOnlyDictionary<string, Tensor> Predict(this INetwork network, IReadOnlyDictionary<string, Tensor> x, int batchSize = 32, ThreadPolicy? threads = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var description = network.Description;
        var outputs = PredictTensors(network, NetworkTraining.ByName(description.Inputs.Select(static i => i.Name), x, "input", nameof(x)), batchSize, threads, cancellationToken);
        return description.Outputs.Select(static o => o.Name).Zip(outputs).ToDictionary(static pair => pair.First, static pair => pair.Second, StringComparer.Ordinal);
    }

    /// <summary>
    /// Predicted classes as int64, one per sample: for one output column, 1 where the output
    /// exceeds <paramref name="threshold"/>; for several, the argmax.
    /// </summary>
    /// <param name="network">A network with one input and one output.</param>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="threshold">Decision threshold of a single sigmoid output.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="threads">libtorch's thread count during the call; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    public static Tensor PredictClasses(this INetwork network, Tensor x, double threshold = 0.5, int batchSize = 32, ThreadPolicy? threads = null, CancellationToken cancellationToken = default)
    {
        using var scope = NewDisposeScope();
        var predictions = network.Predict(x, batchSize, threads, cancellationToken);
        using var cut = threshold.ToScalar();
        var classes = predictions.dim() == 2 && predictions.shape[1] > 1
            ? predictions.argmax(1)
            : predictions.reshape(-1).gt(cut).to_type(ScalarType.Int64);
        return classes.MoveToOuterDisposeScope();
    }

    private static EvaluationResult EvaluateTensors(INetwork network, Tensor[] x, Tensor[] y, int batchSize, ThreadPolicy? threads, Tensor? sampleWeight, CancellationToken cancellationToken)
    {
        NetworkTraining.CheckBatchSize(batchSize);
        using var source = TensorBatches.Create(network, new Placement(network), x, y, batchSize, shuffle: null, nameof(x), sampleWeight, nameof(sampleWeight));
        var warnings = CheckRoles(network, [.. x, .. y], y.Length == 0 ? "data (x)" : "data (x, y)");
        using var threadScope = (threads ?? ThreadPolicy.Default).Apply(batchSize * network.Description.TrainableParameterCount);
        return new EvaluationResult(EvaluateCore(network, network.CompileOptions, source, cancellationToken), warnings);
    }

    /// <summary>The role warnings of an evaluation, printed to <see cref="DataRoles.Output"/> before it runs.</summary>
    private static IReadOnlyList<RoleWarning> CheckRoles(INetwork network, object[] data, string argument)
    {
        var warnings = RoleChecks.Evaluate(network, data, argument);
        if (warnings.Count > 0)
        {
            DataRoles.Report(warnings, DataRoles.Writer);
        }

        return warnings;
    }

    /// <summary>Runs the test step over every batch in eval mode without gradients; the values over all samples.</summary>
    internal static Dictionary<string, double> EvaluateCore(INetwork network, CompileOptions options, BatchSource source, CancellationToken cancellationToken)
    {
        var logs = new RunLogs(network.Description, options);
        var step = new StepContext(network, options, optimizer: null, logs, isTraining: false);
        try
        {
            InInferenceMode(network, () =>
            {
                using var batches = source.Batches(0).GetEnumerator();
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!batches.MoveNext())
                    {
                        break;
                    }

                    // The batch is cut inside the step's scope, so its slices and copies die with the step.
                    using var scope = NewDisposeScope();
                    var batch = batches.Current();
                    step.BatchSize = batch.Size;
                    network.TestStep(batch, step);
                }
            });
            return logs.Results();
        }
        finally
        {
            logs.Reset();
        }
    }

    private static Tensor[] PredictTensors(INetwork network, Tensor[] x, int batchSize, ThreadPolicy? threads, CancellationToken cancellationToken)
    {
        NetworkTraining.CheckBatchSize(batchSize);
        var placement = new Placement(network);
        // size(0), not shape[0]: reading a whole shape costs a native callback (about 0.8 us),
        // as much as a small batch's share of the forward pass.
        var rows = x[0].dim() == 0 ? 0 : x[0].size(0);
        if (x.Any(tensor => tensor.dim() == 0 || tensor.size(0) != rows))
        {
            throw new ArgumentException($"Every input needs one row per sample; got {string.Join(" and ", x.Select(static t => Shape.Format(t.shape)))}.", nameof(x));
        }

        if (rows == 0)
        {
            throw new ArgumentException($"The inputs for {network.Description.Name} have no samples.", nameof(x));
        }

        placement.CheckInputs(x, nameof(x));
        using var threadScope = (threads ?? ThreadPolicy.Default).Apply(batchSize * network.Description.TrainableParameterCount);

        // The outer scope owns each batch's outputs until they are concatenated; each batch's
        // intermediates die with its own scope, so memory holds outputs, not activations.
        using var outer = NewDisposeScope();
        var collected = network.Description.Outputs.Select(static _ => new List<Tensor>()).ToArray();
        InInferenceMode(network, () =>
        {
            for (long start = 0; start < rows; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var batch = NewDisposeScope();
                var length = Math.Min(batchSize, rows - start);
                var inputs = new Tensor[x.Length];
                for (var i = 0; i < x.Length; i++)
                {
                    inputs[i] = placement.Input(x[i].narrow(0, start, length), i);
                }

                var outputs = network.Run(inputs);
                for (var i = 0; i < outputs.Length; i++)
                {
                    collected[i].Add(outputs[i].MoveToOuterDisposeScope());
                }
            }
        });

        return collected.Select(static parts => (parts.Count == 1 ? parts[0].alias() : cat(parts, 0)).MoveToOuterDisposeScope()).ToArray();
    }

    /// <summary>
    /// Runs <paramref name="action"/> in eval mode without gradients under the network's lock,
    /// then restores the previous mode before releasing it.
    /// </summary>
    internal static void InInferenceMode(INetwork network, Action action)
    {
        var module = (nn.Module)network;
        lock (network.Core.Gate)
        {
            var wasTraining = module.training;
            if (wasTraining)
            {
                module.eval();
            }

            try
            {
                using var noGrad = no_grad();
                action();
            }
            finally
            {
                if (wasTraining)
                {
                    module.train();
                }
            }
        }
    }
}
