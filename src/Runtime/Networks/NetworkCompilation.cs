using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Losses;
using NetGen.Metrics;
using NetGen.Optimizers;

namespace NetGen;

/// <summary><c>Compile</c>: replaces what training uses, as Keras's <c>compile</c> does.</summary>
public static class NetworkCompilation
{
    /// <summary>
    /// Replaces parts of the compile configuration; arguments left <see langword="null"/> keep
    /// their current value. <paramref name="loss"/> and <paramref name="metrics"/> apply to every
    /// output (Keras's behaviour with a single loss). A new optimizer starts from a fresh state.
    /// Enum values stand for their instances: <c>Compile(loss: Loss.MeanSquaredError, metrics: [Metric.Mae])</c>.
    /// </summary>
    public static void Compile(this INetwork network, Optimizer? optimizer = null, LossFunction? loss = null, IEnumerable<MetricAccumulator>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var metricList = metrics?.ToList();
        network.Core.SetCompileOptions(new CompileOptions(
            optimizer ?? Current(network)?.Optimizer ?? Optimizers.Optimizer.FromKind(OptimizerKind.Adam),
            network.Description.Outputs.Select(output =>
            {
                var current = Current(network)?.Outputs.FirstOrDefault(o => o.Name == output.Name);
                return new OutputOptions(output.Name, loss ?? current?.Loss, current?.LossWeight ?? 1.0, metricList ?? current?.Metrics);
            }).ToList()));
    }

    /// <summary>
    /// Replaces the losses, loss weights and metrics per output, by output name (Keras's
    /// <c>compile(loss={...}, loss_weights={...}, metrics={...})</c>). Outputs missing from
    /// <paramref name="loss"/> are not trained; missing from the others, they weigh 1 and have no metrics.
    /// </summary>
    public static void Compile(
        this INetwork network,
        IReadOnlyDictionary<string, LossFunction> loss,
        IReadOnlyDictionary<string, double>? lossWeights = null,
        IReadOnlyDictionary<string, IReadOnlyList<MetricAccumulator>>? metrics = null,
        Optimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(loss);
        var names = network.Description.Outputs.Select(static o => o.Name).ToList();
        foreach (var (kind, keys) in new[] { ("loss", loss.Keys), ("lossWeights", lossWeights?.Keys), ("metrics", metrics?.Keys) })
        {
            var unknown = keys?.Where(key => !names.Contains(key)).ToList();
            if (unknown is { Count: > 0 })
            {
                throw new ArgumentException($"{string.Join(", ", unknown.Select(static n => "'" + n + "'"))} in {kind} is not an output of {network.Description.Name}; its outputs are {string.Join(", ", names.Select(static n => "'" + n + "'"))}.", kind);
            }
        }

        network.Core.SetCompileOptions(new CompileOptions(
            optimizer ?? Current(network)?.Optimizer ?? Optimizers.Optimizer.FromKind(OptimizerKind.Adam),
            names.Select(name => new OutputOptions(
                name,
                loss.TryGetValue(name, out var l) ? l : null,
                lossWeights is not null && lossWeights.TryGetValue(name, out var w) ? w : 1.0,
                metrics is not null && metrics.TryGetValue(name, out var m) ? m : null)).ToList()));
    }

    /// <summary>Replaces the whole compile configuration.</summary>
    public static void Compile(this INetwork network, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.Core.SetCompileOptions(options);
    }

    // The declared options when they are valid; null when the declaration's configuration has
    // errors, so Compile can still replace them.
    private static CompileOptions? Current(INetwork network)
    {
        try
        {
            return network.CompileOptions;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
