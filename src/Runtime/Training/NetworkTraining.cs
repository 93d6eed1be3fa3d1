using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using NetGen.Callbacks;
using NetGen.Training;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// <c>Fit</c>, Keras-style, for every network: in-memory tensors (one input and output, or by
/// name), or batches from any source. Every step runs in a dispose scope, so memory stays flat
/// however many epochs run; losses and metrics stay on the device until a progress line needs them.
/// </summary>
public static class NetworkTraining
{
    /// <summary>Trains a network with one input and one output on tensors in memory.</summary>
    /// <param name="network">The network.</param>
    /// <param name="x">Inputs, one row per sample, each shaped like the input.</param>
    /// <param name="y">Targets, one row per sample (class ids for sparse categorical cross-entropy).</param>
    /// <param name="epochs">The epoch training ends with, as Keras's <c>epochs</c>: the number of passes for a run from epoch 0, not a count beyond <paramref name="initialEpoch"/>.</param>
    /// <param name="batchSize">Samples per optimizer step; the last batch of an epoch may be smaller.</param>
    /// <param name="shuffle">Whether the training samples are reshuffled every epoch.</param>
    /// <param name="validationSplit">Fraction in [0, 1) of the last samples held out for validation (taken before shuffling).</param>
    /// <param name="validationData">Separate validation samples; not together with <paramref name="validationSplit"/>. <paramref name="validationSampleWeight"/> weights them.</param>
    /// <param name="callbacks">Hooks such as <see cref="EarlyStopping"/> and <see cref="TerminateOnNaN"/>.</param>
    /// <param name="verbose">How much progress is printed.</param>
    /// <param name="output">Where progress goes; the console by default.</param>
    /// <param name="seed">Seeds the shuffling and TorchSharp's process-wide generator (dropout), for reproducible runs; a run is reproducible when nothing else draws from that generator while it trains.</param>
    /// <param name="threads">libtorch's thread count during training; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <param name="classWeight">
    /// Keras's <c>class_weight</c>: each training sample's loss is multiplied by the weight of its class
    /// (the argmax of a one-hot target row, else the rounded label: an integer class id or a binary 0/1
    /// target); classes not in the dictionary weigh 1. The weighted loss is the weighted sum over the
    /// number of samples, not over the sum of the weights (Keras's <c>sum_over_batch_size</c>). Validation
    /// samples are not weighted by class. Only for a network with one output; not with <paramref name="sampleWeight"/>.
    /// </param>
    /// <param name="sampleWeight">
    /// Keras's <c>sample_weight</c>: one finite, non-negative weight per sample, shape (samples) or
    /// (samples, 1), shuffled and batched with <paramref name="x"/> and <paramref name="y"/> and multiplied
    /// into each output's loss as <paramref name="classWeight"/> is; with <paramref name="validationSplit"/>
    /// the held-out samples keep theirs, so <c>val_loss</c> is weighted too. Loss terms (<c>[LossTerm]</c>)
    /// are added unweighted, as Keras's <c>add_loss</c> values are.
    /// Metrics stay unweighted (Keras's <c>metrics</c>, not <c>weighted_metrics</c>).
    /// </param>
    /// <param name="initialEpoch">
    /// The 0-based epoch to start at, to resume an earlier run (Keras's <c>initial_epoch</c>): epochs
    /// <paramref name="initialEpoch"/> to <paramref name="epochs"/> - 1 are trained, numbered so in the progress,
    /// in <see cref="History.EpochIndices"/> and for callbacks; none when it is not below <paramref name="epochs"/>.
    /// With the same <paramref name="seed"/> the shuffling continues where the uninterrupted run would be;
    /// TorchSharp's generator (dropout) is seeded afresh.
    /// </param>
    /// <param name="validationSampleWeight">
    /// The third element of Keras's <c>validation_data=(x_val, y_val, val_sample_weight)</c>: one finite,
    /// non-negative weight per sample of <paramref name="validationData"/>, shape (samples) or (samples, 1),
    /// weighting <c>val_loss</c> (and each output's <c>val_</c> loss) as <c>Evaluate(..., sampleWeight:)</c> weights
    /// the loss: the weighted sum over the number of validation samples. Needs <paramref name="validationData"/>;
    /// with <paramref name="validationSplit"/> the held-out samples keep their <paramref name="sampleWeight"/> instead.
    /// <paramref name="classWeight"/> never weights validation samples, as in Keras.
    /// </param>
    /// <param name="cancellationToken">Checked before every batch; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>Every logged value per epoch.</returns>
    /// <exception cref="ArgumentException">The weights have the wrong shape, both kinds are given, class weights are given for a network with several outputs, or validation weights are given without <c>validationData</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, or <paramref name="initialEpoch"/> is negative.</exception>
    public static History Fit(
        this INetwork network,
        Tensor x,
        Tensor y,
        int epochs = 1,
        int batchSize = 32,
        bool shuffle = true,
        double validationSplit = 0,
        (Tensor X, Tensor Y)? validationData = null,
        IEnumerable<Callback>? callbacks = null,
        Verbosity verbose = Verbosity.Epoch,
        TextWriter? output = null,
        int? seed = null,
        ThreadPolicy? threads = null,
        IReadOnlyDictionary<int, double>? classWeight = null,
        Tensor? sampleWeight = null,
        int initialEpoch = 0,
        Tensor? validationSampleWeight = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Single(network, nameof(x));
        return FitTensors(
            network, [x], [y], epochs, batchSize, shuffle, validationSplit,
            validationData is { } v ? ([v.X ?? throw new ArgumentNullException(nameof(validationData))], [v.Y ?? throw new ArgumentNullException(nameof(validationData))]) : null,
            callbacks, verbose, output, seed, threads, new FitArguments(classWeight, sampleWeight, initialEpoch, validationSampleWeight), cancellationToken);
    }

