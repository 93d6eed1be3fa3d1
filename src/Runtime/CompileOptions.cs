using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Losses;
using NetGen.Metrics;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// What training uses: the optimizer, and for each output its loss, the weight of that loss in
/// the total, and its metrics (Keras's <c>compile(optimizer, loss, loss_weights, metrics)</c>).
/// A network starts with the configuration declared on its class; <c>Compile</c> replaces it.
/// </summary>
public sealed record CompileOptions
{
    /// <summary>Creates compile options.</summary>
    /// <param name="optimizer">The optimizer and its hyperparameters.</param>
    /// <param name="outputs">One entry per network output, in the network's output order.</param>
    public CompileOptions(Optimizer optimizer, IReadOnlyList<OutputOptions> outputs)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count == 0)
        {
            throw new ArgumentException("Compile options need at least one output.", nameof(outputs));
        }

        var duplicate = outputs.GroupBy(static output => output.Name, StringComparer.Ordinal).FirstOrDefault(static group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Output '{duplicate.Key}' is listed twice.", nameof(outputs));
        }

        Optimizer = optimizer;
        Outputs = outputs.ToArray();
    }

    /// <summary>The optimizer and its hyperparameters.</summary>
    public Optimizer Optimizer { get; init; }

    /// <summary>The loss, loss weight and metrics of each output, in the network's output order.</summary>
    public IReadOnlyList<OutputOptions> Outputs { get; init; }

    /// <summary>The options of the output named <paramref name="name"/>.</summary>
    public OutputOptions this[string name] =>
        Outputs.FirstOrDefault(output => output.Name == name)
        ?? throw new KeyNotFoundException($"There is no output '{name}'; the outputs are {string.Join(", ", Outputs.Select(static o => o.Name))}.");
}

/// <summary>How one output is trained and measured.</summary>
public sealed record OutputOptions
{
    /// <summary>Creates the options of one output.</summary>
    /// <param name="name">The output layer's name.</param>
    /// <param name="loss">Its loss, or null when it is not trained (its loss weight then counts for nothing; its targets are still given, for its metrics and to keep every batch in output order).</param>
    /// <param name="lossWeight">The weight of its loss in the total.</param>
    /// <param name="metrics">Its metrics, in report order; each run uses fresh copies.</param>
    public OutputOptions(string name, LossFunction? loss, double lossWeight = 1.0, IReadOnlyList<MetricAccumulator>? metrics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!(lossWeight >= 0) || double.IsInfinity(lossWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(lossWeight), lossWeight, $"The loss weight of '{name}' must be zero or a positive, finite number.");
        }

        Name = name;
        Loss = loss;
        LossWeight = lossWeight;
        Metrics = metrics?.ToArray() ?? [];
        if (Metrics.Any(static metric => metric is null))
        {
            throw new ArgumentException($"The metrics of '{name}' contain null.", nameof(metrics));
        }
    }

    /// <summary>The output layer's name.</summary>
    public string Name { get; init; }

    /// <summary>The loss, or null when the output is not trained.</summary>
    public LossFunction? Loss { get; init; }

    /// <summary>The weight of the loss in the total.</summary>
    public double LossWeight { get; init; }

    /// <summary>The metrics, in report order.</summary>
    public IReadOnlyList<MetricAccumulator> Metrics { get; init; }
}
