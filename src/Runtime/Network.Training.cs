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
using static TorchSharp.torch;

namespace NetGen;

public abstract partial class Network
{
    private optim.Optimizer? _optimizer;

    /// <summary>
    /// Trains the network, Keras-style. <paramref name="validationSplit"/> holds out the last
    /// fraction of the samples (before shuffling) for validation; <paramref name="shuffle"/>
    /// reshuffles the training samples every epoch. Every step runs in a dispose scope, so
    /// memory stays flat however many epochs run.
    /// </summary>
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
        var device = Device;
        _optimizer ??= CompileOptions.Optimizer.Create(parameters());

        callbackList.ForEach(callback => callback.OnTrainBegin(context));
        for (var epoch = 0; epoch < epochs && !context.StopTraining; epoch++)
        {
            callbackList.ForEach(callback => callback.OnEpochBegin(context, epoch));
            var clock = Stopwatch.StartNew();
            var order = shuffle ? Permutation(count, random) : Enumerable.Range(0, (int)count).Select(static i => (long)i).ToArray();
            metrics.ForEach(static metric => metric.Reset());
            train();
            double lossSum = 0;
            for (var batch = 0; batch < batches && !context.StopTraining; batch++)
            {
                using var scope = NewDisposeScope();
                var indices = tensor(order.AsSpan(batch * batchSize, (int)Math.Min(batchSize, count - (batch * batchSize))).ToArray(), device: trainX.device);
                var inputs = trainX.index_select(0, indices).to(device);
                var targets = trainY.index_select(0, indices).to(device);
                var predictions = forward(inputs);
                var batchLoss = loss.Compute(predictions, targets);
                _optimizer.zero_grad();
                batchLoss.backward();
                _optimizer.step();

                var value = batchLoss.item<float>();
                lossSum += value * indices.shape[0];
                foreach (var metric in metrics)
                {
                    metric.Update(predictions.detach(), targets);
                }

                callbackList.ForEach(callback => callback.OnBatchEnd(context, batch, value));
            }

            var logs = new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = lossSum / count };
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
            writer?.WriteLine($"Epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}/{epochs.ToString(CultureInfo.InvariantCulture)}");
            writer?.WriteLine(ProgressLine(batches, clock.Elapsed, logs));
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
    }

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

    private static string ProgressLine(int batches, TimeSpan elapsed, IReadOnlyDictionary<string, double> logs)
    {
        var perStep = elapsed.TotalMilliseconds / Math.Max(1, batches);
        var values = string.Concat(logs.Select(static pair => $" - {pair.Key}: {pair.Value.ToString("F4", CultureInfo.InvariantCulture)}"));
        return $"{batches.ToString(CultureInfo.InvariantCulture)}/{batches.ToString(CultureInfo.InvariantCulture)} - {elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)}s - {perStep.ToString("F0", CultureInfo.InvariantCulture)}ms/step{values}";
    }

    private sealed class OwnedTensors(Tensor[] tensors) : IDisposable
    {
        public void Dispose() => Array.ForEach(tensors, static tensor => tensor.Dispose());
    }

    private static string Format(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
}