    /// <summary>
    /// Trains a network whose losses are all loss terms (methods marked <c>[LossTerm]</c>, such as a
    /// variational autoencoder's KL divergence and reconstruction), without targets: Keras's <c>fit(x)</c>.
    /// The network needs one input; it may have several outputs, since none needs a target.
    /// </summary>
    /// <exception cref="ArgumentException">The network has several inputs or no loss term, or an output has a loss or metrics that need targets.</exception>
    /// <inheritdoc cref="Fit(INetwork, Tensor, Tensor, int, int, bool, double, ValueTuple{Tensor, Tensor}?, IEnumerable{Callback}?, Verbosity, TextWriter?, int?, ThreadPolicy?, IReadOnlyDictionary{int, double}?, Tensor?, int, Tensor?, CancellationToken)"/>
    public static History Fit(
        this INetwork network,
        Tensor x,
        int epochs = 1,
        int batchSize = 32,
        bool shuffle = true,
        double validationSplit = 0,
        Tensor? validationData = null,
        IEnumerable<Callback>? callbacks = null,
        Verbosity verbose = Verbosity.Epoch,
        TextWriter? output = null,
        int? seed = null,
        ThreadPolicy? threads = null,
        int initialEpoch = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        SingleInput(network, nameof(x));
        CheckNeedsNoTargets(network, "Fit", nameof(x));
        return FitTensors(
            network, [x], [], epochs, batchSize, shuffle, validationSplit,
            validationData is { } v ? ([v], []) : null,
            callbacks, verbose, output, seed, threads, new FitArguments(null, null, initialEpoch, null), cancellationToken);
    }

    /// <summary>
    /// Throws unless every loss of <paramref name="network"/> is a loss term and no output has a loss
    /// or metrics, so <paramref name="method"/> (<c>Fit</c>, <c>Evaluate</c>) can run without targets.
    /// </summary>
    internal static void CheckNeedsNoTargets(INetwork network, string method, string parameter)
    {
        var description = network.Description;
        if (description.LossTerms.Count == 0)
        {
            throw new ArgumentException($"{description.Name} has no loss term ([LossTerm] method), so it needs targets: call {method}(x, y).", parameter);
        }

        if (network.CompileOptions.Outputs.FirstOrDefault(static o => o.Loss is not null || o.Metrics.Count > 0) is { } needsTargets)
        {
            throw new ArgumentException($"Output '{needsTargets.Name}' of {description.Name} has a loss or metrics, which need targets: call {method}(x, y), or Compile it without them.", parameter);
        }
    }

