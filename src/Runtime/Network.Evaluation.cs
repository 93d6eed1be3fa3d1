using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Losses;
using NetGen.Metrics;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen;

public abstract partial class Network
{
    /// <summary>The loss and the compiled metrics on <paramref name="x"/>, in inference mode.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">Targets, one row per sample.</param>
    /// <param name="batchSize">Samples per forward pass; results are over all samples, not batch means.</param>
    public EvaluationResult Evaluate(Tensor x, Tensor y, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        }

        CheckSamples(x, y, nameof(x));
        return new EvaluationResult(Measure(x, y, batchSize, LossFunction.For(CompileOptions.Loss)));
    }

    /// <summary>The network's outputs for <paramref name="x"/>, computed in inference mode, batch by batch.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <returns>One output row per sample, owned by the caller's dispose scope.</returns>
    public Tensor Predict(Tensor x, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        }

        CheckInputShape(x, nameof(x));
        return InInferenceMode(() =>
        {
            // The outer scope owns the batch outputs until they are concatenated; each batch's
            // intermediates die with its own scope, so memory holds outputs, not activations.
            using var outer = NewDisposeScope();
            var outputs = new List<Tensor>();
            var (device, dtype) = Placement();
            for (long start = 0; start < x.shape[0]; start += batchSize)
            {
                using var batch = NewDisposeScope();
                var end = Math.Min(start + batchSize, x.shape[0]);
                outputs.Add(forward(ToNetwork(x[(int)start..(int)end], device, dtype)).MoveToOuterDisposeScope());
            }

            return cat(outputs, 0).MoveToOuterDisposeScope();
        });
    }

    /// <summary>
    /// Predicted classes as int64, one per sample: for one output column, 1 where the output
    /// exceeds <paramref name="threshold"/>; for several, the argmax.
    /// </summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="threshold">Decision threshold of a single sigmoid output.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    public Tensor PredictClasses(Tensor x, double threshold = 0.5, int batchSize = 32)
    {
        using var scope = NewDisposeScope();
        var predictions = Predict(x, batchSize);
        var classes = predictions.dim() == 2 && predictions.shape[1] > 1
            ? predictions.argmax(1)
            : predictions.reshape(-1).gt(threshold).to_type(ScalarType.Int64);
        return classes.MoveToOuterDisposeScope();
    }

    private Dictionary<string, double> Measure(Tensor x, Tensor y, int batchSize, LossFunction loss)
    {
        var metrics = CompileOptions.Metrics.Select(MetricAccumulator.For).ToList();
        return InInferenceMode(() =>
        {
            double lossSum = 0;
            var (device, dtype) = Placement();
            for (long start = 0; start < x.shape[0]; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var end = Math.Min(start + batchSize, x.shape[0]);
                var inputs = ToNetwork(x[(int)start..(int)end], device, dtype);
                var targets = y[(int)start..(int)end].to(device);
                var predictions = forward(inputs);
                lossSum += loss.Compute(predictions, targets).to_type(ScalarType.Float64).item<double>() * (end - start);
                metrics.ForEach(metric => metric.Update(predictions, targets));
            }

            var values = new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = lossSum / x.shape[0] };
            metrics.ForEach(metric => values[metric.Name] = metric.Result());
            return values;
        });
    }

    /// <summary>Runs <paramref name="action"/> in eval mode without gradients, then restores the previous mode.</summary>
    private T InInferenceMode<T>(Func<T> action)
    {
        var wasTraining = training;
        eval();
        try
        {
            using (no_grad())
            {
                return action();
            }
        }
        finally
        {
            train(wasTraining);
        }
    }
}
