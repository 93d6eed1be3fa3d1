using System;
using System.Collections.Generic;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// What training uses: the loss, the metrics and the optimizer. A network starts with the
/// configuration declared on its class and <see cref="Network.Compile"/> replaces parts of it.
/// </summary>
/// <param name="Loss">The loss minimised.</param>
/// <param name="Metrics">Metrics reported besides the loss, in order.</param>
/// <param name="Optimizer">The optimizer and its hyperparameters.</param>
public sealed record CompileOptions(Loss Loss, IReadOnlyList<Metric> Metrics, Optimizer Optimizer)
{
    /// <summary>The metrics reported besides the loss, in order.</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = Metrics ?? throw new ArgumentNullException(nameof(Metrics));

    /// <summary>The optimizer and its hyperparameters.</summary>
    public Optimizer Optimizer { get; init; } = Optimizer ?? throw new ArgumentNullException(nameof(Optimizer));
}