    /// <summary>
    /// Trains a network on tensors in memory given by name: <paramref name="x"/> by input name,
    /// <paramref name="y"/> by output name (Keras's <c>fit(x={...}, y={...})</c>). One <c>sampleWeight</c>
    /// weights every output's loss, and one <c>validationSampleWeight</c> every output's validation loss;
    /// <c>classWeight</c> needs a network with one output, as in Keras.
    /// </summary>
    /// <inheritdoc cref="Fit(INetwork, Tensor, Tensor, int, int, bool, double, ValueTuple{Tensor, Tensor}?, IEnumerable{Callback}?, Verbosity, TextWriter?, int?, ThreadPolicy?, IReadOnlyDictionary{int, double}?, Tensor?, int, Tensor?, CancellationToken)"/>
    public static History Fit(
        this INetwork network,
        IReadOnlyDictionary<string, Tensor> x,
        IReadOnlyDictionary<string, Tensor> y,
        int epochs = 1,
        int batchSize = 32,
        bool shuffle = true,
        double validationSplit = 0,
        (IReadOnlyDictionary<string, Tensor> X, IReadOnlyDictionary<string, Tensor> Y)? validationData = null,
        IEnumerable<Callback>? callbacks = null,
        Verbosity verbose = Verbosity.Epoch,
        TextWriter? output = null,
        int? seed = null,
        ThreadPolicy? threads = null,
        IReadOnlyDictionary<int, double>? classWeight = null,
        Tensor? sampleWeight = null,
        int initialEpoch = 0,
        Tensor? validationSampleWeight = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var description = network.Description;
        return FitTensors(
            network,
            ByName(description.Inputs.Select(static i => i.Name), x, "input", nameof(x)),
            ByName(description.Outputs.Select(static o => o.Name), y, "output", nameof(y)),
            epochs, batchSize, shuffle, validationSplit,
            validationData is { } v
                ? (ByName(description.Inputs.Select(static i => i.Name), v.X, "input", nameof(validationData)), ByName(description.Outputs.Select(static o => o.Name), v.Y, "output", nameof(validationData)))
                : null,
            callbacks, verbose, output, seed, threads, new FitArguments(classWeight, sampleWeight, initialEpoch, validationSampleWeight), cancellationToken);
    }

    /// <summary>
    /// Trains a network on batches from any source (an image folder with augmentation, time-series
    /// windows, a TorchSharp <c>DataLoader</c> through <see cref="Batches.AsBatches"/>), enumerated
    /// once per epoch; shuffling is the source's business.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="batches">The training batches, with targets.</param>
    /// <param name="epochs">The epoch training ends with: the number of passes for a run from epoch 0.</param>
    /// <param name="validationData">Validation batches, evaluated after every epoch.</param>
    /// <param name="callbacks">Hooks such as <see cref="EarlyStopping"/>.</param>
    /// <param name="verbose">How much progress is printed.</param>
    /// <param name="output">Where progress goes; the console by default.</param>
    /// <param name="seed">Seeds TorchSharp's process-wide generator (dropout), for reproducible runs; a run is reproducible when nothing else draws from that generator while it trains.</param>
    /// <param name="threads">libtorch's thread count during training; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <param name="initialEpoch">The 0-based epoch to start at, to resume an earlier run (Keras's <c>initial_epoch</c>); the source is enumerated once per epoch trained.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <remarks>
    /// A batch's <see cref="Batch.SampleWeights"/> weight every output's loss as <c>Fit(x, y, sampleWeight:)</c>
    /// weights it, in training and in validation (<c>val_loss</c>); each batch's weights are checked as it arrives.
    /// </remarks>
    /// <exception cref="ArgumentException">A batch is empty, does not fit the network, or has sample weights of the wrong shape, not finite, or without targets.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A batch holds a negative sample weight.</exception>
    public static History Fit(
        this INetwork network,
        IEnumerable<Batch> batches,
        int epochs = 1,
        IEnumerable<Batch>? validationData = null,
        IEnumerable<Callback>? callbacks = null,
        Verbosity verbose = Verbosity.Epoch,
        TextWriter? output = null,
        int? seed = null,
        ThreadPolicy? threads = null,
        int initialEpoch = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(batches);
        CheckEpochs(epochs, initialEpoch);
        var placement = new Placement(network);
        var training = new EnumeratedBatches(network, placement, batches, needsTargets: true, nameof(batches));
        var validation = validationData is null ? null : new EnumeratedBatches(network, placement, validationData, needsTargets: true, nameof(validationData));
        var data = new FitData([batches], validationData is null ? null : [validationData]);
        return FitCore(network, training, validation, data, epochs, initialEpoch, batchSizeHint: null, callbacks, verbose, output, seed, threads, cancellationToken);
    }

