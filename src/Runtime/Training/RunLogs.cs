using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Metrics;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// The values one training epoch or evaluation accumulates: the total loss, each output's loss
/// when there are several, each output's metrics, and anything a step logs. Everything stays on
/// the device until <see cref="Results"/> reads it, once per progress update.
/// </summary>
internal sealed class RunLogs
{
    private readonly List<MeanTracker> _trackers = new();
    private readonly List<(string Name, MetricAccumulator Metric)> _metrics = new();

    /// <param name="description">The network.</param>
    /// <param name="options">Its losses and metrics.</param>
    /// <param name="logsLoss">
    /// Whether a <c>loss</c> is expected (and shown as NaN until a step logs one); false for a
    /// composite network (a GAN), whose step logs its parts' losses under names of its own.
    /// </param>
    public RunLogs(NetworkDescription description, CompileOptions options, bool logsLoss = true)
    {
        if (logsLoss)
        {
            Tracker("loss");
        }

        var several = description.Outputs.Count > 1;
        if (several)
        {
            foreach (var output in options.Outputs.Where(static o => o.Loss is not null))
            {
                Tracker(output.Name + "_loss");
            }
        }

        MetricsByOutput = options.Outputs.Select(output => output.Metrics.Select(static m => m.NewInstance()).ToArray()).ToArray();
        for (var i = 0; i < MetricsByOutput.Length; i++)
        {
            foreach (var metric in MetricsByOutput[i])
            {
                _metrics.Add((several ? options.Outputs[i].Name + "_" + metric.Name : metric.Name, metric));
            }
        }

        var duplicate = _trackers.Select(static t => t.Name).Concat(_metrics.Select(static m => m.Name))
            .GroupBy(static name => name, StringComparer.Ordinal).FirstOrDefault(static group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two values would be logged as '{duplicate.Key}'; give the metrics of one output different names.");
        }
    }

    /// <summary>Whether any output has a metric (a step without one skips the metric update).</summary>
    public bool HasMetrics => _metrics.Count > 0;

    /// <summary>Fresh metric accumulators per output, in output order.</summary>
    public MetricAccumulator[][] MetricsByOutput { get; }

    /// <summary>The tracker named <paramref name="name"/>, created (after the others) on first use.</summary>
    public MeanTracker Tracker(string name)
    {
        foreach (var tracker in _trackers)
        {
            if (tracker.Name == name)
            {
                return tracker;
            }
        }

        if (_metrics.Any(metric => metric.Name == name))
        {
            throw new ArgumentException($"'{name}' is already logged by a metric.", nameof(name));
        }

        var created = new MeanTracker(name);
        _trackers.Add(created);
        return created;
    }

    public void Reset()
    {
        _trackers.ForEach(static tracker => tracker.Reset());
        foreach (var (_, metric) in _metrics)
        {
            metric.Reset();
        }
    }

    /// <summary>One running value: a tracker's mean or a metric's result.</summary>
    public double Value(string name)
    {
        foreach (var tracker in _trackers)
        {
            if (tracker.Name == name)
            {
                return tracker.Sum is null ? double.NaN : tracker.Sum.item<double>() / tracker.Count;
            }
        }

        foreach (var (metricName, metric) in _metrics)
        {
            if (metricName == name)
            {
                return metric.Result();
            }
        }

        throw new KeyNotFoundException($"Nothing is logged as '{name}'; the values are {string.Join(", ", _trackers.Select(static t => t.Name).Concat(_metrics.Select(static m => m.Name)))}.");
    }

    /// <summary>Every value, in log order: losses and logged values (means over samples), then metrics.</summary>
    public Dictionary<string, double> Results()
    {
        var results = new Dictionary<string, double>(StringComparer.Ordinal);
        var filled = _trackers.Where(static t => t.Sum is not null).ToList();
        if (filled.Count > 0)
        {
            // One copy to the host for every tracker, however many there are.
            using var scope = NewDisposeScope();
            var device = filled[0].Sum!.device;
            var sums = stack(filled.Select(t => t.Sum!.to(device)).ToArray()).cpu().data<double>().ToArray();
            for (var i = 0; i < filled.Count; i++)
            {
                results[filled[i].Name] = sums[i] / filled[i].Count;
            }
        }

        foreach (var tracker in _trackers.Where(static t => t.Sum is null))
        {
            results[tracker.Name] = double.NaN;
        }

        // Keep the declared order: trackers first as created, then metrics.
        var ordered = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var tracker in _trackers)
        {
            ordered[tracker.Name] = results[tracker.Name];
        }

        foreach (var (name, metric) in _metrics)
        {
            ordered[name] = metric.Result();
        }

        return ordered;
    }
}
