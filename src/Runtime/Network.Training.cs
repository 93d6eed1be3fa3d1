using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Losses;
using NetGen.Metrics;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen;

public abstract partial class Network
{
    private optim.Optimizer? _optimizer;

    // The parameter objects _optimizer was created over. Module.to(device or dtype) replaces
    // (and disposes) every Parameter, which would leave the optimizer stepping dead tensors.
    private Parameter[]? _optimizedParameters;

    /// <summary>
    /// Trains the network, Keras-style. <paramref name="validationSplit"/> holds out the last
    /// fraction of the samples (before shuffling) for validation; <paramref name="shuffle"/>
    /// reshuffles the training samples every epoch. Every step runs in a dispose scope, so
    /// memory stays flat however many epochs run.
    /// </summary>
    /// <param name="x">Inputs, one row per sample, each shaped like <see cref="NetworkDescription.InputShape"/>.</param>
    /// <param name="y">Targets, one row per sample (class ids for sparse categorical cross-entropy).</param>
    /// <param name="epochs">Passes over the training samples.</param>
    /// <param name="batchSize">Samples per optimizer step; the last batch of an epoch may be smaller.</param>
    /// <param name="shuffle">Whether the training samples are reshuffled every epoch.</param>
    /// <param name="validationSplit">Fraction in [0, 1) of the last samples held out for validation.</param>
    /// <param name="validationData">Separate validation samples; not together with <paramref name="validationSplit"/>.</param>
    /// <param name="callbacks">Hooks such as <see cref="EarlyStopping"/> and <see cref="TerminateOnNaN"/>.</param>
    /// <param name="verbose">How much progress is printed.</param>
    /// <param name="output">Where progress goes; the console by default.</param>
    /// <param name="seed">Seeds the shuffling, for reproducible runs.</param>
    /// <returns>Every logged value per epoch.</returns>
    public History Fit(
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
        int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Fit needs at least one epoch.");
        }

        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        }

        if (!(validationSplit >= 0 && validationSplit < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationSplit), validationSplit, "The validation split must be in [0, 1).");
        }

        if (validationSplit > 0 && validationData is not null)
        {
            throw new ArgumentException("Give either validationSplit or validationData, not both.", nameof(validationData));
        }

        CheckSamples(x, y, nameof(x));
        var (trainX, trainY, validation) = SplitValidation(x, y, validationSplit, validationData);

        // A validation split slices x and y: release those views when Fit returns or throws.
        using var slices = new OwnedTensors(validationSplit > 0 ? [trainX, trainY, validation!.Value.X, validation.Value.Y] : []);
        var loss = LossFunction.For(CompileOptions.Loss);
        var metrics = CompileOptions.Metrics.Select(MetricAccumulator.For).ToList();
        var writer = verbose == Verbosity.Silent ? null : output ?? Console.Out;
        var history = new History();
        var context = new TrainingContext(this, history, epochs, writer);
        var callbackList = callbacks?.ToList() ?? new List<Callback>();
        var random = seed is { } s ? new Random(s) : new Random();
        var count = trainX.shape[0];
        var batches = (int)((count + batchSize - 1) / batchSize);
        var optimizer = CurrentOptimizer();
        var (device, dtype) = Placement();

        callbackList.ForEach(callback => callback.OnTrainBegin(context));
        for (var epoch = 0; epoch < epochs && !context.StopTraining; epoch++)
        {
            callbackList.ForEach(callback => callback.OnEpochBegin(context, epoch));
            if (verbose == Verbosity.Batch)
            {
                writer?.WriteLine($"Epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}/{epochs.ToString(CultureInfo.InvariantCulture)}");
            }

            var clock = Stopwatch.StartNew();
            var order = shuffle ? Permutation(count, random) : Enumerable.Range(0, (int)count).Select(static i => (long)i).ToArray();
            metrics.ForEach(static metric => metric.Reset());
            train();
            double lossSum = 0;
            long seen = 0;
            var steps = 0;
            for (var batch = 0; batch < batches && !context.StopTraining; batch++)
            {
                using var scope = NewDisposeScope();
                var indices = tensor(order.AsSpan(batch * batchSize, (int)Math.Min(batchSize, count - (batch * batchSize))).ToArray(), device: trainX.device);
                var inputs = ToNetwork(trainX.index_select(0, indices), device, dtype);
                var targets = trainY.index_select(0, indices).to(device);
                var predictions = forward(inputs);
                var batchLoss = loss.Compute(predictions, targets);
                optimizer.zero_grad();
                batchLoss.backward();
                optimizer.step();

                // Read as float64 whatever the network's dtype (item<float> throws on a float64 network).
                var value = batchLoss.to_type(ScalarType.Float64).item<double>();
                lossSum += value * indices.shape[0];
                seen += indices.shape[0];
                steps++;
                foreach (var metric in metrics)
                {
                    metric.Update(predictions.detach(), targets);
                }

                if (verbose == Verbosity.Batch)
                {
                    // Keras's progress bar shows the running mean of the epoch so far.
                    writer?.WriteLine($"{(batch + 1).ToString(CultureInfo.InvariantCulture)}/{batches.ToString(CultureInfo.InvariantCulture)} - loss: {(lossSum / seen).ToString("F4", CultureInfo.InvariantCulture)}");
                }

                callbackList.ForEach(callback => callback.OnBatchEnd(context, batch, value));
            }

            // A callback may stop the epoch early: average over the samples actually trained on.
            var logs = new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = lossSum / Math.Max(1, seen) };
            foreach (var metric in metrics)
            {
                logs[metric.Name] = metric.Result();
            }

            if (validation is { } data)
            {
                foreach (var (name, value) in Measure(data.X, data.Y, batchSize, loss))
                {
                    logs["val_" + name] = value;
                }
            }

            history.Add(logs);
            if (verbose != Verbosity.Batch)
            {
                writer?.WriteLine($"Epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}/{epochs.ToString(CultureInfo.InvariantCulture)}");
            }

            writer?.WriteLine(ProgressLine(steps, batches, clock.Elapsed, logs));
            callbackList.ForEach(callback => callback.OnEpochEnd(context, epoch, logs));
        }

        callbackList.ForEach(callback => callback.OnTrainEnd(context));
        if (context.StopReason is { } reason)
        {
            writer?.WriteLine(reason);
        }

        return history;
    }

    partial void OnOptimizerChanged()
    {
        _optimizer?.Dispose();
        _optimizer = null;
        _optimizedParameters = null;
    }

    /// <summary>
    /// The TorchSharp optimizer, created on first use and kept across <c>Fit</c> calls so its
    /// state (momentum, moment estimates) carries on, as a Keras model's optimizer does.
    /// It is created afresh when the network's parameters were replaced, e.g. by moving the
    /// network to another device or dtype: the old state belongs to tensors that no longer exist.
    /// </summary>
    private optim.Optimizer CurrentOptimizer()
    {
        var current = parameters().ToArray();
        if (_optimizer is null || _optimizedParameters is null || !Enumerable.SequenceEqual<Parameter>(current, _optimizedParameters, ReferenceEqualityComparer.Instance))
        {
            _optimizer?.Dispose();
            _optimizer = CompileOptions.Optimizer.Create(current);
            _optimizedParameters = current;
        }

        return _optimizer;
    }

    /// <summary>Where batches go: the parameters' device and floating-point dtype (none without parameters).</summary>
    private (Device Device, ScalarType? Dtype) Placement()
    {
        var first = parameters().FirstOrDefault();
        return (first?.device ?? CPU, first is not null && first.is_floating_point() ? first.dtype : null);
    }

    /// <summary>
    /// A batch of inputs on the network's device. Floating-point inputs take the parameters'
    /// dtype (Keras casts inputs to the model's dtype), so float64 data feeds a float32 network;
    /// integer inputs such as token ids stay as they are.
    /// </summary>
    private static Tensor ToNetwork(Tensor inputs, Device device, ScalarType? dtype) =>
        dtype is { } type && inputs.is_floating_point() && inputs.dtype != type
            ? inputs.to(type, device)
            : inputs.to(device);

    private void CheckSamples(Tensor x, Tensor y, string parameter)
    {
        if (x.dim() == 0 || y.dim() == 0 || x.shape[0] != y.shape[0])
        {
            throw new ArgumentException($"Inputs and targets must have one row per sample; got {Format(x)} inputs and {Format(y)} targets.", parameter);
        }

        CheckInputShape(x, parameter);
    }

    private void CheckInputShape(Tensor x, string parameter)
    {
        var sample = x.shape.Skip(1).Select(static d => (int)d).ToArray();
        if (x.dim() == 0 || !new Shape(sample).Equals(Description.InputShape))
        {
            throw new ArgumentException(
                $"{Description.Name} takes samples shaped {Description.InputShape}; the inputs are {Format(x)}, i.e. samples shaped {new Shape(sample)}.",
                parameter);
        }
    }

    private (Tensor X, Tensor Y, (Tensor X, Tensor Y)? Validation) SplitValidation(Tensor x, Tensor y, double split, (Tensor X, Tensor Y)? data)
    {
        if (data is { } given)
        {
            CheckSamples(given.X, given.Y, "validationData");
            return (x, y, given);
        }

        if (split == 0)
        {
            return (x, y, null);
        }

        var count = x.shape[0];
        var train = (long)Math.Floor(count * (1 - split));
        if (train < 1 || train >= count)
        {
            throw new ArgumentException(
                $"A validation split of {split.ToString(CultureInfo.InvariantCulture)} of {count.ToString(CultureInfo.InvariantCulture)} samples leaves no training or no validation samples.",
                "validationSplit");
        }

        return (x[..(int)train], y[..(int)train], (x[(int)train..], y[(int)train..]));
    }

    private static long[] Permutation(long count, Random random)
    {
        var order = new long[count];
        for (var i = 0L; i < count; i++)
        {
            order[i] = i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = random.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary><c>29/29 - 0s - 4ms/step - loss: 0.4321 - ...</c>; a stopped epoch shows the steps it ran.</summary>
    private static string ProgressLine(int steps, int batches, TimeSpan elapsed, IReadOnlyDictionary<string, double> logs)
    {
        var perStep = elapsed.TotalMilliseconds / Math.Max(1, steps);
        var values = string.Concat(logs.Select(static pair => $" - {pair.Key}: {pair.Value.ToString("F4", CultureInfo.InvariantCulture)}"));
        return $"{steps.ToString(CultureInfo.InvariantCulture)}/{batches.ToString(CultureInfo.InvariantCulture)} - {elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)}s - {perStep.ToString("F0", CultureInfo.InvariantCulture)}ms/step{values}";
    }

    private sealed class OwnedTensors(Tensor[] tensors) : IDisposable
    {
        public void Dispose() => Array.ForEach(tensors, static tensor => tensor.Dispose());
    }

    private static string Format(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
}