    /// <summary>
    /// Trains on batches without targets (a GAN's real samples): the network's step decides what
    /// it learns from them.
    /// </summary>
    internal static History FitWithoutTargets(
        INetwork network,
        IEnumerable<Batch> batches,
        int epochs,
        IEnumerable<Callback>? callbacks,
        Verbosity verbose,
        TextWriter? output,
        int? seed,
        ThreadPolicy? threads,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        CheckEpochs(epochs, initialEpoch: 0);
        var placement = new Placement(network);
        var training = new EnumeratedBatches(network, placement, batches, needsTargets: false, nameof(batches));
        return FitCore(network, training, null, new FitData([batches], null), epochs, initialEpoch: 0, batchSizeHint: null, callbacks, verbose, output, seed, threads, cancellationToken);
    }

    internal static History FitTensors(
        INetwork network,
        Tensor[] x,
        Tensor[] y,
        int epochs,
        int batchSize,
        bool shuffle,
        double validationSplit,
        (Tensor[] X, Tensor[] Y)? validationData,
        IEnumerable<Callback>? callbacks,
        Verbosity verbose,
        TextWriter? output,
        int? seed,
        ThreadPolicy? threads,
        FitArguments keras,
        CancellationToken cancellationToken)
    {
        CheckEpochs(epochs, keras.InitialEpoch);
        CheckBatchSize(batchSize);
        SampleWeights.CheckArguments(network, keras.SampleWeight, keras.ClassWeight);
        if (!(validationSplit >= 0 && validationSplit < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationSplit), validationSplit, "The validation split must be in [0, 1).");
        }

        if (validationSplit > 0 && validationData is not null)
        {
            throw new ArgumentException("Give either validationSplit or validationData, not both.", nameof(validationData));
        }

        if (keras.ValidationSampleWeight is not null && validationData is null)
        {
            throw new ArgumentException(
                "validationSampleWeight weights the samples of validationData, and none was given"
                + (validationSplit > 0 ? ": the samples a validationSplit holds out keep their sampleWeight." : "."),
                "validationSampleWeight");
        }

        var placement = new Placement(network);
        var shuffler = shuffle ? new SeededShuffle(seed ?? Reproducibility.NextShuffleSeed()) : null;
        using var all = TensorBatches.Create(network, placement, x, y, batchSize, shuffler, nameof(x), keras.SampleWeight, "sampleWeight");
        TensorBatches? training = null;
        TensorBatches? validation = null;
        try
        {
            if (validationSplit > 0)
            {
                (training, validation) = all.Split(validationSplit);
            }
            else if (validationData is { } given)
            {
                validation = TensorBatches.Create(network, placement, given.X, given.Y, batchSize, null, nameof(validationData), keras.ValidationSampleWeight, "validationSampleWeight");
            }

            if (keras.ClassWeight is { } classWeight)
            {
                (training ?? all).WeightByClass(classWeight, placement);
            }

            var data = new FitData([.. x, .. y], validationData is { } v ? [.. v.X, .. v.Y] : null);
            return FitCore(network, training ?? all, validation, data, epochs, keras.InitialEpoch, batchSize, callbacks, verbose, output, seed, threads, cancellationToken);
        }
        finally
        {
            training?.Dispose();
            validation?.Dispose();
        }
    }

    private static History FitCore(
        INetwork network,
        BatchSource training,
        BatchSource? validation,
        FitData data,
        int epochs,
        int initialEpoch,
        int? batchSizeHint,
        IEnumerable<Callback>? callbacks,
        Verbosity verbose,
        TextWriter? output,
        int? seed,
        ThreadPolicy? threads,
        CancellationToken cancellationToken)
    {
        var core = network.Core;
        var module = (nn.Module)network;
        using var fitting = core.BeginTraining();

        // Once per process: keeps glibc from growing its heap with every step (MallocTuning's remarks).
        MallocTuning.EnsureApplied();
        var options = network.CompileOptions;
        var optimizer = core.Parts.Count == 0 ? core.Optimizer(options.Optimizer) : null;
        var writer = verbose == Verbosity.Silent ? null : output ?? Console.Out;
        var history = new History();
        var context = new TrainingContext(network, history, epochs, writer, optimizer, options, initialEpoch);
        var callbackList = callbacks?.ToList() ?? new List<Callback>();
        if (callbackList.Any(static callback => callback is null))
        {
            throw new ArgumentException("The callbacks contain null.", nameof(callbacks));
        }

        // Before the first epoch, so a misuse shows above the progress it makes meaningless.
        var warnings = RoleChecks.Fit(network, data.Training, data.Validation, "validationData", callbackList);
        DataRoles.Report(warnings, writer);
        history.AddWarnings(warnings);

        var logs = new RunLogs(network.Description, options, logsLoss: core.Parts.Count == 0);
        var step = new StepContext(network, options, optimizer, logs, isTraining: true);
        if (seed is { } value)
        {
            manual_seed(value);
        }

        var work = (batchSizeHint ?? 32) * network.Description.TrainableParameterCount;
        using var threadScope = (threads ?? ThreadPolicy.Default).Apply(work);
        bool wasTraining;
        lock (core.Gate)
        {
            wasTraining = module.training;
            module.train();
        }

        try
        {
            callbackList.ForEach(callback => callback.OnTrainBegin(context));
            // Keras's initial_epoch: a resumed run numbers its epochs on from where the earlier one stopped.
            for (var epoch = initialEpoch; epoch < epochs && !context.StopTraining; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.BeginEpochLogs();
                callbackList.ForEach(callback => callback.OnEpochBegin(context, epoch));
                if (verbose == Verbosity.Batch)
                {
                    writer?.WriteLine(EpochHeader(epoch, epochs));
                }

                var clock = Stopwatch.StartNew();
                logs.Reset();
                var steps = 0;
                using var batches = training.Batches(epoch).GetEnumerator();
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!batches.MoveNext())
                    {
                        break;
                    }

                    // The batch is cut inside the step's scope, so its slices, gathered rows and
                    // converted copies die with the step instead of waiting for the garbage collector.
                    using var scope = NewDisposeScope();
                    var batch = batches.Current();
                    foreach (var callback in callbackList)
                    {
                        callback.OnBatchBegin(context, steps);
                    }

                    step.BatchSize = batch.Size;
                    lock (core.Gate)
                    {
                        network.TrainStep(batch, step);
                    }

                    steps++;
                    if (verbose == Verbosity.Batch)
                    {
                        // Keras's progress bar shows the running means of the epoch so far.
                        writer?.WriteLine(Progress.BatchLine(steps, training.BatchCount, logs.Results()));
                    }

                    // Per-batch hooks are plain loops: a ForEach lambda would allocate a delegate every step.
                    if (callbackList.Count > 0)
                    {
                        var batchLogs = new BatchLogs(logs);
                        foreach (var callback in callbackList)
                        {
                            callback.OnBatchEnd(context, steps - 1, batchLogs);
                        }
                    }

                    if (context.StopTraining)
                    {
                        break;
                    }
                }

                // A callback may stop the epoch early: the values are over the batches actually trained.
                var epochLogs = logs.Results();
                if (validation is not null && !cancellationToken.IsCancellationRequested)
                {
                    foreach (var (name, result) in NetworkEvaluation.EvaluateCore(network, options, validation, cancellationToken))
                    {
                        epochLogs["val_" + name] = result;
                    }
                }

                // Values callbacks logged during the epoch (a schedule's learning_rate) come last, as in Keras 3.
                context.EndEpochLogs(epochLogs);
                history.Add(epoch, epochLogs);
                if (verbose != Verbosity.Batch)
                {
                    writer?.WriteLine(EpochHeader(epoch, epochs));
                }

                writer?.WriteLine(Progress.EpochLine(steps, training.BatchCount, clock.Elapsed, epochLogs));

                // Callbacks read the logs; a value of their own goes through TrainingContext.LogValue.
                var readOnlyLogs = epochLogs.AsReadOnly();
                callbackList.ForEach(callback => callback.OnEpochEnd(context, epoch, readOnlyLogs));
            }
        }
        finally
        {
            try
            {
                EndTraining(callbackList, context);
            }
            finally
            {
                logs.Reset();
                lock (core.Gate)
                {
                    module.train(wasTraining);
                }
            }
        }

        if (context.StopReason is { } reason)
        {
            writer?.WriteLine(reason);
        }

        return history;
    }

    /// <summary>
    /// The Keras arguments a tensor <c>Fit</c> passes on together: <c>class_weight</c>, <c>sample_weight</c>,
    /// <c>initial_epoch</c> and the weights of <c>validation_data</c>'s third element.
    /// </summary>
    internal readonly record struct FitArguments(IReadOnlyDictionary<int, double>? ClassWeight, Tensor? SampleWeight, int InitialEpoch, Tensor? ValidationSampleWeight);

    /// <summary>The user's objects a <c>Fit</c> trains and validates on (tensors or batch sources), for <see cref="RoleChecks"/>.</summary>
    private sealed record FitData(object[] Training, object[]? Validation);

    /// <summary>Runs every callback's <c>OnTrainEnd</c>, even after one of them throws.</summary>
    private static void EndTraining(List<Callback> callbacks, TrainingContext context)
    {
        List<Exception>? failures = null;
        foreach (var callback in callbacks)
        {
            try
            {
                callback.OnTrainEnd(context);
            }
            catch (Exception exception)
            {
                (failures ??= new List<Exception>()).Add(exception);
            }
        }

        if (failures is not null)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException("Several callbacks failed at the end of training.", failures);
        }
    }

    private static string EpochHeader(int epoch, int epochs) =>
        $"Epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}/{epochs.ToString(CultureInfo.InvariantCulture)}";

    internal static void Single(INetwork network, string parameter)
    {
        var description = network.Description;
        if (description.Inputs.Count != 1 || description.Outputs.Count != 1)
        {
            throw new ArgumentException(
                $"{description.Name} has {description.Inputs.Count} inputs and {description.Outputs.Count} outputs; give its data by name (inputs {string.Join(", ", description.Inputs.Select(static i => i.Name))}; outputs {string.Join(", ", description.Outputs.Select(static o => o.Name))}).",
                parameter);
        }
    }

    /// <summary>Throws unless the network has one input; without targets, its outputs may be several (a VAE returning its latent means too).</summary>
    internal static void SingleInput(INetwork network, string parameter)
    {
        var description = network.Description;
        if (description.Inputs.Count != 1)
        {
            throw new ArgumentException(
                $"{description.Name} has {description.Inputs.Count} inputs ({string.Join(", ", description.Inputs.Select(static i => i.Name))}); without targets it takes one input tensor.",
                parameter);
        }
    }

    internal static Tensor[] ByName(IEnumerable<string> names, IReadOnlyDictionary<string, Tensor>? values, string kind, string parameter)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        var expected = names.ToList();
        var missing = expected.Where(name => !values.ContainsKey(name)).ToList();
        var unknown = values.Keys.Where(key => !expected.Contains(key)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new ArgumentException(
                $"The {kind}s are {string.Join(", ", expected.Select(static n => "'" + n + "'"))}"
                + (missing.Count > 0 ? $"; no tensor was given for {string.Join(", ", missing.Select(static n => "'" + n + "'"))}" : string.Empty)
                + (unknown.Count > 0 ? $"; {string.Join(", ", unknown.Select(static n => "'" + n + "'"))} is not one of them" : string.Empty) + ".",
                parameter);
        }

        return expected.Select(name => values[name] ?? throw new ArgumentNullException(parameter, $"The tensor for '{name}' is null.")).ToArray();
    }

    internal static void CheckBatchSize(int batchSize)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        }
    }

    private static void CheckEpochs(int epochs, int initialEpoch)
    {
        if (epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Fit needs at least one epoch.");
        }

        // An initialEpoch at or past epochs trains nothing, as in Keras (a resumed run that is already done).
        if (initialEpoch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(initialEpoch), initialEpoch, "The initial epoch is a 0-based epoch index and must not be negative.");
        }
    }
}
